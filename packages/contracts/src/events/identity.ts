import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

export const cardHolderKind = z.enum(['WORKER', 'ENTERPRISE', 'RESPONSIBLE_PERSON']);

const cardFacts = {
  cardId: z.string().uuid(),
  cardNumber: z.string(),
  holderKind: cardHolderKind,
  /** USCC of the enterprise the card belongs to (its own card or a responsible person's). */
  enterpriseUscc: z.string().nullable(),
  /** The registered person holding a worker's or responsible person's card; null for an enterprise's own card. */
  personId: z.string().uuid().nullable().default(null),
  regionCode: z.string(),
  /** Monotonic per card: consumers ignore a fact older than the last one they applied. */
  version: z.number().int().positive(),
};

const statusChange = {
  ...cardFacts,
  reason: z.string(),
  legalBasis: z.string(),
  authority: z.string(),
  actor: z.string(),
  at: z.string().datetime({ offset: true }),
};

export const cardIssuedV1 = defineEvent({
  type: 'cn.yikatong.identity.card.issued.v1',
  topic: TOPICS.identityCards,
  data: z.object({ ...cardFacts, issuedAt: z.string().datetime({ offset: true }) }),
});

export const cardFrozenV1 = defineEvent({
  type: 'cn.yikatong.identity.card.frozen.v1',
  topic: TOPICS.identityCards,
  data: z.object(statusChange),
});

export const cardUnfrozenV1 = defineEvent({
  type: 'cn.yikatong.identity.card.unfrozen.v1',
  topic: TOPICS.identityCards,
  data: z.object(statusChange),
});

export const cardCancelledV1 = defineEvent({
  type: 'cn.yikatong.identity.card.cancelled.v1',
  topic: TOPICS.identityCards,
  data: z.object(statusChange),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** A worker entered the real-name registry. Carries no personal data: consumers ask identity when they need it. */
export const workerRegisteredV1 = defineEvent({
  type: 'cn.yikatong.identity.worker.registered.v1',
  topic: TOPICS.identityWorkers,
  data: z.object({
    workerId: z.string().uuid(),
    regionCode: z.string(),
    tradeCode: z.string(),
    birthYear: z.number().int(),
    sex: z.enum(['MALE', 'FEMALE']),
    registeredAt: z.string().datetime({ offset: true }),
  }),
});

/**
 * The worker's wage bank card changed. Carries the card number and holder name because payroll pays
 * to them: it has a topic of its own, which payroll alone reads (TOPIC_READERS).
 */
export const wageCardChangedV1 = defineEvent({
  type: 'cn.yikatong.identity.worker.wage-card-changed.v1',
  topic: TOPICS.identityWageCards,
  data: z.object({
    workerId: z.string().uuid(),
    holderName: z.string(),
    bankCode: z.string(),
    cardNumber: z.string(),
    /** False when the number failed the Luhn check: the bank must verify it before paying. */
    luhnValid: z.boolean(),
    /** Monotonic per worker, like card versions. */
    version: z.number().int().positive(),
    changedAt: z.string().datetime({ offset: true }),
  }),
});

export const contractType = z.enum(['LABOUR_CONTRACT', 'WRITTEN_AGREEMENT']);
export const rateKind = z.enum(['DAILY', 'MONTHLY', 'HOURLY']);
export const employmentKind = z.enum(['FULL_TIME', 'PART_TIME']);
export type RateKind = z.infer<typeof rateKind>;
export type EmploymentKind = z.infer<typeof employmentKind>;

const enrolmentFacts = {
  enrolmentId: z.string().uuid(),
  workerId: z.string().uuid(),
  projectId: z.string().uuid(),
  employerUscc: z.string(),
  regionCode: z.string(),
  tradeCode: z.string(),
};

/** A worker was registered on a project (实名登记): payroll may put them on that project's wage sheet. */
export const enrolmentStartedV1 = defineEvent({
  type: 'cn.yikatong.identity.enrolment.started.v1',
  topic: TOPICS.identityEnrolments,
  data: z.object({
    ...enrolmentFacts,
    contractType,
    rateKind,
    /** Wage rate in fen per day, month or hour (rateKind). */
    rateFen: z.number().int().positive(),
    employmentKind,
    team: z.string().nullable(),
    startDate: day,
    endDate: day.nullable(),
    /** Days past the registration deadline (identity's config: 10 days from site entry); 0 when in time. Enterprise records a bad credit entry for the employer. */
    registeredLateByDays: z.number().int().min(0).default(0),
  }),
});

export const enrolmentEndedV1 = defineEvent({
  type: 'cn.yikatong.identity.enrolment.ended.v1',
  topic: TOPICS.identityEnrolments,
  data: z.object({ ...enrolmentFacts, endDate: day, reason: z.string() }),
});

/** A project's attendance for one month is closed: these totals are what payroll builds the wage sheet from. */
export const attendanceMonthClosedV1 = defineEvent({
  type: 'cn.yikatong.identity.attendance.month-closed.v1',
  topic: TOPICS.identityAttendance,
  data: z.object({
    projectId: z.string().uuid(),
    period,
    workers: z.array(z.object({ workerId: z.string().uuid(), days: z.number().int().nonnegative(), hours: z.number().nonnegative() })),
    closedBy: z.string(),
    closedAt: z.string().datetime({ offset: true }),
  }),
});
