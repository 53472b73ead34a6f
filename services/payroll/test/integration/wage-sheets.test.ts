import { addDays, addMonthsToPeriod, callUnary, chinaMidnight, grpc, lastDayOfPeriod, mintToken } from '@yikatong/platform';
import { PayrollSettlementService } from '../../src/grpc/settlement-server';
import { complaintClosedV1, complaintFiledV1, enrolmentEndedV1, wageCardChangedV1 } from '@yikatong/contracts';
import { randomUUID } from 'node:crypto';
import { payCycle, wagesDueOn } from '../../src/domain/pay-cycle';
import { createPayrollHarness, GC as GC_USCC, roles, SUB } from '../support/harness';

const harness = createPayrollHarness();
const db = harness.db;

const PREPARE = `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) {
  id status lineCount totalGross totalNet dueOn lines(first: 100) { nodes { id workerId holderName idNumberMasked net warnings { code } additions { kind amount } } } } }`;
const REVIEW = `mutation ($id: ID!) { reviewWageSheet(sheetId: $id) { status reviewedBy } }`;
const APPROVE = `mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status approvedBy batches { bankCode expectedCount expectedTotal pendingCount } } }`;
const CONFIRM = `mutation ($id: ID!) { confirmWageLine(lineId: $id) { confirmedAt } }`;
const FUND = `mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id amount } }`;
const LEDGER = `query ($id: ID!) { projectLedger(projectId: $id) { balances { account balance } instalments { dueOn overdue } transfers(first: 100) { nodes { cause amount } } } }`;
const CLOSING = `mutation ($id: ID!) { startWageAccountClosing(accountId: $id) { status noticeUntil } }`;
const WARNINGS = `query ($id: ID) { arrearsWarnings(projectId: $id) { nodes { colour ruleCode status } } }`;

/** The month before the clock's, in China. */
const lastMonth = () => addMonthsToPeriod(harness.clock.period(), -1);
/** Moves the clock to 10:00 China time on `day`. */
const moveTo = (day: string) => harness.clock.set(new Date(chinaMidnight(day).getTime() + 10 * 3_600_000));
/** Moves the clock to `days` after the month's wages fell due. */
const daysPastDue = (period: string, days: number) => moveTo(addDays(wagesDueOn(payCycle(period, 'MONTH'), harness.config.WAGE_DUE_DAYS_AFTER_CYCLE), days));
/** One sweep of every project at the clock's time, as the timer runs it. */
const sweep = () => harness.service.sweeper.tick(harness.clock.now());
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
const balance = async (projectId: string) => {
  const result = await harness.execute(LEDGER, { id: projectId }, roles.approver);
  return Object.fromEntries((result.data!.projectLedger.balances as Array<{ account: string; balance: string }>).map((b) => [b.account, BigInt(b.balance)]));
};
const openWarnings = async (projectId: string) =>
  ((await harness.execute(WARNINGS, { id: projectId }, roles.portal())).data!.arrearsWarnings.nodes as Array<{ ruleCode: string }>)
    .map((w) => w.ruleCode)
    .sort();

async function settle(reports: Array<Record<string, string>>, bank = 'ICBC') {
  const client = new PayrollSettlementService(`127.0.0.1:${harness.grpcPort}`, grpc.credentials.createInsecure());
  try {
    const token = await mintToken(harness.config, { sub: `${bank}-ops`, kind: 'BANK', bank });
    return await callUnary<{ results: Array<{ lineId: string; result: string; status: string }> }>(client, 'ReportSettlements', { reports }, { token });
  } finally {
    client.close();
  }
}

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('preparing a wage sheet', () => {
  it('refuses callers without wages:prepare, other enterprises, unknown projects and uncovered regions, writing nothing', async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    await harness.worker(projectId, payCycle(period, 'MONTH'));
    const before = await db.wageSheet.count();
    expect(code(await harness.execute(PREPARE, { input: { projectId, period } }, roles.officer))).toBe('FORBIDDEN');
    expect(code(await harness.execute(PREPARE, { input: { projectId, period, employerUscc: SUB } }, roles.clerk('91110108MA01ABCD0T')))).toBe('FORBIDDEN');
    expect(code(await harness.execute(PREPARE, { input: { projectId: '6f1c3f7e-1b7a-4c59-9a52-3f8f0f4a1b2c', period } }, roles.clerk()))).toBe(
      'PROJECT_NOT_FOUND',
    );
    expect((await harness.execute(PREPARE, { input: { projectId, period: '2026-13' } }, roles.clerk())).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'period',
    });
    const shenzhen = await harness.project('440305');
    expect(code(await harness.execute(PREPARE, { input: { projectId: shenzhen.projectId, period } }, roles.clerk()))).toBe('MINIMUM_WAGE_NOT_CONFIGURED');
    expect(await db.wageSheet.count()).toBe(before);
  });

  it('refuses a sheet with blocking errors, naming each worker; warns below the p10 guideline', async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    const cycle = payCycle(period, 'MONTH');
    const low = await harness.worker(projectId, cycle, { rateFen: '8000' });
    const partTime = await harness.worker(projectId, cycle, {
      employmentKind: 'PART_TIME',
      rateKind: 'HOURLY',
      rateFen: '3000',
      hours: 20,
      days: 5,
      longestDayHours: 4,
      longestWeekHours: 12,
    });
    const refused = await harness.execute(PREPARE, { input: { projectId, period } }, roles.clerk());
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BELOW_MINIMUM_WAGE',
      reasons: expect.arrayContaining(['BELOW_MINIMUM_WAGE', 'PART_TIME_CYCLE_TOO_LONG']),
    });
    expect(refused.errors?.[0]?.message).toContain(low.holderName);
    expect(refused.errors?.[0]?.message).toContain(partTime.holderName);
    // Each refusal by itself, with the worker's line it belongs to, for a page to show against that line.
    expect(refused.errors?.[0]?.extensions?.refusals).toEqual(
      expect.arrayContaining([
        { code: 'BELOW_MINIMUM_WAGE', field: `workers.${low.workerId}`, message: expect.stringContaining(low.holderName) },
        { code: 'PART_TIME_CYCLE_TOO_LONG', field: `workers.${partTime.workerId}`, message: expect.stringContaining(partTime.holderName) },
      ]),
    );
    const stranger = '0c1d7f1e-5b0a-4c4e-8f7a-2d2f7a0b9c11';
    expect(code(await harness.execute(PREPARE, { input: { projectId, period, workerIds: [stranger] } }, roles.clerk()))).toBe('NOT_ENROLLED');
    expect(await db.wageSheet.count({ where: { projectId } })).toBe(0);

    await db.guidelinePrice.create({
      data: {
        regionCode: '130500',
        tradeCode: 'REBAR',
        year: Number(period.slice(0, 4)),
        p10Fen: 32_000n,
        p25Fen: 35_000n,
        p50Fen: 40_000n,
        p75Fen: 45_000n,
        p90Fen: 50_000n,
      },
    });
    const fine = await harness.worker(projectId, cycle);
    const prepared = await harness.execute(
      PREPARE,
      {
        input: {
          projectId,
          period,
          workerIds: [fine.workerId],
          adjustments: [{ workerId: fine.workerId, additions: [{ kind: 'ALLOWANCE', label: '高温津贴', amount: '20000' }] }],
        },
      },
      roles.clerk(),
    );
    expect(prepared.data!.prepareWageSheet).toMatchObject({
      status: 'PREPARED',
      lineCount: 1,
      totalGross: '680000',
      lines: {
        nodes: [
          {
            workerId: fine.workerId,
            holderName: fine.holderName,
            idNumberMasked: '110105********002X',
            net: '680000',
            warnings: [{ code: 'RATE_BELOW_GUIDELINE_P10' }],
            additions: [{ kind: 'ALLOWANCE', amount: '20000' }],
          },
        ],
      },
    });
    expect(code(await harness.execute(PREPARE, { input: { projectId, period, workerIds: [fine.workerId] } }, roles.clerk()))).toBe('WAGE_SHEET_EXISTS');
    await db.guidelinePrice.deleteMany();
  });
});

describe("a sheet's lines", () => {
  it('come a page at a time (at most 100), in worker order, with a cursor; a bad cursor or size is refused', async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    const workers = [];
    for (let i = 0; i < 3; i += 1) workers.push((await harness.worker(projectId, payCycle(period, 'MONTH'))).workerId);
    const { id } = (await harness.execute(PREPARE, { input: { projectId, period } }, roles.clerk())).data!.prepareWageSheet;
    const PAGE = `query ($id: ID!, $first: Int, $after: String) { wageSheet(id: $id) { lineCount lines(first: $first, after: $after) { nodes { workerId holderName } pageInfo { hasNextPage endCursor } } } }`;
    const page = async (first: number, after?: string) => await harness.execute(PAGE, { id, first, after }, roles.officer);
    const one = (await page(2)).data!.wageSheet;
    expect(one.lineCount).toBe(3);
    expect(one.lines.nodes.map((line: { workerId: string }) => line.workerId)).toEqual(workers.sort().slice(0, 2));
    expect(one.lines.pageInfo.hasNextPage).toBe(true);
    const two = (await page(2, one.lines.pageInfo.endCursor)).data!.wageSheet.lines;
    expect(two).toMatchObject({ nodes: [{ workerId: workers[2] }], pageInfo: { hasNextPage: false } });
    expect(code(await page(101))).toBe('INVALID_PAGE_SIZE');
    expect((await page(2, Buffer.from('not-a-worker').toString('base64url'))).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_CURSOR',
      field: 'after',
    });
  });
});

describe('review, approval and payment', () => {
  it('only the worker confirms their line; review needs every confirmation; approval by another person with funds', async () => {
    const { projectId, accountId } = await harness.project();
    const period = lastMonth();
    const cycle = payCycle(period, 'MONTH');
    const [a, b] = [await harness.worker(projectId, cycle), await harness.worker(projectId, cycle)];
    const sheet = (await harness.execute(PREPARE, { input: { projectId, period } }, roles.clerk())).data!.prepareWageSheet;
    const lineOf = (workerId: string) => sheet.lines.nodes.find((line: { workerId: string }) => line.workerId === workerId).id;
    expect(code(await harness.execute(CONFIRM, { id: lineOf(a!.workerId) }, roles.worker(b!.workerId)))).toBe('WAGE_LINE_NOT_FOUND');
    await harness.execute(CONFIRM, { id: lineOf(a!.workerId) }, roles.worker(a!.workerId));
    expect(code(await harness.execute(REVIEW, { id: sheet.id }, roles.officer))).toBe('LINES_UNCONFIRMED');
    await harness.execute(CONFIRM, { id: lineOf(b!.workerId) }, roles.worker(b!.workerId));
    expect(code(await harness.execute(REVIEW, { id: sheet.id }, roles.clerk()))).toBe('FORBIDDEN');
    await harness.execute(REVIEW, { id: sheet.id }, roles.officer);
    const officerWhoApproves = { ...roles.approver, subject: roles.officer.subject };
    expect(code(await harness.execute(APPROVE, { id: sheet.id }, officerWhoApproves))).toBe('SAME_PERSON_APPROVAL');

    expect(code(await harness.execute(APPROVE, { id: sheet.id }, roles.approver))).toBe('INSUFFICIENT_FUNDS');
    expect(await db.disbursementLine.count({ where: { sheetId: sheet.id } })).toBe(0);
    const funding = { accountId, amount: '1320000', bankReference: 'CCB-20261101-0001' };
    expect(code(await harness.execute(FUND, { input: funding }, roles.bank('ICBC')))).toBe('WAGE_ACCOUNT_NOT_FOUND');
    const first = await harness.execute(FUND, { input: funding }, roles.bank());
    const again = await harness.execute(FUND, { input: funding }, roles.bank());
    expect(again.data!.recordFundingReceived.id).toBe(first.data!.recordFundingReceived.id);
    expect(code(await harness.execute(FUND, { input: { ...funding, amount: '1' } }, roles.bank()))).toBe('RECEIPT_REFERENCE_REUSED');

    const approved = await harness.execute(APPROVE, { id: sheet.id }, roles.approver);
    expect(approved.data!.approveWageSheet).toMatchObject({
      status: 'APPROVED',
      batches: [{ bankCode: 'ICBC', expectedCount: 2, expectedTotal: '1320000', pendingCount: 2 }],
    });
    const events = await db.outboxEvent.findMany({
      where: {
        type: 'cn.yikatong.payroll.disbursement.requested.v1',
        key: { in: (await db.disbursementBatch.findMany({ where: { sheetId: sheet.id } })).map((x) => x.id) },
      },
    });
    expect(events).toHaveLength(2);
    expect(events[0]!.payload).toMatchObject({ data: { bankCode: 'ICBC', cardNumber: '6222021234567890128', payerBankCode: 'CCB', amountFen: '660000' } });
    expect(await balance(projectId)).toMatchObject({ CLIENT_FUNDING: -1_320_000n, WAGE_ACCOUNT: 0n, PAYMENTS_IN_FLIGHT: 1_320_000n, WORKERS_PAID: 0n });
  });

  it('settles each line exactly once under concurrent duplicate reports; late and contradicting reports change nothing', async () => {
    const { projectId, accountId } = await harness.project();
    const sheet = await harness.reviewedSheet(projectId, lastMonth(), 3);
    await harness.execute(FUND, { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-REF-1' } }, roles.bank());
    await harness.execute(APPROVE, { id: sheet.id }, roles.approver);
    const lines = await db.disbursementLine.findMany({ where: { sheetId: sheet.id }, orderBy: { id: 'asc' } });
    const reports = lines.map((line, i) => ({ lineId: line.id, outcome: 'PAID', bankReference: `ICBC-V-${i}`, failureReason: '', settledAt: '' }));

    const [one, two] = await Promise.all([settle(reports), settle(reports)]);
    const settledPerLine = lines.map((line) => [one, two].filter((r) => r.results.find((x) => x.lineId === line.id)!.result === 'SETTLED').length);
    expect(settledPerLine).toEqual([1, 1, 1]);
    expect([...one.results, ...two.results].filter((r) => r.result !== 'SETTLED').every((r) => r.result === 'ALREADY_SETTLED')).toBe(true);
    expect(await db.ledgerTransfer.count({ where: { cause: 'PAYMENT', causeId: { in: lines.map((l) => l.id) } } })).toBe(3);

    expect((await settle([{ ...reports[0]!, outcome: 'FAILED', bankReference: '', failureReason: 'CARD_CLOSED' }])).results[0]!.result).toBe('CONFLICT');
    expect((await settle(reports.slice(0, 1), 'CCB')).results[0]).toMatchObject({ result: 'NOT_FOUND', status: '' });
    await expect(settle([{ ...reports[0]!, bankReference: '' }])).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });

    expect(await balance(projectId)).toMatchObject({ WAGE_ACCOUNT: 0n, PAYMENTS_IN_FLIGHT: 0n, WORKERS_PAID: BigInt(sheet.totalNet) });
    expect((await db.wageSheet.findUniqueOrThrow({ where: { id: sheet.id } })).status).toBe('PAID');
    const payslips = await harness.execute(`{ myPayslips { nodes { net payment { status bankReference } } } }`, {}, roles.worker(sheet.lines[0]!.workerId));
    expect(payslips.data!.myPayslips.nodes).toEqual([{ net: '660000', payment: { status: 'PAID', bankReference: expect.stringMatching(/^ICBC-V-/) } }]);
    // The pinned clock stood still since the last test, so batches tie on newest-first: find this sheet's.
    const batches = await harness.execute(
      `{ disbursementBatches { nodes { sheetId expectedCount paidCount failedCount pendingCount expectedTotal paidTotal } } }`,
      {},
      roles.bank('ICBC'),
    );
    expect(batches.data!.disbursementBatches.nodes.find((batch: { sheetId: string }) => batch.sheetId === sheet.id)).toEqual({
      sheetId: sheet.id,
      expectedCount: 3,
      paidCount: 3,
      failedCount: 0,
      pendingCount: 0,
      expectedTotal: sheet.totalNet,
      paidTotal: sheet.totalNet,
    });
  });
});

describe('arrears warnings', () => {
  it('raises red and yellow for wages unpaid a month after due; a failed payment returns its money, keeps them open, and goes again to the new card', async () => {
    const { projectId, accountId } = await harness.project();
    const period = lastMonth();
    // 29 days past due: fewer paid than worked, under 90 % — not yet a month.
    daysPastDue(period, 29);
    const sheet = await harness.reviewedSheet(projectId, period, 2);
    expect(await openWarnings(projectId)).toEqual(['FEWER_PAID_THAN_WORKED', 'UNDER_90_PERCENT_PAID']);
    // The next day the sweep finds the wages unpaid a month after due.
    harness.clock.advance({ days: 1 });
    await sweep();
    expect(await openWarnings(projectId)).toEqual(['FEWER_PAID_THAN_WORKED', 'UNDER_90_PERCENT_PAID', 'WAGES_UNPAID_A_MONTH']);
    const raised = await db.outboxEvent.findMany({ where: { type: 'cn.yikatong.payroll.arrears-warning.raised.v1', key: projectId } });
    expect(raised.map((e) => (e.payload as { data: { colour: string } }).data.colour).sort()).toEqual(['RED', 'RED', 'YELLOW']);

    await harness.execute(FUND, { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-REF-2' } }, roles.bank());
    await harness.execute(APPROVE, { id: sheet.id }, roles.approver);
    const lines = await db.disbursementLine.findMany({ where: { sheetId: sheet.id } });
    await settle([{ lineId: lines[0]!.id, outcome: 'FAILED', bankReference: '', failureReason: 'CARD_CLOSED', settledAt: '' }]);
    expect(await balance(projectId)).toMatchObject({ WAGE_ACCOUNT: lines[0]!.amountFen, PAYMENTS_IN_FLIGHT: lines[1]!.amountFen });
    await settle([{ lineId: lines[1]!.id, outcome: 'PAID', bankReference: 'ICBC-9', failureReason: '', settledAt: '' }]);
    // One of two paid: 50 % is still under 90 %, and one worker is still unpaid.
    expect(await openWarnings(projectId)).toEqual(['FEWER_PAID_THAN_WORKED', 'UNDER_90_PERCENT_PAID', 'WAGES_UNPAID_A_MONTH']);
    expect(code(await harness.execute(CLOSING, { id: accountId }, roles.approver))).toBe('ARREARS_OPEN');

    // The worker's new card (at another bank) arrives from identity; the failed payment goes again, once.
    await harness.deliver(wageCardChangedV1, lines[0]!.workerId, {
      workerId: lines[0]!.workerId,
      holderName: '新卡',
      bankCode: 'ABC',
      cardNumber: '6228480402564890018',
      luhnValid: true,
      version: 2,
      changedAt: harness.clock.now().toISOString(),
    });
    const REISSUE = `mutation ($id: ID!) { reissueFailedPayments(sheetId: $id) { status batches { bankCode expectedCount } } }`;
    expect(code(await harness.execute(REISSUE, { id: sheet.id }, roles.officer))).toBe('FORBIDDEN');
    expect((await harness.execute(REISSUE, { id: sheet.id }, roles.approver)).data!.reissueFailedPayments.batches).toEqual(
      expect.arrayContaining([
        { bankCode: 'ABC', expectedCount: 1 },
        { bankCode: 'ICBC', expectedCount: 2 },
      ]),
    );
    expect(code(await harness.execute(REISSUE, { id: sheet.id }, roles.approver))).toBe('NO_FAILED_PAYMENTS');
    const again = await db.disbursementLine.findFirstOrThrow({ where: { sheetId: sheet.id, bankCode: 'ABC' } });
    await settle([{ lineId: again.id, outcome: 'PAID', bankReference: 'ABC-1', failureReason: '', settledAt: '' }], 'ABC');
    expect(await openWarnings(projectId)).toEqual([]);
    expect((await db.wageSheet.findUniqueOrThrow({ where: { id: sheet.id } })).status).toBe('PAID');
    expect(await balance(projectId)).toMatchObject({ WAGE_ACCOUNT: 0n, PAYMENTS_IN_FLIGHT: 0n, WORKERS_PAID: BigInt(sheet.totalNet) });

    const portal = await harness.execute(
      `query ($id: ID) { arrearsWarnings(projectId: $id, openOnly: false) { nodes { ruleCode } } }`,
      { id: projectId },
      roles.portal(['440000']),
    );
    expect(portal.data!.arrearsWarnings.nodes).toEqual([]);
    const contractor = await harness.execute(
      `query ($id: ID) { arrearsWarnings(projectId: $id, openOnly: false) { nodes { status } } }`,
      { id: projectId },
      roles.approver,
    );
    expect(contractor.data!.arrearsWarnings.nodes).toEqual([{ status: 'CLEARED' }, { status: 'CLEARED' }, { status: 'CLEARED' }]);
    const stats = await harness.execute(
      `{ payrollStatistics(regionCode: "130500") { periods { period due paid } warnings { colour raised open } } }`,
      {},
      roles.analytics,
    );
    expect(stats.data!.payrollStatistics.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ colour: 'RED', open: expect.any(Number) })]));
    expect(code(await harness.execute(`{ payrollStatistics(regionCode: "130500") { regionCode } }`, {}, roles.worker(lines[0]!.workerId)))).toBe('FORBIDDEN');
  });

  it('a clearance follows when everyone is paid; a late instalment raises blue until the client pays', async () => {
    const { projectId, accountId } = await harness.project();
    const period = lastMonth();
    daysPastDue(period, 45);
    const sheet = await harness.reviewedSheet(projectId, period, 1);
    expect(await openWarnings(projectId)).toEqual(['FEWER_PAID_THAN_WORKED', 'UNDER_90_PERCENT_PAID', 'WAGES_UNPAID_A_MONTH']);
    await harness.execute(FUND, { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-REF-3' } }, roles.bank());
    await harness.execute(APPROVE, { id: sheet.id }, roles.approver);
    const [line] = await db.disbursementLine.findMany({ where: { sheetId: sheet.id } });
    await settle([{ lineId: line!.id, outcome: 'PAID', bankReference: 'ICBC-10', failureReason: '', settledAt: '' }]);
    expect(await openWarnings(projectId)).toEqual([]);
    const cleared = await db.outboxEvent.findMany({ where: { type: 'cn.yikatong.payroll.arrears-warning.cleared.v1', key: projectId } });
    expect(cleared.map((e) => (e.payload as { data: { version: number } }).data.version)).toEqual([2, 2, 2]);

    // An instalment due today is not late; the next day it is, and the sweep raises blue.
    const today = harness.clock.today();
    const schedule = await harness.execute(
      `mutation ($input: ScheduleFundingInput!) { scheduleFunding(input: $input) { dueOn amount overdue } }`,
      { input: { projectId, instalments: [{ dueOn: today, amount: '500000' }] } },
      roles.approver,
    );
    expect(schedule.data!.scheduleFunding).toEqual([{ dueOn: today, amount: '500000', overdue: false }]);
    expect(await openWarnings(projectId)).toEqual([]);
    harness.clock.advance({ days: 1 });
    await sweep();
    expect((await harness.execute(LEDGER, { id: projectId }, roles.approver)).data!.projectLedger.instalments).toEqual([{ dueOn: today, overdue: true }]);
    expect(await openWarnings(projectId)).toEqual(['FUNDING_INSTALMENT_OVERDUE']);
    await harness.execute(FUND, { input: { accountId, amount: '500000', bankReference: 'CCB-REF-4' } }, roles.bank());
    expect(await openWarnings(projectId)).toEqual([]);
    const ledger = await harness.execute(LEDGER, { id: projectId }, roles.portal());
    expect(ledger.data!.projectLedger.transfers.nodes.map((t: { cause: string }) => t.cause)).toEqual(['FUNDING', 'RESERVATION', 'PAYMENT', 'FUNDING']);
    expect((await harness.execute(LEDGER, { id: projectId }, roles.bank('ICBC'))).data!.projectLedger).toBeNull();

    // Nothing owed, nothing in flight: the account's closing notice starts; it cannot close before the notice has run.
    expect(code(await harness.execute(CLOSING, { id: accountId }, roles.officer))).toBe('FORBIDDEN');
    expect((await harness.execute(CLOSING, { id: accountId }, roles.approver)).data!.startWageAccountClosing).toMatchObject({ status: 'CLOSING' });
    expect(code(await harness.execute(`mutation ($id: ID!) { closeWageAccount(accountId: $id) { status } }`, { id: accountId }, roles.portal()))).toBe(
      'NOTICE_PERIOD_RUNNING',
    );
  });

  it('a complaint open against the project is yellow until welfare closes it; a worker who left unpaid is yellow until paid', async () => {
    const { projectId, accountId } = await harness.project();
    const complaint = { complaintId: randomUUID(), uscc: GC_USCC, projectId, category: 'WAGE_ARREARS' as const };
    await harness.deliver(complaintFiledV1, complaint.complaintId, { ...complaint, filedAt: harness.clock.now().toISOString() });
    expect(await openWarnings(projectId)).toEqual(['COMPLAINT_OPEN']);
    await harness.deliver(complaintClosedV1, complaint.complaintId, { ...complaint, outcome: 'RESOLVED', closedAt: harness.clock.now().toISOString() });
    expect(await openWarnings(projectId)).toEqual([]);

    // The worker left on the last day of the clock's month, not yet paid for it: no warning within
    // the grace days after leaving, a warning the day after them.
    const period = harness.clock.period();
    const lastDay = lastDayOfPeriod(period);
    moveTo(addDays(lastDay, harness.config.LEAVER_PAY_GRACE_DAYS));
    const sheet = await harness.reviewedSheet(projectId, period, 1);
    const leaver = sheet.lines[0]!.workerId;
    await harness.deliver(enrolmentEndedV1, leaver, {
      enrolmentId: randomUUID(),
      workerId: leaver,
      projectId,
      employerUscc: SUB,
      regionCode: '130502',
      tradeCode: 'REBAR',
      endDate: lastDay,
      reason: '合同期满',
    });
    expect(await openWarnings(projectId)).not.toContain('LEAVER_UNPAID');
    harness.clock.advance({ days: 1 });
    await sweep();
    expect(await openWarnings(projectId)).toEqual(expect.arrayContaining(['LEAVER_UNPAID']));
    await harness.execute(FUND, { input: { accountId, amount: sheet.totalNet, bankReference: 'CCB-REF-9' } }, roles.bank());
    await harness.execute(APPROVE, { id: sheet.id }, roles.approver);
    const [line] = await db.disbursementLine.findMany({ where: { sheetId: sheet.id } });
    await settle([{ lineId: line!.id, outcome: 'PAID', bankReference: 'ICBC-99', failureReason: '', settledAt: '' }]);
    expect(await openWarnings(projectId)).not.toContain('LEAVER_UNPAID');
  });
});
