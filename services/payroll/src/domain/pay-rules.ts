import type { EmploymentKind, RateKind, WorkerVerificationMessage } from '@yikatong/contracts';
import type { MinimumWageEntry } from './minimum-wage';
import { hundredths, multiply, prorate, yuan } from './money';
import type { PayCycle } from './pay-cycle';

/**
 * The pay rules of one wage-sheet line (DOMAIN.md "Monthly wage sheet", "Minimum wage"). Blocking
 * errors stop the sheet; warnings travel with the line for the reviewer to see.
 */
/** What identity's VerifyWorkers says about one worker in the cycle. */
export type VerifiedWorker = WorkerVerificationMessage;

export type AdditionKind = 'OVERTIME' | 'ALLOWANCE' | 'BONUS' | 'OTHER';
export type DeductionKind = 'SOCIAL_INSURANCE' | 'INCOME_TAX' | 'OTHER';

export interface PayItem<K extends string> {
  kind: K;
  label: string;
  amountFen: bigint;
}

export interface PayPolicy {
  /** Legal average working days a month (21.75): monthly rates and the monthly minimum are prorated by it. */
  standardMonthDays: number;
  partTimeMaxDayHours: number;
  partTimeMaxWeekHours: number;
  partTimeMaxCycleDays: number;
  /** A line paying more than this in one cycle is flagged (laundering signal). */
  largePaymentFen: bigint;
}

export const DEFAULT_PAY_POLICY: PayPolicy = {
  standardMonthDays: 21.75,
  partTimeMaxDayHours: 4,
  partTimeMaxWeekHours: 24,
  partTimeMaxCycleDays: 15,
  largePaymentFen: 5_000_000n,
};

export interface LineProblem {
  code: string;
  message: string;
}

export interface ComputedLine {
  workerId: string;
  enrolmentId: string;
  employerUscc: string;
  tradeCode: string;
  employmentKind: EmploymentKind;
  rateKind: RateKind;
  rateFen: bigint;
  days: number;
  hours: number;
  basePayFen: bigint;
  additions: Array<PayItem<AdditionKind>>;
  deductions: Array<PayItem<DeductionKind>>;
  grossFen: bigint;
  deductionsFen: bigint;
  netFen: bigint;
  holderName: string;
  idNumber: string;
  phone: string;
  errors: LineProblem[];
  warnings: LineProblem[];
}

const IDENTITY_PROBLEMS: Record<string, string> = {
  NOT_ENROLLED: 'is not enrolled on this project in the cycle',
  NO_WAGE_CARD: 'has no wage bank card in their own name',
  NO_ATTENDANCE: 'has no attendance in the cycle',
};

const sum = (items: ReadonlyArray<{ amountFen: bigint }>) => items.reduce((total, item) => total + item.amountFen, 0n);
/** Hours a day a daily guideline price stands for, to compare an hourly rate with it. */
const GUIDELINE_DAY_HOURS = 8n;

/** A monthly amount for `days` of the month: prorated by the legal 21.75 days, never more than the month. */
const monthPart = (monthlyFen: bigint, days: number, policy: PayPolicy) =>
  days >= policy.standardMonthDays ? monthlyFen : prorate(monthlyFen, days, policy.standardMonthDays);

/**
 * This cycle's share of a monthly amount: the month's days so far (the other half's and these)
 * prorated, less what the other half already took, so two half-month sheets never pay more than one month.
 */
const monthShare = (monthlyFen: bigint, days: number, otherHalf: { days: number; fen: bigint } | null, policy: PayPolicy) => {
  if (!otherHalf) return monthPart(monthlyFen, days, policy);
  const share = monthPart(monthlyFen, otherHalf.days + days, policy) - otherHalf.fen;
  return share > 0n ? share : 0n;
};

function basePay(rateKind: RateKind, rateFen: bigint, worker: { days: number; hours: number }, otherHalf: OtherHalf | null, policy: PayPolicy): bigint {
  switch (rateKind) {
    case 'DAILY':
      return rateFen * BigInt(worker.days);
    case 'HOURLY':
      return multiply(rateFen, worker.hours);
    case 'MONTHLY':
      return monthShare(rateFen, worker.days, otherHalf?.rateKind === 'MONTHLY' ? { days: otherHalf.days, fen: otherHalf.basePayFen } : null, policy);
  }
}

/** Whether a rate is below a daily price, compared exactly: an hourly rate for 8 h, a monthly one over 21.75 days. */
function belowDailyPrice(rateKind: RateKind, rateFen: bigint, dailyPriceFen: bigint, policy: PayPolicy): boolean {
  if (rateKind === 'DAILY') return rateFen < dailyPriceFen;
  if (rateKind === 'HOURLY') return rateFen * GUIDELINE_DAY_HOURS < dailyPriceFen;
  // rate / (2175 / 100) < price  ⇔  rate × 100 < price × 2175
  return rateFen * 100n < dailyPriceFen * hundredths(policy.standardMonthDays);
}

/**
 * The worker's line on the live sheet of the month's other half, if any. Amounts set by the month
 * (a monthly rate, the monthly minimum wage) are shared over both halves' days.
 */
export interface OtherHalf {
  days: number;
  rateKind: string;
  basePayFen: bigint;
}

export interface LineContext {
  cycle: PayCycle;
  minimumWage: MinimumWageEntry | null;
  /** The trade's p10 guideline price per day, if the region publishes one. */
  guidelineP10Fen: bigint | null;
  additions: Array<PayItem<AdditionKind>>;
  deductions: Array<PayItem<DeductionKind>>;
  policy: PayPolicy;
  otherHalf: OtherHalf | null;
}

export function computeLine(worker: VerifiedWorker, context: LineContext): ComputedLine {
  const { policy, cycle, minimumWage } = context;
  const errors: LineProblem[] = worker.problems.map((code) => ({ code, message: `The worker ${IDENTITY_PROBLEMS[code] ?? code.toLowerCase()}.` }));
  const warnings: LineProblem[] = [];
  const rateKind = (['DAILY', 'MONTHLY', 'HOURLY'].includes(worker.rateKind) ? worker.rateKind : 'DAILY') as RateKind;
  const employmentKind = (worker.employmentKind === 'PART_TIME' ? 'PART_TIME' : 'FULL_TIME') as EmploymentKind;
  const rateFen = BigInt(worker.rateFen || '0');
  const basePayFen = basePay(rateKind, rateFen, worker, context.otherHalf, policy);
  const grossFen = basePayFen + sum(context.additions);
  const deductionsFen = sum(context.deductions);
  const netFen = grossFen - deductionsFen;
  // The minimum wage is compared without overtime pay, which it does not include (最低工资不含加班工资).
  const comparableFen = grossFen - sum(context.additions.filter((item) => item.kind === 'OVERTIME'));

  if (netFen < 0n) errors.push({ code: 'DEDUCTIONS_EXCEED_GROSS', message: `Deductions ${yuan(deductionsFen)} exceed the gross pay ${yuan(grossFen)}.` });
  if (employmentKind === 'PART_TIME') {
    if (worker.longestDayHours > policy.partTimeMaxDayHours) {
      errors.push({
        code: 'PART_TIME_DAY_TOO_LONG',
        message: `A part-time worker worked ${worker.longestDayHours} h in one day (at most ${policy.partTimeMaxDayHours} h).`,
      });
    }
    if (worker.longestWeekHours > policy.partTimeMaxWeekHours) {
      errors.push({
        code: 'PART_TIME_WEEK_TOO_LONG',
        message: `A part-time worker worked ${worker.longestWeekHours} h in one week (at most ${policy.partTimeMaxWeekHours} h).`,
      });
    }
    if (cycle.days > policy.partTimeMaxCycleDays) {
      errors.push({
        code: 'PART_TIME_CYCLE_TOO_LONG',
        message: `Part-time workers are paid at least every ${policy.partTimeMaxCycleDays} days: put them on a half-month sheet.`,
      });
    }
  }
  if (minimumWage && worker.days > 0) {
    if (employmentKind === 'PART_TIME') {
      const required = multiply(minimumWage.hourlyFen, worker.hours);
      if (comparableFen < required) {
        errors.push({
          code: 'BELOW_MINIMUM_WAGE',
          message: `${yuan(comparableFen)} for ${worker.hours} h is below the hourly minimum wage ${yuan(minimumWage.hourlyFen)} (at least ${yuan(required)}).`,
        });
      }
    } else {
      const otherHalf = context.otherHalf && { days: context.otherHalf.days, fen: monthPart(minimumWage.monthlyFen, context.otherHalf.days, policy) };
      const required = monthShare(minimumWage.monthlyFen, worker.days, otherHalf, policy);
      if (comparableFen < required) {
        errors.push({
          code: 'BELOW_MINIMUM_WAGE',
          message: `${yuan(comparableFen)} for ${worker.days} days is below the monthly minimum wage ${yuan(minimumWage.monthlyFen)} prorated (at least ${yuan(required)}).`,
        });
      }
    }
  }
  if (context.guidelineP10Fen !== null && belowDailyPrice(rateKind, rateFen, context.guidelineP10Fen, policy)) {
    warnings.push({
      code: 'RATE_BELOW_GUIDELINE_P10',
      message: `The rate is below the ${worker.tradeCode} guideline price p10 (${yuan(context.guidelineP10Fen)} a day).`,
    });
  }
  if (netFen > policy.largePaymentFen) {
    warnings.push({
      code: 'LARGE_PAYMENT',
      message: `${yuan(netFen)} to one worker in one cycle is above ${yuan(policy.largePaymentFen)}: a red warning follows if it is paid.`,
    });
  }
  return {
    workerId: worker.workerId,
    enrolmentId: worker.enrolmentId,
    employerUscc: worker.employerUscc,
    tradeCode: worker.tradeCode,
    employmentKind,
    rateKind,
    rateFen,
    days: worker.days,
    hours: worker.hours,
    basePayFen,
    additions: context.additions,
    deductions: context.deductions,
    grossFen,
    deductionsFen,
    netFen,
    holderName: worker.holderName,
    idNumber: worker.idNumber,
    phone: worker.phone,
    errors,
    warnings,
  };
}
