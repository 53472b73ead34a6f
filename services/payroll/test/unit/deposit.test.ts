import { DEFAULT_DEPOSIT_DEADLINES, placeDeposit, reassess, requestRelease, reviewRelease, startDrawdown, topUp } from '../../src/domain/deposit';
import type { DepositAssessment } from '../../src/domain/deposit-rate';
import { addWorkingDays, isWorkingDay, type HolidayCalendar } from '@yikatong/platform';

// 2026: National Day holiday 1–8 October, with Sunday 27 September and Saturday 10 October worked (调休).
const calendar: HolidayCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']),
  makeUpWorkdays: new Set(['2026-09-27', '2026-10-10']),
};
const project = { projectId: '00000000-0000-4000-8000-000000000002', generalContractorUscc: '91350100M000100Y43' };
const due: DepositAssessment = { exempt: false, rateBp: 200, amountFen: 2_000_000n, trace: ['base rate 2.00 %', 'amount ¥20,000 (2000000 fen)'] };
const exempt: DepositAssessment = { exempt: true, rateBp: 0, amountFen: 0n, trace: ['exempt: 3 clean years'] };
const at = new Date('2026-09-25T02:00:00Z');
const cash = { form: 'CASH' as const, amountFen: 2_000_000n, guaranteeNumber: null, guaranteeValidUntil: null };

describe('working days', () => {
  it('skip weekends and holidays, count make-up working days', () => {
    expect(isWorkingDay('2026-09-27', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-03', calendar)).toBe(false);
    // From Friday 25 Sep: Sun 27 (make-up), Mon 28, Tue 29, Wed 30, then Fri 9 Oct.
    expect(addWorkingDays('2026-09-25', 5, calendar)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-25', 6, calendar)).toBe('2026-10-10');
  });
});

describe('wage guarantee deposit', () => {
  it('is placed in cash or a guarantee valid a year, at least the amount due, or recorded exempt; announced', () => {
    const placed = placeDeposit(project, null, due, cash, at);
    expect(placed.deposit).toMatchObject({ form: 'CASH', heldFen: 2_000_000n, requiredFen: 2_000_000n, status: 'HELD' });
    expect(placed.events[0]!.envelope.data).toMatchObject({ form: 'CASH', amountFen: '2000000', validUntil: null });
    expect(() => placeDeposit(project, placed.deposit, due, cash, at)).toThrow(expect.objectContaining({ code: 'DEPOSIT_EXISTS' }));
    expect(() => placeDeposit(project, null, due, { ...cash, amountFen: 1_999_999n }, at)).toThrow(expect.objectContaining({ code: 'DEPOSIT_TOO_SMALL' }));
    expect(() => placeDeposit(project, null, due, { ...cash, form: 'EXEMPT' }, at)).toThrow(expect.objectContaining({ code: 'NOT_EXEMPT' }));
    expect(() => placeDeposit(project, null, exempt, cash, at)).toThrow(expect.objectContaining({ code: 'EXEMPT' }));
    expect(placeDeposit(project, null, exempt, { ...cash, form: 'EXEMPT' }, at).deposit).toMatchObject({ form: 'EXEMPT', heldFen: 0n });
    const guarantee = { form: 'BANK_GUARANTEE' as const, amountFen: 2_000_000n, guaranteeNumber: 'BG-2026-001', guaranteeValidUntil: '2027-09-24' };
    expect(() => placeDeposit(project, null, due, guarantee, at)).toThrow(expect.objectContaining({ code: 'GUARANTEE_TOO_SHORT' }));
    expect(placeDeposit(project, null, due, { ...guarantee, guaranteeValidUntil: '2027-09-25' }, at).deposit.guaranteeValidUntil).toBe('2027-09-25');
    // A year on China's calendar: across 29 February it is 366 days; from 29 February, 28 February next year.
    const firstOfMarch = new Date('2027-03-01T01:00:00Z');
    expect(() => placeDeposit(project, null, due, { ...guarantee, guaranteeValidUntil: '2028-02-29' }, firstOfMarch)).toThrow(
      expect.objectContaining({ code: 'GUARANTEE_TOO_SHORT' }),
    );
    expect(placeDeposit(project, null, due, { ...guarantee, guaranteeValidUntil: '2028-03-01' }, firstOfMarch).deposit.guaranteeValidUntil).toBe('2028-03-01');
    expect(
      placeDeposit(project, null, due, { ...guarantee, guaranteeValidUntil: '2029-02-28' }, new Date('2028-02-29T04:00:00Z')).deposit.guaranteeValidUntil,
    ).toBe('2029-02-28');
    // 1 January 00:30 in China is still 31 December in UTC: the year runs from the China day.
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(() => placeDeposit(project, null, due, { ...guarantee, guaranteeValidUntil: '2027-12-31' }, newYear)).toThrow(
      expect.objectContaining({ code: 'GUARANTEE_TOO_SHORT' }),
    );
  });

  it('is drawn down to pay what is owed within 5 working days, then topped up within 10; the money moves in the ledger', () => {
    const placed = placeDeposit(project, null, due, cash, at);
    expect(placed.transfers.map((t) => [t.debit, t.credit, t.amountFen, t.cause])).toEqual([['DEPOSIT_HELD', 'CONTRACTOR_DEPOSIT', 2_000_000n, 'DEPOSIT']]);
    const drawn = startDrawdown(placed.deposit, 3_000_000n, 'welfare complaint C-1', [], calendar, DEFAULT_DEPOSIT_DEADLINES, at);
    expect(drawn.drawdown).toMatchObject({ amountFen: 2_000_000n, payBy: '2026-10-09', status: 'REQUESTED' });
    expect(drawn.deposit).toMatchObject({ heldFen: 0n, topUpDueOn: '2026-10-15' });
    expect(drawn.transfers.map((t) => [t.debit, t.credit, t.amountFen])).toEqual([['DRAWDOWNS_IN_FLIGHT', 'DEPOSIT_HELD', 2_000_000n]]);
    expect(() => startDrawdown(drawn.deposit, 1n, 'again', [], calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_DRAW' }),
    );
    expect(topUp(drawn.deposit, 2_000_000n, 'T1', at).deposit).toMatchObject({ heldFen: 2_000_000n, topUpDueOn: null });
    expect(topUp(drawn.deposit, 1_000_000n, 'T2', at).deposit.topUpDueOn).toBe('2026-10-15');
  });

  it('pays the named workers when the order names them (their amounts add up); a guarantee is called', () => {
    const { deposit } = placeDeposit(project, null, due, cash, at);
    const payees = [
      { workerId: '00000000-0000-4000-8000-00000000000a', amountFen: 600_000n },
      { workerId: '00000000-0000-4000-8000-00000000000b', amountFen: 400_000n },
    ];
    expect(startDrawdown(deposit, 1_000_000n, 'order', payees, calendar, DEFAULT_DEPOSIT_DEADLINES, at).drawdown.payees).toEqual(payees);
    expect(() => startDrawdown(deposit, 900_000n, 'order', payees, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toThrow(
      expect.objectContaining({ code: 'PAYEES_DO_NOT_ADD_UP' }),
    );
    const guarantee = placeDeposit(
      project,
      null,
      due,
      { form: 'BANK_GUARANTEE', amountFen: 2_000_000n, guaranteeNumber: 'BG-1', guaranteeValidUntil: '2027-12-31' },
      at,
    );
    expect(guarantee.transfers).toEqual([]);
    expect(startDrawdown(guarantee.deposit, 1_000n, 'order', [], calendar, DEFAULT_DEPOSIT_DEADLINES, at).transfers[0]).toMatchObject({
      debit: 'DRAWDOWNS_IN_FLIGHT',
      credit: 'GUARANTOR',
    });
  });

  it("is raised, never lowered, when the contractor's record gets worse", () => {
    const { deposit } = placeDeposit(project, null, due, cash, at);
    const listed: DepositAssessment = { exempt: false, rateBp: 400, amountFen: 4_000_000n, trace: ['on the dishonesty list: +100 %'] };
    expect(reassess(deposit, listed, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toMatchObject({
      requiredFen: 4_000_000n,
      heldFen: 2_000_000n,
      topUpDueOn: '2026-10-15',
    });
    expect(reassess(deposit, { ...due, amountFen: 1_000_000n }, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toBe(deposit);
  });

  it('is released after completion, a pledge, the 30-day notice and a review, never with arrears open', () => {
    const { deposit } = placeDeposit(project, null, due, cash, at);
    expect(() => requestRelease(deposit, 'CONSTRUCTION', true, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toThrow(
      expect.objectContaining({ code: 'PROJECT_NOT_COMPLETED' }),
    );
    expect(() => requestRelease(deposit, 'COMPLETED', false, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toThrow(
      expect.objectContaining({ code: 'PLEDGE_REQUIRED' }),
    );
    // Notice until Sunday 25 October; five working days on is Friday 30 October.
    const noticed = requestRelease(deposit, 'COMPLETED', true, calendar, DEFAULT_DEPOSIT_DEADLINES, at);
    expect(noticed).toMatchObject({ status: 'RELEASE_NOTICE', releaseReviewBy: '2026-10-30' });
    expect(() => reviewRelease(noticed, true, 'bureau', 0, calendar, DEFAULT_DEPOSIT_DEADLINES, at)).toThrow(
      expect.objectContaining({ code: 'NOTICE_PERIOD_RUNNING' }),
    );
    const later = new Date('2026-10-26T02:00:00Z');
    expect(() => reviewRelease(noticed, true, 'bureau', 1, calendar, DEFAULT_DEPOSIT_DEADLINES, later)).toThrow(
      expect.objectContaining({ code: 'ARREARS_OPEN' }),
    );
    const released = reviewRelease(noticed, true, 'bureau', 0, calendar, DEFAULT_DEPOSIT_DEADLINES, later);
    expect(released.deposit).toMatchObject({ status: 'RELEASED', heldFen: 0n, releasePayBy: '2026-10-29' });
    expect(released.transfers.map((t) => [t.debit, t.credit, t.amountFen, t.cause])).toEqual([['CONTRACTOR_DEPOSIT', 'DEPOSIT_HELD', 2_000_000n, 'RELEASE']]);
    expect(reviewRelease(noticed, false, 'bureau', 0, calendar, DEFAULT_DEPOSIT_DEADLINES, later).deposit).toMatchObject({ status: 'HELD' });
  });
});
