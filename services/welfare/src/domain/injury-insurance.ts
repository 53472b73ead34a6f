import { randomUUID } from 'node:crypto';
import { createEvent, insuranceBoughtV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, outgoing, type OutgoingEvent } from '@yikatong/platform';

export const WELFARE_SOURCE = '/yikatong/welfare';

/**
 * Work-injury insurance per project (DOMAIN.md: "insure first, then build"): one policy bought in
 * one sum covers every worker enrolled on the project from their first day, for its cover period.
 */
export interface InjuryPolicy {
  id: string;
  projectId: string;
  insurer: string;
  policyNumber: string;
  premiumFen: bigint;
  rateBp: number;
  coverFrom: string;
  /** Null: until completion acceptance. */
  coverUntil: string | null;
  boughtBy: string;
  boughtAt: Date;
}

export type PolicyRequest = Pick<InjuryPolicy, 'insurer' | 'policyNumber' | 'premiumFen' | 'rateBp' | 'coverFrom' | 'coverUntil'>;

const fail = (code: string, message: string, field: string) => new AppError(code, message, field);
const covers = (policy: Pick<InjuryPolicy, 'coverFrom' | 'coverUntil'>, day: string) =>
  policy.coverFrom <= day && (policy.coverUntil === null || day <= policy.coverUntil);
const overlaps = (a: Pick<InjuryPolicy, 'coverFrom' | 'coverUntil'>, b: Pick<InjuryPolicy, 'coverFrom' | 'coverUntil'>) =>
  (a.coverUntil === null || b.coverFrom <= a.coverUntil) && (b.coverUntil === null || a.coverFrom <= b.coverUntil);

export function buyPolicy(
  project: { projectId: string; stage: string },
  existing: readonly InjuryPolicy[],
  request: PolicyRequest,
  boughtBy: string,
  at: Date,
): { policy: InjuryPolicy; events: OutgoingEvent[] } {
  if (project.stage === 'COMPLETED' || project.stage === 'CLOSED')
    throw fail('PROJECT_FINISHED', `The project is ${project.stage.toLowerCase()}.`, 'projectId');
  if (request.insurer.trim().length < 2) throw fail('INVALID_INSURER', 'Name the insurer.', 'insurer');
  if (!/^[A-Za-z0-9-]{6,40}$/.test(request.policyNumber))
    throw fail('INVALID_POLICY_NUMBER', 'The policy number has 6 to 40 letters, digits or dashes.', 'policyNumber');
  if (request.premiumFen <= 0n) throw fail('INVALID_PREMIUM', 'The premium must be positive (paid in one sum).', 'premium');
  if (request.rateBp <= 0 || request.rateBp > 10_000) throw fail('INVALID_RATE', 'The rate is in basis points of the insured base, 1 to 10,000.', 'rateBp');
  if (request.coverUntil !== null && request.coverUntil < request.coverFrom) throw fail('INVALID_PERIOD', 'The cover ends before it starts.', 'coverUntil');
  const clash = existing.find((policy) => overlaps(policy, request));
  if (clash)
    throw fail(
      'POLICY_OVERLAPS',
      `Policy ${clash.policyNumber} (${clash.insurer}) already covers the project from ${clash.coverFrom}${clash.coverUntil ? ` to ${clash.coverUntil}` : ''}.`,
      'coverFrom',
    );
  const policy: InjuryPolicy = { id: randomUUID(), projectId: project.projectId, ...request, insurer: request.insurer.trim(), boughtBy, boughtAt: at };
  const event = createEvent(
    insuranceBoughtV1,
    WELFARE_SOURCE,
    project.projectId,
    {
      policyId: policy.id,
      projectId: policy.projectId,
      insurer: policy.insurer,
      policyNumber: policy.policyNumber,
      coverFrom: policy.coverFrom,
      coverUntil: policy.coverUntil,
      boughtAt: at.toISOString(),
    },
    at,
  );
  return { policy, events: [outgoing(insuranceBoughtV1, event as CloudEvent)] };
}

export interface EnrolmentSpan {
  projectId: string;
  startDate: string;
  endDate: string | null;
}

export interface Coverage {
  projectId: string;
  /** The policy covering the worker on the day, or null: a gap to close. */
  policy: InjuryPolicy | null;
}

/** On a day, for each project the worker is enrolled on: the policy that covers them, if any. */
export function coverageOn(enrolments: readonly EnrolmentSpan[], policies: readonly InjuryPolicy[], day: string): Coverage[] {
  return enrolments
    .filter((enrolment) => enrolment.startDate <= day && (enrolment.endDate === null || day <= enrolment.endDate))
    .map((enrolment) => ({
      projectId: enrolment.projectId,
      policy: policies.find((policy) => policy.projectId === enrolment.projectId && covers(policy, day)) ?? null,
    }));
}
