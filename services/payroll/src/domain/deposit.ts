import { randomUUID } from 'node:crypto';
import { createEvent, depositDrawdownStartedV1, depositPlacedV1, type CloudEvent } from '@yikatong/contracts';
import { addMonthsToDay, addWorkingDays, AppError, chinaDay, instantPlusDays, outgoing, type HolidayCalendar, type OutgoingEvent } from '@yikatong/platform';
import type { DepositAssessment } from './deposit-rate';
import { depositPlaced, depositReleased, depositToppedUp, drawdownStarted, type Transfer } from './ledger';
import { yuan } from './money';
import { PAYROLL_SOURCE } from './wage-account';

/**
 * The wage guarantee deposit (工资保证金) of one project (DOMAIN.md "Deposit"): placed in cash or
 * as an on-demand bank guarantee valid at least a year, or exempt; drawn down to pay workers when
 * an order to pay is ignored, then topped up; released after completion, a pledge, a 30-day
 * public notice and a review.
 */
export type DepositForm = 'CASH' | 'BANK_GUARANTEE' | 'EXEMPT';
export type DepositStatus = 'HELD' | 'RELEASE_NOTICE' | 'RELEASED';

export interface Deposit {
  id: string;
  projectId: string;
  uscc: string;
  form: DepositForm;
  requiredFen: bigint;
  heldFen: bigint;
  rateBp: number;
  trace: string[];
  guaranteeNumber: string | null;
  guaranteeValidUntil: string | null;
  status: DepositStatus;
  placedAt: Date;
  topUpDueOn: string | null;
  releaseNoticeUntil: Date | null;
  releaseReviewBy: string | null;
  releasedBy: string | null;
  releasedAt: Date | null;
  releasePayBy: string | null;
}

export interface DepositDeadlines {
  /** The bank pays the named workers within this many working days (5). */
  drawdownPayWorkingDays: number;
  /** The contractor tops the deposit up within this many working days (10). */
  topUpWorkingDays: number;
  releaseNoticeDays: number;
  releaseReviewWorkingDays: number;
  releasePayWorkingDays: number;
}

export const DEFAULT_DEPOSIT_DEADLINES: DepositDeadlines = {
  drawdownPayWorkingDays: 5,
  topUpWorkingDays: 10,
  releaseNoticeDays: 30,
  releaseReviewWorkingDays: 5,
  releasePayWorkingDays: 3,
};

const fail = (code: string, message: string, field?: string) => new AppError(code, message, field);

export interface Placement {
  form: DepositForm;
  amountFen: bigint;
  guaranteeNumber: string | null;
  guaranteeValidUntil: string | null;
}

export function placeDeposit(
  project: { projectId: string; generalContractorUscc: string },
  existing: Deposit | null,
  assessment: DepositAssessment,
  placement: Placement,
  at: Date,
): { deposit: Deposit; events: OutgoingEvent[]; transfers: Transfer[] } {
  if (existing && existing.status !== 'RELEASED')
    throw fail('DEPOSIT_EXISTS', `The project's deposit is already ${existing.form === 'EXEMPT' ? 'exempt' : 'placed'}.`, 'projectId');
  if (placement.form === 'EXEMPT' && !assessment.exempt) throw fail('NOT_EXEMPT', `The project is not exempt: ${assessment.trace.join('; ')}.`, 'form');
  if (placement.form !== 'EXEMPT' && assessment.exempt)
    throw fail('EXEMPT', `No deposit is due: ${assessment.trace.at(-1)}. Record the exemption instead.`, 'form');
  const amountFen = placement.form === 'EXEMPT' ? 0n : placement.amountFen;
  if (amountFen < assessment.amountFen)
    throw fail(
      'DEPOSIT_TOO_SMALL',
      `The deposit due is ${yuan(assessment.amountFen)} (${assessment.trace.join('; ')}); ${yuan(amountFen)} is not enough.`,
      'amount',
    );
  let guaranteeValidUntil: string | null = null;
  if (placement.form === 'BANK_GUARANTEE') {
    if (!placement.guaranteeNumber?.trim()) throw fail('GUARANTEE_NUMBER_REQUIRED', 'Give the bank guarantee (保函) number.', 'guaranteeNumber');
    // A calendar year, not 365 days: placed on 1 March 2027, the guarantee runs to 1 March 2028 at least.
    const yearOn = addMonthsToDay(chinaDay(at), 12);
    if (!placement.guaranteeValidUntil || placement.guaranteeValidUntil < yearOn) {
      throw fail('GUARANTEE_TOO_SHORT', `A bank guarantee must be valid at least one year, until ${yearOn} or later.`, 'guaranteeValidUntil');
    }
    guaranteeValidUntil = placement.guaranteeValidUntil;
  }
  const deposit: Deposit = {
    id: randomUUID(),
    projectId: project.projectId,
    uscc: project.generalContractorUscc,
    form: placement.form,
    requiredFen: assessment.amountFen,
    heldFen: amountFen,
    rateBp: assessment.rateBp,
    trace: assessment.trace,
    guaranteeNumber: placement.form === 'BANK_GUARANTEE' ? placement.guaranteeNumber!.trim() : null,
    guaranteeValidUntil,
    status: 'HELD',
    placedAt: at,
    topUpDueOn: null,
    releaseNoticeUntil: null,
    releaseReviewBy: null,
    releasedBy: null,
    releasedAt: null,
    releasePayBy: null,
  };
  const event = createEvent(
    depositPlacedV1,
    PAYROLL_SOURCE,
    project.projectId,
    {
      depositId: deposit.id,
      projectId: deposit.projectId,
      uscc: deposit.uscc,
      form: deposit.form,
      amountFen: amountFen.toString(),
      validUntil: guaranteeValidUntil,
      placedAt: at.toISOString(),
    },
    at,
  );
  const transfers = deposit.form === 'CASH' ? [depositPlaced(deposit.projectId, deposit.id, amountFen, at)] : [];
  return { deposit, events: [outgoing(depositPlacedV1, event as CloudEvent)], transfers };
}

export interface Payee {
  workerId: string;
  amountFen: bigint;
}

export interface Drawdown {
  id: string;
  depositId: string;
  projectId: string;
  amountFen: bigint;
  cause: string;
  payees: Payee[];
  payBy: string;
  status: 'REQUESTED' | 'PAID';
  startedAt: Date;
  paidAt: Date | null;
  bankReference: string | null;
}

/**
 * Draws on the deposit to pay what is owed (at most what it holds) to the named workers when the
 * order names them; the contractor must top it up. A cash deposit's money moves to the drawdown; a
 * guarantee is called.
 */
export function startDrawdown(
  deposit: Deposit,
  owedFen: bigint,
  cause: string,
  payees: readonly Payee[],
  calendar: HolidayCalendar,
  deadlines: DepositDeadlines,
  at: Date,
) {
  if (deposit.status !== 'HELD' || deposit.form === 'EXEMPT' || deposit.heldFen === 0n) {
    throw fail(
      'NOTHING_TO_DRAW',
      deposit.form === 'EXEMPT' ? 'The project is exempt from the deposit; the contractor pays directly.' : 'The deposit holds nothing to draw on.',
      'projectId',
    );
  }
  if (owedFen <= 0n) throw fail('INVALID_AMOUNT', 'The amount owed must be positive.', 'amount');
  if (payees.length && payees.reduce((sum, payee) => sum + payee.amountFen, 0n) !== owedFen) {
    throw fail('PAYEES_DO_NOT_ADD_UP', "The named workers' amounts must add up to the amount owed.", 'workers');
  }
  if (payees.some((payee) => payee.amountFen <= 0n)) throw fail('INVALID_AMOUNT', 'Each named worker is owed a positive amount.', 'workers');
  const amountFen = owedFen < deposit.heldFen ? owedFen : deposit.heldFen;
  const today = chinaDay(at);
  const drawdown: Drawdown = {
    id: randomUUID(),
    depositId: deposit.id,
    projectId: deposit.projectId,
    amountFen,
    cause,
    payees: [...payees],
    payBy: addWorkingDays(today, deadlines.drawdownPayWorkingDays, calendar),
    status: 'REQUESTED',
    startedAt: at,
    paidAt: null,
    bankReference: null,
  };
  const topUpBy = addWorkingDays(today, deadlines.topUpWorkingDays, calendar);
  const event = createEvent(
    depositDrawdownStartedV1,
    PAYROLL_SOURCE,
    deposit.projectId,
    {
      drawdownId: drawdown.id,
      depositId: deposit.id,
      projectId: deposit.projectId,
      uscc: deposit.uscc,
      amountFen: amountFen.toString(),
      cause,
      payees: payees.map((payee) => ({ workerId: payee.workerId, amountFen: payee.amountFen.toString() })),
      payBy: drawdown.payBy,
      topUpBy,
      startedAt: at.toISOString(),
    },
    at,
  );
  return {
    drawdown,
    deposit: { ...deposit, heldFen: deposit.heldFen - amountFen, topUpDueOn: topUpBy },
    events: [outgoing(depositDrawdownStartedV1, event as CloudEvent)],
    transfers: [drawdownStarted(deposit.projectId, drawdown.id, amountFen, deposit.form === 'BANK_GUARANTEE', at)],
  };
}

/**
 * The contractor's record got worse (listed on the dishonesty list): the deposit due is assessed
 * again and, when it now holds less, the contractor tops it up within the top-up deadline.
 */
export function reassess(deposit: Deposit, assessment: DepositAssessment, calendar: HolidayCalendar, deadlines: DepositDeadlines, at: Date): Deposit {
  if (deposit.status !== 'HELD' || assessment.amountFen <= deposit.requiredFen) return deposit;
  const trace = [...deposit.trace, `reassessed on ${chinaDay(at)}: ${assessment.trace.join('; ')}`];
  const topUpDueOn = deposit.heldFen < assessment.amountFen ? addWorkingDays(chinaDay(at), deadlines.topUpWorkingDays, calendar) : deposit.topUpDueOn;
  return { ...deposit, requiredFen: assessment.amountFen, rateBp: assessment.rateBp, trace, topUpDueOn };
}

/** The contractor tops the deposit up (cash in, or a guarantee raised by the amount); `topUpId` makes a repeat harmless. */
export function topUp(deposit: Deposit, amountFen: bigint, topUpId: string, at: Date): { deposit: Deposit; transfers: Transfer[] } {
  if (deposit.status !== 'HELD') throw fail('DEPOSIT_NOT_HELD', `The deposit is ${deposit.status.toLowerCase()}.`, 'depositId');
  if (amountFen <= 0n) throw fail('INVALID_AMOUNT', 'The top-up must be positive.', 'amount');
  const heldFen = deposit.heldFen + amountFen;
  return {
    deposit: { ...deposit, heldFen, topUpDueOn: heldFen >= deposit.requiredFen ? null : deposit.topUpDueOn },
    transfers: deposit.form === 'CASH' ? [depositToppedUp(deposit.projectId, topUpId, amountFen, at)] : [],
  };
}

/** After completion acceptance and the contractor's pledge (承诺书), a 30-day public notice starts. */
export function requestRelease(
  deposit: Deposit,
  projectStage: string,
  pledged: boolean,
  calendar: HolidayCalendar,
  deadlines: DepositDeadlines,
  at: Date,
): Deposit {
  if (deposit.status !== 'HELD' || deposit.form === 'EXEMPT') throw fail('DEPOSIT_NOT_HELD', 'Only a held deposit is released.', 'projectId');
  if (projectStage !== 'COMPLETED' && projectStage !== 'CLOSED')
    throw fail('PROJECT_NOT_COMPLETED', 'The deposit is released after completion acceptance (竣工验收).', 'projectId');
  if (!pledged) throw fail('PLEDGE_REQUIRED', 'The contractor pledges that no wages are owed (承诺书).', 'pledge');
  const noticeUntil = instantPlusDays(at, deadlines.releaseNoticeDays);
  return {
    ...deposit,
    status: 'RELEASE_NOTICE',
    releaseNoticeUntil: noticeUntil,
    releaseReviewBy: addWorkingDays(chinaDay(noticeUntil), deadlines.releaseReviewWorkingDays, calendar),
  };
}

/** The department reviews after the notice; approval releases the money within the pay deadline, rejection keeps it held. */
export function reviewRelease(
  deposit: Deposit,
  approve: boolean,
  reviewer: string,
  openArrears: number,
  calendar: HolidayCalendar,
  deadlines: DepositDeadlines,
  at: Date,
): { deposit: Deposit; transfers: Transfer[] } {
  if (deposit.status !== 'RELEASE_NOTICE') throw fail('NO_RELEASE_REQUESTED', 'No release is waiting for review.', 'depositId');
  if (at < deposit.releaseNoticeUntil!)
    throw fail('NOTICE_PERIOD_RUNNING', `The public notice runs until ${chinaDay(deposit.releaseNoticeUntil!)}.`, 'depositId');
  if (!approve) return { deposit: { ...deposit, status: 'HELD', releaseNoticeUntil: null, releaseReviewBy: null }, transfers: [] };
  if (openArrears > 0) throw fail('ARREARS_OPEN', `${openArrears} arrears warning(s) are open: the deposit stays until wages are paid.`, 'depositId');
  const released: Deposit = {
    ...deposit,
    status: 'RELEASED',
    heldFen: 0n,
    releasedBy: reviewer,
    releasedAt: at,
    releasePayBy: addWorkingDays(chinaDay(at), deadlines.releasePayWorkingDays, calendar),
  };
  return {
    deposit: released,
    transfers: deposit.form === 'CASH' && deposit.heldFen > 0n ? [depositReleased(deposit.projectId, deposit.id, deposit.heldFen, at)] : [],
  };
}
