import { addMonthsToPeriod, pruneEventTables } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createPayrollHarness, roles } from '../support/harness';

/**
 * Payment instructions carry the worker's card number in clear (the bank pays to it), so the outbox
 * holds it until the rows are pruned: after retention no table of payroll's holds a card number in
 * clear (wage cards themselves are encrypted at rest).
 */
const harness = createPayrollHarness();
const { db } = harness;
const CARD = '6222021234567890128';

beforeAll(() => harness.start());
afterAll(() => harness.stop());

/** Every row of every table of payroll's database, as text. */
async function dump(): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const rows = await Promise.all(tables.map(({ name }) => db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`)));
  return rows
    .flat()
    .map(({ row }) => row)
    .join('\n');
}

it('prunes published outbox rows and applied-event records past their retention, leaving no card number in clear', async () => {
  const { projectId, accountId } = await harness.project();
  const sheet = await harness.reviewedSheet(projectId, addMonthsToPeriod(harness.clock.period(), -1), 2);
  await harness.execute(
    `mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`,
    { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-RET-1' } },
    roles.bank(),
  );
  expect((await harness.execute(`mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status } }`, { id: sheet.id }, roles.approver)).errors).toBeUndefined();
  await testing.eventually(
    async () => ((await db.outboxEvent.count({ where: { publishedAt: null } })) === 0 ? true : undefined),
    10_000,
    'the relay to publish the instructions',
  );
  expect(await dump()).toContain(CARD);
  expect(await db.processedEvent.count()).toBeGreaterThan(0);

  // Within the retention nothing goes; past it (here: a retention of none) the rows do.
  expect(await pruneEventTables(db, { OUTBOX_RETENTION: '7d', PROCESSED_EVENT_RETENTION: '30d' })).toEqual({ outbox: 0, processed: 0 });
  const pruned = await pruneEventTables(db, { OUTBOX_RETENTION: '0s', PROCESSED_EVENT_RETENTION: '0s' });
  expect(pruned.outbox).toBeGreaterThan(0);
  expect(pruned.processed).toBeGreaterThan(0);
  expect(await dump()).not.toContain(CARD);
  expect(await db.outboxEvent.count()).toBe(0);
  expect(await db.processedEvent.count()).toBe(0);
});
