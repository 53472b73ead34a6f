import { payCycle, wagesDueOn } from '../../src/domain/pay-cycle';
import { computeLine, DEFAULT_PAY_POLICY, type LineContext, type VerifiedWorker } from '../../src/domain/pay-rules';

const worker = (overrides: Partial<VerifiedWorker> = {}): VerifiedWorker => ({
  workerId: 'w1',
  enrolled: true,
  cardUsableForWages: true,
  days: 22,
  hours: 176,
  problems: [],
  employerUscc: '91350100M000100Y43',
  rateKind: 'DAILY',
  rateFen: '30000',
  employmentKind: 'FULL_TIME',
  tradeCode: 'REBAR',
  enrolmentId: 'e1',
  holderName: '张三',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  longestDayHours: 8,
  longestWeekHours: 40,
  ...overrides,
});
const minimumWage = { regionCode: '130000', monthlyFen: 220_000n, hourlyFen: 2_200n, effectiveFrom: new Date('2025-01-01') };
const context = (overrides: Partial<LineContext> = {}): LineContext => ({
  cycle: payCycle('2026-10', 'MONTH'),
  minimumWage,
  guidelineP10Fen: null,
  additions: [],
  deductions: [],
  policy: DEFAULT_PAY_POLICY,
  otherHalf: null,
  ...overrides,
});
const codes = (problems: Array<{ code: string }>) => problems.map((problem) => problem.code);

describe('pay cycles', () => {
  it('covers a month or either half, and wages fall due days after the cycle ends', () => {
    expect(payCycle('2026-02', 'MONTH')).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28', days: 28 });
    expect(payCycle('2026-10', 'FIRST_HALF')).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-10-15', days: 15 });
    expect(payCycle('2026-10', 'SECOND_HALF')).toMatchObject({ firstDay: '2026-10-16', lastDay: '2026-10-31', days: 16 });
    expect(wagesDueOn(payCycle('2026-12', 'MONTH'), 15)).toBe('2027-01-15');
  });
});

describe('wage-sheet line', () => {
  it('pays days × daily rate, adds items, takes deductions, nets', () => {
    const line = computeLine(
      worker(),
      context({
        additions: [{ kind: 'OVERTIME', label: '加班', amountFen: 50_000n }],
        deductions: [{ kind: 'SOCIAL_INSURANCE', label: '社保个人部分', amountFen: 40_000n }],
      }),
    );
    expect(line).toMatchObject({ basePayFen: 660_000n, grossFen: 710_000n, deductionsFen: 40_000n, netFen: 670_000n, errors: [], warnings: [] });
  });

  it('prorates monthly rates by 21.75 days and never pays more than the month; hourly pays hours × rate', () => {
    expect(computeLine(worker({ rateKind: 'MONTHLY', rateFen: '870000', days: 10 }), context()).basePayFen).toBe(400_000n);
    expect(computeLine(worker({ rateKind: 'MONTHLY', rateFen: '870000', days: 26 }), context()).basePayFen).toBe(870_000n);
    expect(computeLine(worker({ rateKind: 'HOURLY', rateFen: '3000', hours: 10.5 }), context()).basePayFen).toBe(31_500n);
  });

  it('computes base pay in whole fen, exactly, by the one rounding rule', () => {
    // ¥21.50 × 1.13 h = ¥24.295: half a fen, up.
    expect(computeLine(worker({ rateKind: 'HOURLY', rateFen: '2150', hours: 1.13 }), context()).basePayFen).toBe(2_430n);
    const huge = 2n ** 53n + 1n;
    expect(computeLine(worker({ rateKind: 'MONTHLY', rateFen: huge.toString(), days: 22 }), context()).basePayFen).toBe(huge);
    expect(computeLine(worker({ rateKind: 'MONTHLY', rateFen: huge.toString(), days: 10 }), context()).basePayFen).toBe(4_141_241_036_662_526n);
    expect(computeLine(worker({ rateKind: 'DAILY', rateFen: huge.toString(), days: 3 }), context()).basePayFen).toBe(huge * 3n);
  });

  it('shares a monthly rate and the monthly minimum over both half-month sheets: together never more than one month', () => {
    const monthly = worker({ rateKind: 'MONTHLY', rateFen: '870000', days: 15 });
    const first = computeLine(monthly, context({ cycle: payCycle('2026-10', 'FIRST_HALF') }));
    expect(first.basePayFen).toBe(600_000n);
    const otherHalf = { days: 15, rateKind: 'MONTHLY' as const, basePayFen: first.basePayFen };
    const second = computeLine({ ...monthly, days: 16 }, context({ cycle: payCycle('2026-10', 'SECOND_HALF'), otherHalf }));
    expect(second.basePayFen).toBe(270_000n);
    expect(first.basePayFen + second.basePayFen).toBe(870_000n);
    expect(second.errors).toEqual([]);
    // The second half needs only what is left of the month's minimum: ¥2,200 − ¥1,517.24.
    const daily = worker({ rateFen: '7000', days: 10 });
    expect(
      computeLine(daily, context({ cycle: payCycle('2026-10', 'SECOND_HALF'), otherHalf: { days: 15, rateKind: 'DAILY', basePayFen: 165_000n } })).errors,
    ).toEqual([]);
    expect(codes(computeLine(daily, context({ cycle: payCycle('2026-10', 'SECOND_HALF') })).errors)).toEqual(['BELOW_MINIMUM_WAGE']);
  });

  it('blocks a full-time line below the prorated monthly minimum, overtime not counted', () => {
    const low = worker({ rateFen: '9000', days: 22 }); // ¥1,980 for a full month < ¥2,200
    expect(codes(computeLine(low, context()).errors)).toEqual(['BELOW_MINIMUM_WAGE']);
    const withOvertime = computeLine(low, context({ additions: [{ kind: 'OVERTIME', label: '加班', amountFen: 100_000n }] }));
    expect(codes(withOvertime.errors)).toEqual(['BELOW_MINIMUM_WAGE']);
    const withAllowance = computeLine(low, context({ additions: [{ kind: 'ALLOWANCE', label: '高温津贴', amountFen: 30_000n }] }));
    expect(withAllowance.errors).toEqual([]);
    // Ten days need at least ¥2,200 × 10 / 21.75 = ¥1,011.49: ¥1,000 is below, ¥1,020 is not.
    expect(codes(computeLine(worker({ rateFen: '10000', days: 10 }), context()).errors)).toEqual(['BELOW_MINIMUM_WAGE']);
    expect(computeLine(worker({ rateFen: '10200', days: 10 }), context()).errors).toEqual([]);
  });

  it('blocks a part-time line below the hourly minimum and over 4 h a day, 24 h a week or a 15-day cycle', () => {
    const partTime = worker({ employmentKind: 'PART_TIME', rateKind: 'HOURLY', rateFen: '2500', days: 5, hours: 20, longestDayHours: 4, longestWeekHours: 20 });
    expect(computeLine(partTime, context({ cycle: payCycle('2026-10', 'FIRST_HALF') })).errors).toEqual([]);
    expect(codes(computeLine(partTime, context()).errors)).toEqual(['PART_TIME_CYCLE_TOO_LONG']);
    const long = { ...partTime, longestDayHours: 5, longestWeekHours: 25 };
    expect(codes(computeLine(long, context({ cycle: payCycle('2026-10', 'FIRST_HALF') })).errors)).toEqual([
      'PART_TIME_DAY_TOO_LONG',
      'PART_TIME_WEEK_TOO_LONG',
    ]);
    expect(codes(computeLine({ ...partTime, rateFen: '2000' }, context({ cycle: payCycle('2026-10', 'FIRST_HALF') })).errors)).toEqual(['BELOW_MINIMUM_WAGE']);
  });

  it('carries identity problems as blocking errors and warns below the p10 guideline and on large payments', () => {
    expect(codes(computeLine(worker({ problems: ['NOT_ENROLLED', 'NO_WAGE_CARD'] }), context()).errors)).toEqual(['NOT_ENROLLED', 'NO_WAGE_CARD']);
    expect(codes(computeLine(worker(), context({ guidelineP10Fen: 35_000n })).warnings)).toEqual(['RATE_BELOW_GUIDELINE_P10']);
    expect(computeLine(worker(), context({ guidelineP10Fen: 30_000n })).warnings).toEqual([]);
    expect(codes(computeLine(worker({ rateFen: '300000' }), context()).warnings)).toEqual(['LARGE_PAYMENT']);
    expect(computeLine(worker({ rateFen: '300000' }), context()).warnings[0]!.message).toBe(
      '¥66,000.00 to one worker in one cycle is above ¥50,000.00: a red warning follows if it is paid.',
    );
    // A monthly rate is compared per day exactly: ¥6,525 / 21.75 = ¥300.00 a day.
    expect(computeLine(worker({ rateKind: 'MONTHLY', rateFen: '652500' }), context({ guidelineP10Fen: 30_000n })).warnings).toEqual([]);
    expect(codes(computeLine(worker({ rateKind: 'MONTHLY', rateFen: '652500' }), context({ guidelineP10Fen: 30_001n })).warnings)).toEqual([
      'RATE_BELOW_GUIDELINE_P10',
    ]);
    expect(codes(computeLine(worker(), context({ deductions: [{ kind: 'OTHER', label: '借支', amountFen: 700_000n }] })).errors)).toEqual([
      'DEDUCTIONS_EXCEED_GROSS',
    ]);
  });
});
