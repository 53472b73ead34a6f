import { createHarness } from '../support/harness';

/**
 * Issue 13, finding 2: an ENTERPRISE caller without a USCC once listed the whole registry and every
 * project, because Prisma read `uscc: undefined` as "no filter". Strict undefined checks make that an error.
 */
const harness = createHarness();

afterAll(() => harness.db.$disconnect());

it('refuses a query whose filter is undefined instead of answering every row', async () => {
  const missingUscc: string | undefined = undefined;
  await expect(harness.db.enterprise.findMany({ where: { uscc: missingUscc } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
  await expect(
    harness.db.project.findMany({ where: { OR: [{ generalContractorUscc: missingUscc }, { participants: { some: { uscc: missingUscc } } }] } }),
  ).rejects.toThrow(/explicitly `undefined` values are not allowed/);
});
