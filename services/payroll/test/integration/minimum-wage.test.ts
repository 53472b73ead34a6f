import { randomUUID } from 'node:crypto';
import { principalFromClaims, type Principal } from '@yikatong/platform';
import { createPayrollHarness } from '../support/harness';

const harness = createPayrollHarness();
const db = harness.db;
const worker = principalFromClaims({ sub: '00000000-0000-4000-8000-000000000001', kind: 'WORKER' });
const QUERY = `query ($region: String!, $on: Date) { minimumWage(regionCode: $region, on: $on) { regionCode monthly hourly effectiveFrom } }`;

const execute = (variables: Record<string, unknown>, principal: Principal | null) => harness.execute(QUERY, variables, principal);

beforeAll(async () => {
  await harness.start();
  await db.minimumWage.deleteMany();
  await db.minimumWage.createMany({
    data: [
      { id: randomUUID(), regionCode: '130000', monthlyFen: 190000n, hourlyFen: 1900n, effectiveFrom: new Date('2023-01-01') },
      { id: randomUUID(), regionCode: '130500', monthlyFen: 220000n, hourlyFen: 2200n, effectiveFrom: new Date('2025-01-01') },
    ],
  });
});

afterAll(() => harness.stop());

it('answers the most specific entry in force, money as exact fen strings', async () => {
  const result = await execute({ region: '130502', on: '2026-01-01' }, worker);
  expect(result.data).toEqual({ minimumWage: { regionCode: '130500', monthly: '220000', hourly: '2200', effectiveFrom: '2025-01-01' } });
  const earlier = await execute({ region: '130502', on: '2024-06-30' }, worker);
  expect(earlier.data).toMatchObject({ minimumWage: { regionCode: '130000', monthly: '190000' } });
});

it("answers today's entry in China by default: at 00:30 on 1 January the new year's rate is in force, though UTC is still in December", async () => {
  await db.minimumWage.create({
    data: { id: randomUUID(), regionCode: '130500', monthlyFen: 250000n, hourlyFen: 2500n, effectiveFrom: new Date('2027-01-01') },
  });
  harness.clock.set(new Date('2026-12-31T16:30:00Z'));
  expect((await execute({ region: '130502' }, worker)).data).toMatchObject({ minimumWage: { monthly: '250000', effectiveFrom: '2027-01-01' } });
  harness.clock.set(new Date('2026-12-31T15:59:00Z'));
  expect((await execute({ region: '130502' }, worker)).data).toMatchObject({ minimumWage: { monthly: '220000', effectiveFrom: '2025-01-01' } });
});

it('refuses a malformed region, a malformed date and an anonymous caller', async () => {
  expect((await execute({ region: '1305' }, worker)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_REGION_CODE', field: 'regionCode' });
  expect((await execute({ region: '130502', on: '2026-02-30' }, worker)).errors?.[0]?.message).toContain('not a calendar date');
  expect((await execute({ region: '130502' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
