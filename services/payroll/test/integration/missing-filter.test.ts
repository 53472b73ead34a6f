import { createPayrollHarness } from '../support/harness';

/**
 * Issue 13, finding 2: a BANK caller without a bank code once listed every bank's batches, because
 * Prisma read `bankCode: undefined` as "no filter". Strict undefined checks make that an error.
 */
const harness = createPayrollHarness();

afterAll(() => harness.db.$disconnect());

it('refuses a query whose filter is undefined instead of answering every row', async () => {
  const missingBank: string | undefined = undefined;
  await expect(harness.db.disbursementBatch.findMany({ where: { bankCode: missingBank } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
  await expect(harness.db.wageAccount.count({ where: { bankCode: missingBank } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
});
