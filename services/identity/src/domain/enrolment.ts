import { randomUUID } from 'node:crypto';
import { createEvent, enrolmentEndedV1, enrolmentStartedV1, type CloudEvent, type EmploymentKind, type RateKind } from '@yikatong/contracts';
import { addDays, AppError, chinaDay, daysBetween, outgoing, refuseIfAny, type OutgoingEvent, type Refusal } from '@yikatong/platform';
import type { CardStatus } from './card';
import { IDENTITY_SOURCE } from './card';

export type ContractType = 'LABOUR_CONTRACT' | 'WRITTEN_AGREEMENT';
export type { EmploymentKind, RateKind };

export interface EnrolmentRequest {
  workerId: string;
  projectId: string;
  employerUscc: string;
  contractType: ContractType;
  tradeCode: string;
  rateKind: RateKind;
  rateFen: number;
  employmentKind: EmploymentKind;
  team: string | null;
  startDate: string;
  /** Planned or actual last day; null while open-ended. */
  endDate: string | null;
}

export interface Enrolment extends EnrolmentRequest {
  id: string;
  /** The project's region: portals of that region see the enrolment. */
  regionCode: string;
  status: 'ACTIVE' | 'ENDED';
  /** Days past the registration deadline when the enrolment was recorded; 0 when on time. */
  registeredLateByDays: number;
}

/** What identity knows when a worker asks to be enrolled; gathered by the resolver, judged here. */
export interface EnrolmentFacts {
  project: { id: string; regionCode: string; participants: readonly string[] } | null;
  workerCardStatus: CardStatus | null;
  /** Last completed safety training (from welfare), and the worker's last day on any site. */
  safetyTrainedOn: string | null;
  lastActiveOn: string | null;
  activeEnrolments: readonly Enrolment[];
}

/** Province policy (config). */
export interface EnrolmentPolicy {
  /** After this long away from sites, safety training is redone. */
  retrainAfterInactiveDays: number;
  /** A subcontractor registers its workers within this many days of their entering the site. */
  registrationDeadlineDays: number;
}

const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

/** Every reason the enrolment must be refused; empty means it may go ahead. */
export function enrolmentRefusals(request: EnrolmentRequest, facts: EnrolmentFacts, policy: EnrolmentPolicy): Refusal[] {
  const refusals: Refusal[] = [];
  if (request.endDate !== null && request.endDate < request.startDate) {
    refusals.push({ code: 'END_BEFORE_START', field: 'endDate', message: 'The end date is before the start date.' });
  }
  if (!Number.isInteger(request.rateFen) || request.rateFen <= 0) {
    refusals.push({ code: 'INVALID_RATE', field: 'rateFen', message: 'The wage rate must be a positive whole number of fen.' });
  }
  if (!facts.project) {
    refusals.push({ code: 'PROJECT_NOT_FOUND', field: 'projectId', message: 'No registered project has this id.' });
  } else if (!facts.project.participants.includes(request.employerUscc)) {
    refusals.push({
      code: 'EMPLOYER_NOT_ON_PROJECT',
      field: 'employerUscc',
      message: `Enterprise ${request.employerUscc} is not the general contractor or a registered subcontractor of this project.`,
    });
  }
  if (facts.workerCardStatus !== 'ACTIVE') {
    refusals.push({
      code: 'CARD_NOT_ACTIVE',
      field: 'workerId',
      message: `The worker's real-name card is ${facts.workerCardStatus?.toLowerCase() ?? 'missing'}; a new project registration needs an active card.`,
    });
  }
  if (!facts.safetyTrainedOn) {
    refusals.push({
      code: 'SAFETY_TRAINING_MISSING',
      field: 'workerId',
      message: 'No safety training is on record for this worker; they must complete it before entering a site.',
    });
  } else if (
    facts.lastActiveOn &&
    facts.safetyTrainedOn < facts.lastActiveOn &&
    addDays(facts.lastActiveOn, policy.retrainAfterInactiveDays) <= request.startDate
  ) {
    refusals.push({
      code: 'SAFETY_TRAINING_LAPSED',
      field: 'workerId',
      message: `The worker has been away from sites since ${facts.lastActiveOn}; safety training must be redone before re-entry.`,
    });
  }
  for (const existing of facts.activeEnrolments) {
    if (!overlaps(existing, request)) continue;
    if (existing.projectId === request.projectId) {
      refusals.push({ code: 'ALREADY_ENROLLED', field: 'projectId', message: 'The worker is already enrolled on this project for these dates.' });
    } else if (existing.employmentKind === 'FULL_TIME') {
      refusals.push({
        code: 'FULL_TIME_ELSEWHERE',
        field: 'startDate',
        message: `The worker is full-time on another project (since ${existing.startDate}) for overlapping dates; end that enrolment first.`,
      });
    }
  }
  return refusals;
}

/**
 * Days a registration came after its deadline (0 when on time or for a future entry). A late
 * registration is recorded, not refused: refusing it would leave the worker off the records their
 * wages are paid from; the lateness is the employer's violation, for inspectors to follow up.
 */
export function daysRegisteredLate(startDate: string, registeredOn: string, policy: EnrolmentPolicy): number {
  const deadline = addDays(startDate, policy.registrationDeadlineDays);
  return Math.max(0, daysBetween(deadline, registeredOn));
}

function enrolmentFacts(enrolment: Enrolment) {
  const { id: enrolmentId, workerId, projectId, employerUscc, regionCode, tradeCode } = enrolment;
  return { enrolmentId, workerId, projectId, employerUscc, regionCode, tradeCode };
}

export function startEnrolment(
  request: EnrolmentRequest,
  facts: EnrolmentFacts,
  policy: EnrolmentPolicy,
  at: Date,
): { enrolment: Enrolment; events: OutgoingEvent[] } {
  refuseIfAny(enrolmentRefusals(request, facts, policy));
  const enrolment: Enrolment = {
    id: randomUUID(),
    ...request,
    regionCode: facts.project!.regionCode,
    status: 'ACTIVE',
    registeredLateByDays: daysRegisteredLate(request.startDate, chinaDay(at), policy),
  };
  const event = createEvent(
    enrolmentStartedV1,
    IDENTITY_SOURCE,
    enrolment.id,
    {
      ...enrolmentFacts(enrolment),
      contractType: enrolment.contractType,
      rateKind: enrolment.rateKind,
      rateFen: enrolment.rateFen,
      employmentKind: enrolment.employmentKind,
      team: enrolment.team,
      startDate: enrolment.startDate,
      endDate: enrolment.endDate,
      registeredLateByDays: enrolment.registeredLateByDays,
    },
    at,
  );
  return { enrolment, events: [outgoing(enrolmentStartedV1, event as CloudEvent)] };
}

export function endEnrolment(enrolment: Enrolment, endDate: string, reason: string, at: Date): { enrolment: Enrolment; events: OutgoingEvent[] } {
  if (enrolment.status === 'ENDED') throw new AppError('ENROLMENT_ALREADY_ENDED', 'This enrolment has already ended; nothing was changed.', 'enrolmentId');
  if (endDate < enrolment.startDate) throw new AppError('END_BEFORE_START', `The exit date is before the entry date ${enrolment.startDate}.`, 'endDate');
  const ended: Enrolment = { ...enrolment, endDate, status: 'ENDED' };
  const event = createEvent(enrolmentEndedV1, IDENTITY_SOURCE, enrolment.id, { ...enrolmentFacts(ended), endDate, reason }, at);
  return { enrolment: ended, events: [outgoing(enrolmentEndedV1, event as CloudEvent)] };
}
