import { randomUUID } from 'node:crypto';
import { addMonthsInChina, AppError, chinaYear } from '@yikatong/platform';

/** Good and bad credit records (良好/不良信用记录). WAGE_ARREARS counts as arrears for the deposit rate. */
export const CREDIT_CATEGORIES = {
  GOOD: ['AWARD', 'PROMPT_PAYMENT', 'OTHER_GOOD'],
  BAD: ['WAGE_ARREARS', 'COMPLAINT_VERIFIED', 'REAL_NAME_VIOLATION', 'OTHER_BAD'],
} as const;

export type CreditKind = keyof typeof CREDIT_CATEGORIES;

export interface CreditRecord {
  id: string;
  uscc: string;
  kind: CreditKind;
  category: string;
  description: string;
  source: string;
  sourceEventId: string | null;
  recordedBy: string;
  at: Date;
}

export function recordCredit(request: { uscc: string; kind: CreditKind; category: string; description: string }, actor: string, at: Date): CreditRecord {
  const categories: readonly string[] = CREDIT_CATEGORIES[request.kind];
  if (!categories.includes(request.category)) {
    throw new AppError('INVALID_CATEGORY', `A ${request.kind.toLowerCase()} record is one of ${categories.join(', ')}.`, 'category');
  }
  const description = request.description.trim();
  if (description.length < 4 || description.length > 1000)
    throw new AppError('INVALID_DESCRIPTION', 'Describe the record in 4 to 1000 characters.', 'description');
  return {
    id: randomUUID(),
    uscc: request.uscc,
    kind: request.kind,
    category: request.category,
    description,
    source: `portal:${actor}`,
    sourceEventId: null,
    recordedBy: actor,
    at,
  };
}

/** A complaint verified by labour inspection is a bad record; a wage complaint counts as arrears. */
export function creditFromVerifiedComplaint(
  complaint: { complaintId: string; uscc: string; category: 'WAGE_ARREARS' | 'OTHER'; summary: string; verifiedBy: string; verifiedAt: string },
  source: string,
  eventId: string,
): CreditRecord {
  return {
    id: randomUUID(),
    uscc: complaint.uscc,
    kind: 'BAD',
    category: complaint.category === 'WAGE_ARREARS' ? 'WAGE_ARREARS' : 'COMPLAINT_VERIFIED',
    description: `Verified complaint ${complaint.complaintId}: ${complaint.summary}`,
    source,
    sourceEventId: eventId,
    recordedBy: complaint.verifiedBy,
    at: new Date(complaint.verifiedAt),
  };
}

/** A worker registered on a project after the real-name deadline is a bad record for the employer (a real-name violation). */
export function creditFromLateRegistration(
  enrolment: { enrolmentId: string; employerUscc: string; projectId: string; startDate: string; registeredLateByDays: number },
  source: string,
  eventId: string,
  at: Date,
): CreditRecord {
  const days = enrolment.registeredLateByDays;
  return {
    id: randomUUID(),
    uscc: enrolment.employerUscc,
    kind: 'BAD',
    category: 'REAL_NAME_VIOLATION',
    description: `Worker enrolment ${enrolment.enrolmentId} on project ${enrolment.projectId} (on site from ${enrolment.startDate}) was registered ${days} day${days === 1 ? '' : 's'} after the real-name registration deadline.`,
    source,
    sourceEventId: eventId,
    recordedBy: 'identity',
    at,
  };
}

/** What payroll needs to set an enterprise's deposit rate (DOMAIN.md "Deposit"). */
export interface DepositRateInputs {
  /** Whole years since registration or the last bad fact, whichever is later. */
  cleanYears: number;
  arrearsInLastTwoYears: boolean;
  listed: boolean;
  lastBadFactAt: Date | null;
}

/** Whole years from `from` to `now` on China's calendar: a year is complete on its anniversary (29 February's on the 28th). */
function wholeYears(from: Date, now: Date): number {
  const years = chinaYear(now) - chinaYear(from);
  return Math.max(0, addMonthsInChina(from, 12 * years) > now ? years - 1 : years);
}

export function depositRateInputs(facts: {
  registeredAt: Date;
  credit: ReadonlyArray<Pick<CreditRecord, 'kind' | 'category' | 'at'>>;
  redWarningsRaisedAt: readonly Date[];
  listings: ReadonlyArray<{ listedAt: Date; status: string }>;
  now: Date;
}): DepositRateInputs {
  const bad = [
    ...facts.credit.filter((record) => record.kind === 'BAD').map((record) => record.at),
    ...facts.redWarningsRaisedAt,
    ...facts.listings.map((listing) => listing.listedAt),
  ];
  const arrears = [
    ...facts.credit.filter((record) => record.category === 'WAGE_ARREARS').map((record) => record.at),
    ...facts.redWarningsRaisedAt,
    ...facts.listings.map((listing) => listing.listedAt),
  ];
  const lastBadFactAt = bad.length > 0 ? new Date(Math.max(...bad.map((at) => at.getTime()))) : null;
  const cleanFrom = lastBadFactAt && lastBadFactAt > facts.registeredAt ? lastBadFactAt : facts.registeredAt;
  const twoYearsAgo = addMonthsInChina(facts.now, -24);
  return {
    cleanYears: wholeYears(cleanFrom, facts.now),
    arrearsInLastTwoYears: arrears.some((at) => at >= twoYearsAgo),
    listed: facts.listings.some((listing) => listing.status === 'ACTIVE'),
    lastBadFactAt,
  };
}
