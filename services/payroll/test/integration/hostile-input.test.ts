import { randomUUID } from 'node:crypto';
import { encodeCursor, MONEY_MAX_FEN, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createPayrollHarness, roles } from '../support/harness';

/**
 * Hostile input on payroll's lists and on the amounts of funding and deposits: each is refused with
 * a stable code and its field, nothing is written; two requests racing for one unique row get one
 * winner and, for the other, an answer it can retry (never an internal error).
 */
const harness = createPayrollHarness();
const FUND = 'mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }';
const SCHEDULE = 'mutation ($input: ScheduleFundingInput!) { scheduleFunding(input: $input) { dueOn } }';
const PLACE = 'mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { id } }';
const DRAW = 'mutation ($input: StartDepositDrawdownInput!) { startDepositDrawdown(input: $input) { id } }';
const PAID = 'mutation ($id: ID!) { confirmDepositDrawdownPaid(drawdownId: $id, bankReference: "CCB-DD-0001") { status } }';
let projectId: string;
let accountId: string;

const LISTS: ReadonlyArray<readonly [string, string, () => Principal, string]> = [
  [
    'wageSheets',
    'query ($p: ID!, $after: String) { list: wageSheets(projectId: $p, first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    () => roles.approver,
    encodeCursor(['2026-11-25T08:00:00.000Z', randomUUID()]),
  ],
  [
    'myPayslips',
    'query ($after: String) { list: myPayslips(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    () => roles.worker(randomUUID()),
    encodeCursor(['2026-10', randomUUID()]),
  ],
  [
    'disbursementBatches',
    'query ($after: String) { list: disbursementBatches(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    () => roles.bank(),
    encodeCursor(['2026-11-25T08:00:00.000Z', randomUUID()]),
  ],
  [
    'arrearsWarnings',
    'query ($after: String) { list: arrearsWarnings(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    () => roles.portal(),
    encodeCursor(['2026-11-25T08:00:00.000Z', randomUUID()]),
  ],
  [
    'ProjectLedger.transfers',
    'query ($p: ID!, $after: String) { projectLedger(projectId: $p) { list: transfers(first: 1, after: $after) { nodes { id: cause } pageInfo { endCursor } } } }',
    () => roles.portal(),
    encodeCursor('1'),
  ],
];
const listOf = (data: Record<string, any>) => data.list ?? data.projectLedger.list;

beforeAll(async () => {
  await harness.start();
  ({ projectId, accountId } = await harness.project());
  for (const bankReference of ['CCB-HOSTILE-0001', 'CCB-HOSTILE-0002']) {
    expect((await harness.execute(FUND, { input: { accountId, amount: '100000', bankReference } }, roles.bank())).errors).toBeUndefined();
  }
});
afterAll(() => harness.stop());

/** Rows of every table these mutations write, with the outbox. */
async function writes() {
  const [receipts, instalments, deposits, drawdowns, transfers, outbox] = await Promise.all([
    harness.db.fundingReceipt.count(),
    harness.db.fundingInstalment.count(),
    harness.db.deposit.count(),
    harness.db.depositDrawdown.count(),
    harness.db.ledgerTransfer.count(),
    harness.db.outboxEvent.count(),
  ]);
  return { receipts, instalments, deposits, drawdowns, transfers, outbox };
}

describe('a cursor no list issued', () => {
  it.each(LISTS)('%s takes a cursor of its own kind', async (_, query, caller, own) => {
    expect((await harness.execute(query, { p: projectId, after: own }, caller())).errors).toBeUndefined();
  });

  it('the ledger pages on with the cursor it gave', async () => {
    const [, query, caller] = LISTS[4]!;
    const first = listOf((await harness.execute(query, { p: projectId }, caller())).data!);
    const second = listOf((await harness.execute(query, { p: projectId, after: first.pageInfo.endCursor }, caller())).data!);
    expect(second.nodes).toHaveLength(1);
  });

  const cases = LISTS.flatMap(([name, query, caller]) => testing.FORGED_CURSORS.map(([forged, after]) => [name, forged, query, after, caller] as const));
  it.each(cases)('%s refuses %s with INVALID_CURSOR on after', async (_, __, query, after, caller) => {
    const result = await harness.execute(query, { p: projectId, after }, caller());
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });

  it('arrearsWarnings refuses a project id that is not one with INVALID_ID', async () => {
    const result = await harness.execute('{ arrearsWarnings(projectId: "x") { nodes { id } } }', {}, roles.portal());
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INVALID_ID', field: 'projectId' });
  });
});

describe('an amount out of range', () => {
  const amounts: Array<[string, unknown, string]> = [
    ['2^53 + 1 fen as a string', String(2n ** 53n + 1n), 'MONEY_OUT_OF_RANGE'],
    ['one fen above the maximum', String(MONEY_MAX_FEN + 1n), 'MONEY_OUT_OF_RANGE'],
    ['a JSON number above 2^53', 2 ** 53 + 1, 'INVALID_MONEY'],
    ['a small JSON number', 100_000, 'INVALID_MONEY'],
  ];

  it.each(amounts)('recordFundingReceived refuses %s, writing nothing', async (_, amount, code) => {
    const before = await writes();
    const result = await harness.execute(FUND, { input: { accountId, amount, bankReference: `CCB-${randomUUID().slice(0, 8)}` } }, roles.bank());
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.amount' });
    expect(await writes()).toEqual(before);
  });

  it.each(amounts)('scheduleFunding refuses an instalment of %s, writing nothing', async (_, amount, code) => {
    const before = await writes();
    const result = await harness.execute(
      SCHEDULE,
      {
        input: {
          projectId,
          instalments: [
            { dueOn: harness.clock.today(), amount: '500000' },
            { dueOn: harness.clock.today(), amount },
          ],
        },
      },
      roles.approver,
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.instalments[1].amount' });
    expect(await writes()).toEqual(before);
  });

  it.each(amounts)('placeDeposit refuses %s, writing nothing', async (_, amount, code) => {
    const before = await writes();
    const result = await harness.execute(PLACE, { input: { projectId, form: 'CASH', amount } }, roles.approver);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.amount' });
    expect(await writes()).toEqual(before);
  });
});

describe('two requests racing for one unique row', () => {
  const answers = (results: ReadonlyArray<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }>) =>
    results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');

  it('two placeDeposit at once: one deposit; the other is told DEPOSIT_EXISTS or CONFLICT, never an internal error', async () => {
    const project = await harness.project();
    const input = { projectId: project.projectId, form: 'CASH', amount: '2000000000' };
    const results = await Promise.all([1, 2, 3].map(() => harness.execute(PLACE, { input }, roles.approver)));
    expect(answers(results).filter((answer) => answer === 'OK')).toHaveLength(1);
    expect(
      answers(results)
        .filter((answer) => answer !== 'OK')
        .every((answer) => ['DEPOSIT_EXISTS', 'CONFLICT'].includes(String(answer))),
    ).toBe(true);
    expect(await harness.db.deposit.count({ where: { projectId: project.projectId } })).toBe(1);
  });

  it('two confirmDepositDrawdownPaid at once: paid once; the other is told PAID or CONFLICT, never an internal error', async () => {
    const project = await harness.project();
    expect(
      (await harness.execute(PLACE, { input: { projectId: project.projectId, form: 'CASH', amount: '2000000000' } }, roles.approver)).errors,
    ).toBeUndefined();
    const drawn = await harness.execute(
      DRAW,
      { input: { projectId: project.projectId, amount: '200000', orderReference: 'XT-2026-RACE', workers: [{ workerId: randomUUID(), amount: '200000' }] } },
      roles.inspector,
    );
    expect(drawn.errors).toBeUndefined();
    const results = await Promise.all([1, 2, 3].map(() => harness.execute(PAID, { id: drawn.data!.startDepositDrawdown.id }, roles.bank())));
    expect(answers(results).every((answer) => ['OK', 'CONFLICT'].includes(String(answer)))).toBe(true);
    expect(await harness.db.ledgerTransfer.count({ where: { cause: 'DRAWDOWN_PAID', causeId: drawn.data!.startDepositDrawdown.id } })).toBe(1);
  });
});
