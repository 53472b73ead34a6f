import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

const instant = z.string().datetime({ offset: true });
/** Amounts in fen as decimal strings: JSON numbers lose precision above 2^53. */
const fen = z.string().regex(/^\d+$/);

/** The project's dedicated wage account (工资专用账户) is open: a precondition of the construction permit. */
export const wageAccountOpenedV1 = defineEvent({
  type: 'cn.yikatong.payroll.wage-account.opened.v1',
  topic: TOPICS.payrollAccounts,
  data: z.object({
    accountId: z.string().uuid(),
    projectId: z.string().uuid(),
    generalContractorUscc: z.string().length(18),
    bankName: z.string(),
    openedAt: instant,
  }),
});

export const depositForm = z.enum(['CASH', 'BANK_GUARANTEE', 'EXEMPT']);

/** The wage guarantee deposit (工资保证金) is in place for a project, or the project is exempt. */
export const depositPlacedV1 = defineEvent({
  type: 'cn.yikatong.payroll.deposit.placed.v1',
  topic: TOPICS.payrollAccounts,
  data: z.object({
    depositId: z.string().uuid(),
    projectId: z.string().uuid(),
    uscc: z.string().length(18),
    form: depositForm,
    /** Zero when exempt. */
    amountFen: fen,
    /** A bank guarantee's last valid day; null for cash and exemptions. */
    validUntil: z.string().date().nullable(),
    placedAt: instant,
  }),
});

export const warningColour = z.enum(['RED', 'YELLOW', 'BLUE']);

const warningFacts = {
  warningId: z.string().uuid(),
  colour: warningColour,
  projectId: z.string().uuid(),
  /** The enterprise responsible for paying (the project's general contractor or the employer). */
  uscc: z.string().length(18),
  /** Monotonic per warning: a clearance that overtook its raise is not undone by it. */
  version: z.number().int().positive(),
};

/** An arrears early warning (欠薪预警) was raised by the province's rule table. */
export const arrearsWarningRaisedV1 = defineEvent({
  type: 'cn.yikatong.payroll.arrears-warning.raised.v1',
  topic: TOPICS.payrollWarnings,
  data: z.object({ ...warningFacts, ruleCode: z.string(), message: z.string(), raisedAt: instant }),
});

/** The facts behind a warning are resolved (wages paid, instalment made). */
export const arrearsWarningClearedV1 = defineEvent({
  type: 'cn.yikatong.payroll.arrears-warning.cleared.v1',
  topic: TOPICS.payrollWarnings,
  data: z.object({ ...warningFacts, reason: z.string(), clearedAt: instant }),
});

/**
 * One wage-sheet line to pay (代发): the bank holding the worker's card pays it from the project's
 * dedicated wage account and reports the outcome over gRPC (PayrollSettlement). The line id is
 * the idempotency key: a bank that sees it twice pays it once.
 */
export const disbursementRequestedV1 = defineEvent({
  type: 'cn.yikatong.payroll.disbursement.requested.v1',
  topic: TOPICS.payrollDisbursements,
  data: z.object({
    lineId: z.string().uuid(),
    batchId: z.string().uuid(),
    sheetId: z.string().uuid(),
    projectId: z.string().uuid(),
    /** Pay period YYYY-MM. */
    period: z.string(),
    workerId: z.string().uuid(),
    holderName: z.string(),
    /** The bank that holds the worker's card and reports this line. */
    bankCode: z.string(),
    cardNumber: z.string(),
    amountFen: fen,
    /** The paying dedicated wage account. */
    payerBankCode: z.string(),
    payerAccountNumber: z.string(),
    requestedAt: instant,
  }),
});

/** A bank guarantee standing in for the deposit expires soon: the contractor renews it or pays cash. */
export const depositGuaranteeExpiringV1 = defineEvent({
  type: 'cn.yikatong.payroll.deposit.guarantee-expiring.v1',
  topic: TOPICS.payrollAccounts,
  data: z.object({
    depositId: z.string().uuid(),
    projectId: z.string().uuid(),
    uscc: z.string().length(18),
    validUntil: z.string().date(),
    remindedAt: instant,
  }),
});

/**
 * An order to pay was ignored: the bank holding the deposit pays the named workers from it (动用
 * 保证金) within the deadline; the contractor must top the deposit up afterwards.
 */
export const depositDrawdownStartedV1 = defineEvent({
  type: 'cn.yikatong.payroll.deposit.drawdown-started.v1',
  topic: TOPICS.payrollAccounts,
  data: z.object({
    drawdownId: z.string().uuid(),
    depositId: z.string().uuid(),
    projectId: z.string().uuid(),
    uscc: z.string().length(18),
    amountFen: fen,
    /** The verified complaint or the bureau's order behind it. */
    cause: z.string(),
    /** The named workers and what each is owed, when known (a department's order names them). */
    payees: z.array(z.object({ workerId: z.string().uuid(), amountFen: fen })).default([]),
    payBy: z.string().date(),
    topUpBy: z.string().date(),
    startedAt: instant,
  }),
});
