import { addMonthsToPeriod, callUnary, grpc, mintToken } from '@yikatong/platform';
import { PayrollSettlementService } from '../../src/grpc/settlement-server';
import { createPayrollHarness, roles } from '../support/harness';

/**
 * A bank retrying a whole batch at once (outside testing sent 1,000 concurrent ReportSettlements for
 * one sheet). With a small pool the storm is sure to outrun the connections: the money must stay
 * exact, and every call must end settled, repeated, or refused with a status that means "retry".
 */
const harness = createPayrollHarness({ DATABASE_POOL_SIZE: '4', SETTLEMENT_CALLS_IN_FLIGHT: '2', SETTLEMENT_CALLS_QUEUED: '200' });
const { db } = harness;
const LINES = 5;
const CALLS = 1000;

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it(`answers ${CALLS} concurrent reports of one sheet with settlements, repeats or a retryable status — never an internal error`, async () => {
  const { projectId, accountId } = await harness.project();
  const sheet = await harness.reviewedSheet(projectId, addMonthsToPeriod(harness.clock.period(), -1), LINES);
  await harness.execute(
    `mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`,
    { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-STORM-1' } },
    roles.bank(),
  );
  expect((await harness.execute(`mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status } }`, { id: sheet.id }, roles.approver)).errors).toBeUndefined();
  const lines = await db.disbursementLine.findMany({ where: { sheetId: sheet.id }, orderBy: { id: 'asc' } });
  const reports = lines.map((line, i) => ({ lineId: line.id, outcome: 'PAID', bankReference: `ICBC-STORM-${i}`, failureReason: '', settledAt: '' }));
  const client = new PayrollSettlementService(`127.0.0.1:${harness.grpcPort}`, grpc.credentials.createInsecure());
  try {
    const token = await mintToken(harness.config, { sub: 'icbc-ops', kind: 'BANK', bank: 'ICBC' });
    const call = () =>
      callUnary<{ results: Array<{ lineId: string; result: string }> }>(client, 'ReportSettlements', { reports }, { token, deadlineMs: 120_000 }).then(
        (answer) => ({ answer }),
        (error: grpc.ServiceError) => ({ refusal: `${grpc.status[error.code]} ${error.metadata?.get('yikatong-error-code')[0]?.toString() ?? error.details}` }),
      );
    const storm = await Promise.all(Array.from({ length: CALLS }, call));
    const answered = storm.flatMap((outcome) => ('answer' in outcome ? [outcome.answer] : []));
    const refusals = storm.flatMap((outcome) => ('refusal' in outcome ? [outcome.refusal] : []));
    expect([...new Set(refusals)].filter((refusal) => !['RESOURCE_EXHAUSTED OVERLOADED', 'UNAVAILABLE DATABASE_BUSY'].includes(refusal))).toEqual([]);
    // The limit really bit: some calls were told to come back, and the rest were served.
    expect(refusals.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    const settled = answered
      .flatMap((answer) => answer.results)
      .filter((result) => result.result === 'SETTLED')
      .map((result) => result.lineId)
      .sort();
    expect(settled).toEqual(lines.map((line) => line.id).sort());
    expect(new Set(answered.flatMap((answer) => answer.results.map((result) => result.result)))).toEqual(new Set(['SETTLED', 'ALREADY_SETTLED']));
    // The bank sends again what was refused: each ends as a repeat.
    const retried = await call();
    expect('answer' in retried && retried.answer.results.map((result) => result.result)).toEqual(Array(LINES).fill('ALREADY_SETTLED'));
  } finally {
    client.close();
  }
  expect(await db.ledgerTransfer.count({ where: { cause: 'PAYMENT', causeId: { in: lines.map((line) => line.id) } } })).toBe(LINES);
  const ledger = await harness.execute(
    `query ($id: ID!) { projectLedger(projectId: $id) { balances { account balance } } }`,
    { id: projectId },
    roles.approver,
  );
  const balances = Object.fromEntries((ledger.data!.projectLedger.balances as Array<{ account: string; balance: string }>).map((b) => [b.account, b.balance]));
  expect(balances).toMatchObject({ WAGE_ACCOUNT: '0', PAYMENTS_IN_FLIGHT: '0', WORKERS_PAID: sheet.totalNet });
  expect(Object.values(balances).reduce((sum, balance) => sum + BigInt(balance), 0n) === 0n).toBe(true);
}, 180_000);
