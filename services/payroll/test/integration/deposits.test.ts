import { randomUUID } from 'node:crypto';
import { complaintVerifiedV1, enterpriseBlacklistedV1, projectStageChangedV1 } from '@yikatong/contracts';
import { addDays, chinaMidnight, dateOfDay, instantPlusDays } from '@yikatong/platform';
import { createPayrollHarness, GC, roles } from '../support/harness';

const harness = createPayrollHarness();
const db = harness.db;
const ASSESS = `query ($p: ID!) { depositAssessment(projectId: $p) { exempt rateBp amount trace } }`;
const PLACE = `mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { id form required held status trace } }`;
const DEPOSIT = `query ($p: ID!) { deposit(projectId: $p) { held topUpDueOn status drawdowns { id amount cause payBy status } } }`;
const DRAW = `mutation ($input: StartDepositDrawdownInput!) { startDepositDrawdown(input: $input) { id amount payBy } }`;
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
/** The China day `offset` days from the clock's today. */
const daysFromToday = (offset: number) => addDays(harness.clock.today(), offset);

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('wage guarantee deposits', () => {
  it("assesses from the province policy and enterprise's record, with the trace; three clean years exempt", async () => {
    const { projectId } = await harness.project();
    const assessed = await harness.execute(ASSESS, { p: projectId }, roles.approver);
    expect(assessed.data!.depositAssessment).toMatchObject({ exempt: false, rateBp: 200, amount: '2000000000' });
    expect(assessed.data!.depositAssessment.trace[0]).toContain('base rate 2.00 %');
    harness.history.set(GC, { cleanYears: 3, arrearsInLastTwoYears: false, listed: false });
    expect((await harness.execute(ASSESS, { p: projectId }, roles.portal())).data!.depositAssessment).toMatchObject({ exempt: true, amount: '0' });
    harness.history.set(GC, { cleanYears: 0, arrearsInLastTwoYears: true, listed: false });
    expect((await harness.execute(ASSESS, { p: projectId }, roles.approver)).data!.depositAssessment).toMatchObject({ rateBp: 300, amount: '3000000000' });
    expect(code(await harness.execute(ASSESS, { p: projectId }, roles.bank()))).toBe('PROJECT_NOT_FOUND');
    harness.history.clear();
  });

  it('is placed by the general contractor at least at the assessed amount, once, and announced', async () => {
    const { projectId } = await harness.project();
    const cash = { projectId, form: 'CASH', amount: '2000000000' };
    expect(code(await harness.execute(PLACE, { input: cash }, roles.officer))).toBe('FORBIDDEN');
    expect(code(await harness.execute(PLACE, { input: { ...cash, amount: '1999999999' } }, roles.approver))).toBe('DEPOSIT_TOO_SMALL');
    expect(code(await harness.execute(PLACE, { input: { ...cash, form: 'EXEMPT' } }, roles.approver))).toBe('NOT_EXEMPT');
    expect(
      code(
        await harness.execute(
          PLACE,
          { input: { ...cash, form: 'BANK_GUARANTEE', guaranteeNumber: 'BG-1', guaranteeValidUntil: daysFromToday(100) } },
          roles.approver,
        ),
      ),
    ).toBe('GUARANTEE_TOO_SHORT');
    expect(await db.deposit.count({ where: { projectId } })).toBe(0);
    const placed = await harness.execute(PLACE, { input: cash }, roles.approver);
    expect(placed.data!.placeDeposit).toMatchObject({ form: 'CASH', required: '2000000000', held: '2000000000', status: 'HELD' });
    expect(code(await harness.execute(PLACE, { input: cash }, roles.approver))).toBe('DEPOSIT_EXISTS');
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.payroll.deposit.placed.v1', key: projectId } });
    expect(event.payload).toMatchObject({ data: { form: 'CASH', amountFen: '2000000000', uscc: GC } });
  });

  it('a verified wage complaint draws on it once, paid within 5 working days of the holiday calendar; the bank pays and the contractor tops up', async () => {
    const { projectId } = await harness.project();
    await harness.execute(PLACE, { input: { projectId, form: 'CASH', amount: '2000000000' } }, roles.approver);
    // A week of holidays from tomorrow pushes the deadline past it.
    await db.holidayCalendarDay.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ day: dateOfDay(daysFromToday(i + 1)), kind: 'HOLIDAY' as const, name: '测试假期' })),
      skipDuplicates: true,
    });
    const complaint = {
      complaintId: randomUUID(),
      uscc: GC,
      projectId,
      category: 'WAGE_ARREARS' as const,
      summary: '拖欠三名工人九月工资',
      workersAffected: 3,
      amountOwedFen: '1800000',
      verifiedBy: 'inspector',
      verifiedAt: harness.clock.now().toISOString(),
    };
    await harness.deliver(complaintVerifiedV1, complaint.complaintId, complaint);
    await harness.deliver(complaintVerifiedV1, complaint.complaintId, complaint);
    const deposit = (await harness.execute(DEPOSIT, { p: projectId }, roles.portal())).data!.deposit;
    expect(deposit).toMatchObject({ held: '1998200000', drawdowns: [{ amount: '1800000', cause: `complaint:${complaint.complaintId}`, status: 'REQUESTED' }] });
    expect(deposit.drawdowns[0].payBy > daysFromToday(7)).toBe(true);
    expect(deposit.topUpDueOn > deposit.drawdowns[0].payBy).toBe(true);
    expect(await db.outboxEvent.count({ where: { type: 'cn.yikatong.payroll.deposit.drawdown-started.v1', key: projectId } })).toBe(1);

    expect(code(await harness.execute(DRAW, { input: { projectId, amount: '100', orderReference: 'XT-2026-001' } }, roles.portal()))).toBe('FORBIDDEN');
    const named = [
      { workerId: randomUUID(), amount: '150000' },
      { workerId: randomUUID(), amount: '50000' },
    ];
    expect(code(await harness.execute(DRAW, { input: { projectId, amount: '200001', orderReference: 'XT-2026-001', workers: named } }, roles.inspector))).toBe(
      'PAYEES_DO_NOT_ADD_UP',
    );
    const ordered = await harness.execute(
      `mutation ($input: StartDepositDrawdownInput!) { startDepositDrawdown(input: $input) { amount payees { workerId amount } } }`,
      { input: { projectId, amount: '200000', orderReference: 'XT-2026-001', workers: named } },
      roles.inspector,
    );
    expect(ordered.data!.startDepositDrawdown).toEqual({ amount: '200000', payees: named });

    const PAID = `mutation ($id: ID!) { confirmDepositDrawdownPaid(drawdownId: $id, bankReference: "CCB-DD-0001") { status bankReference } }`;
    expect(code(await harness.execute(PAID, { id: deposit.drawdowns[0].id }, roles.bank('ICBC')))).toBe('DRAWDOWN_NOT_FOUND');
    expect((await harness.execute(PAID, { id: deposit.drawdowns[0].id }, roles.bank())).data!.confirmDepositDrawdownPaid).toEqual({
      status: 'PAID',
      bankReference: 'CCB-DD-0001',
    });
    const TOP_UP = `mutation ($p: ID!) { recordDepositTopUp(projectId: $p, amount: "2000000", bankReference: "CCB-TU-0001") { held topUpDueOn } }`;
    expect((await harness.execute(TOP_UP, { p: projectId }, roles.bank())).data!.recordDepositTopUp).toEqual({ held: '2000000000', topUpDueOn: null });
    // The same voucher again records nothing more.
    expect((await harness.execute(TOP_UP, { p: projectId }, roles.bank())).data!.recordDepositTopUp).toEqual({ held: '2000000000', topUpDueOn: null });
    // Every movement is in the ledger: placed 20,000,000.00, drawn 18,000 + 2,000 (one paid), topped up 20,000.
    const ledger = await harness.execute(`query ($p: ID!) { projectLedger(projectId: $p) { balances { account balance } } }`, { p: projectId }, roles.approver);
    const balances = Object.fromEntries(ledger.data!.projectLedger.balances.map((b: { account: string; balance: string }) => [b.account, b.balance]));
    expect(balances).toMatchObject({ CONTRACTOR_DEPOSIT: '-2002000000', DEPOSIT_HELD: '2000000000', DRAWDOWNS_IN_FLIGHT: '200000', WORKERS_PAID: '1800000' });
    await db.holidayCalendarDay.deleteMany();
  });

  it('is released only after completion, a pledge and the 30-day notice', async () => {
    const { projectId } = await harness.project();
    await harness.execute(PLACE, { input: { projectId, form: 'CASH', amount: '2000000000' } }, roles.approver);
    const REQUEST = `mutation ($p: ID!, $pledge: Boolean!) { requestDepositRelease(projectId: $p, pledge: $pledge) { status releaseReviewBy } }`;
    expect(code(await harness.execute(REQUEST, { p: projectId, pledge: true }, roles.approver))).toBe('PROJECT_NOT_COMPLETED');
    await harness.deliver(projectStageChangedV1, projectId, {
      projectId,
      generalContractorUscc: GC,
      regionCode: '130502',
      from: 'CONSTRUCTION',
      to: 'COMPLETED',
      approvedBy: 'bureau',
      changedAt: harness.clock.advance({ ms: 1000 }).toISOString(),
    });
    expect(code(await harness.execute(REQUEST, { p: projectId, pledge: false }, roles.approver))).toBe('PLEDGE_REQUIRED');
    expect((await harness.execute(REQUEST, { p: projectId, pledge: true }, roles.approver)).data!.requestDepositRelease).toMatchObject({
      status: 'RELEASE_NOTICE',
    });
    const REVIEW = `mutation ($p: ID!) { reviewDepositRelease(projectId: $p, approve: true) { status } }`;
    expect(code(await harness.execute(REVIEW, { p: projectId }, roles.approver))).toBe('FORBIDDEN');
    expect(code(await harness.execute(REVIEW, { p: projectId }, roles.inspector))).toBe('NOTICE_PERIOD_RUNNING');
    harness.clock.advance({ days: 30 });
    expect((await harness.execute(REVIEW, { p: projectId }, roles.inspector)).data!.reviewDepositRelease).toEqual({ status: 'RELEASED' });
  });

  it("a listing raises the contractor's held deposit to the blacklist rate, with a top-up deadline", async () => {
    const { projectId } = await harness.project();
    await harness.execute(PLACE, { input: { projectId, form: 'CASH', amount: '2000000000' } }, roles.approver);
    await harness.deliver(enterpriseBlacklistedV1, GC, {
      uscc: GC,
      listingId: randomUUID(),
      reason: '拖欠工资',
      decision: '冀人社失信〔2026〕12号',
      authority: '河北省人力资源和社会保障厅',
      listedAt: harness.clock.now().toISOString(),
      until: instantPlusDays(harness.clock.now(), 3 * 365).toISOString(),
      responsiblePersonIds: [],
    });
    const deposit = (await harness.execute(`query ($p: ID!) { deposit(projectId: $p) { required held topUpDueOn trace } }`, { p: projectId }, roles.approver))
      .data!.deposit;
    expect(deposit).toMatchObject({ required: '4000000000', held: '2000000000', topUpDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(deposit.trace.at(-1)).toContain('dishonesty list: +100 %');
  });

  it('reminds a bank guarantee 30 days before it expires, once', async () => {
    const { projectId } = await harness.project();
    const validUntil = daysFromToday(400);
    await harness.execute(
      PLACE,
      { input: { projectId, form: 'BANK_GUARANTEE', amount: '2000000000', guaranteeNumber: 'BG-2026-88', guaranteeValidUntil: validUntil } },
      roles.approver,
    );
    const remindedBySweep = async () => (await harness.service.sweeper.tick(harness.clock.now())).reminded;
    expect(await remindedBySweep()).toBe(0);
    harness.clock.set(chinaMidnight(addDays(validUntil, -31)));
    expect(await remindedBySweep()).toBe(0);
    harness.clock.advance({ days: 1 });
    expect(await remindedBySweep()).toBe(1);
    expect(await remindedBySweep()).toBe(0);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.payroll.deposit.guarantee-expiring.v1', key: projectId } });
    expect(event.payload).toMatchObject({ data: { validUntil, uscc: GC } });
  });
});
