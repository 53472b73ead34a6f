import { randomUUID } from 'node:crypto';
import { createEvent, trainingCompletedV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, chinaYear, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { WELFARE_SOURCE } from './injury-insurance';

/**
 * Training (培训): programmes run by providers (schools, bases, enterprise centres) in sessions;
 * workers enrol, their hours are recorded day by day, and a worker who has the programme's hours
 * completes it — safety training by level (company ≥ 15 h, project ≥ 15 h, team ≥ 20 h for new
 * workers; config) — with a certificate for skill training. Completion is announced (identity
 * records the safety precondition and skill levels).
 */
export type TrainingKind = 'SAFETY' | 'SKILL';
export type SafetyLevel = 'COMPANY' | 'PROJECT' | 'TEAM';

export interface Programme {
  id: string;
  providerId: string;
  name: string;
  kind: TrainingKind;
  safetyLevel: SafetyLevel | null;
  tradeCode: string | null;
  /** Skill level the certificate attests (1 初级 … 5 高级技师). */
  skillLevel: number | null;
  requiredHours: number;
}

export type SafetyHours = Record<SafetyLevel, number>;
export const DEFAULT_SAFETY_HOURS: SafetyHours = { COMPANY: 15, PROJECT: 15, TEAM: 20 };

const fail = (code: string, message: string, field?: string) => new AppError(code, message, field);

export function defineProgramme(request: Omit<Programme, 'id'>, safetyHours: SafetyHours): Programme {
  if (request.name.trim().length < 2) throw fail('INVALID_NAME', 'Name the programme.', 'name');
  if (request.kind === 'SAFETY') {
    if (!request.safetyLevel) throw fail('SAFETY_LEVEL_REQUIRED', 'Safety training is at company, project or team level (三级安全教育).', 'safetyLevel');
    const minimum = safetyHours[request.safetyLevel];
    if (request.requiredHours < minimum)
      throw fail('TOO_FEW_HOURS', `${request.safetyLevel.toLowerCase()}-level safety training for new workers is at least ${minimum} h.`, 'requiredHours');
  } else {
    if (!request.tradeCode) throw fail('TRADE_REQUIRED', 'Skill training is for a trade.', 'tradeCode');
    if (request.skillLevel === null || request.skillLevel < 1 || request.skillLevel > 5)
      throw fail('INVALID_SKILL_LEVEL', 'The certificate attests a skill level from 1 to 5.', 'skillLevel');
  }
  if (request.requiredHours <= 0 || request.requiredHours > 2000) throw fail('INVALID_HOURS', 'Required hours are between 1 and 2,000.', 'requiredHours');
  return { id: randomUUID(), ...request, name: request.name.trim(), safetyLevel: request.kind === 'SAFETY' ? request.safetyLevel : null };
}

export interface TrainingEnrolment {
  id: string;
  sessionId: string;
  workerId: string;
  hours: number;
  status: 'ENROLLED' | 'COMPLETED';
  certificateNumber: string | null;
  completedAt: Date | null;
}

/** Hours of one day: at most 8 a day, and only while the worker is enrolled and not yet complete. */
export function recordHours(enrolment: TrainingEnrolment, hours: number): TrainingEnrolment {
  if (enrolment.status !== 'ENROLLED') throw fail('TRAINING_COMPLETED', 'The training is already completed.', 'enrolmentId');
  if (!(hours > 0 && hours <= 8)) throw fail('INVALID_HOURS', 'A day counts 0.5 to 8 hours of training.', 'hours');
  return { ...enrolment, hours: enrolment.hours + hours };
}

/**
 * A worker with the programme's hours completes it; a skill programme issues a certificate, numbered
 * ZS + the year of issue in China (on 31 December from 16:00 UTC already the next) + a serial.
 */
export function complete(
  enrolment: TrainingEnrolment,
  programme: Programme,
  certificateSerial: () => string,
  at: Date,
): { enrolment: TrainingEnrolment; events: OutgoingEvent[] } {
  if (enrolment.status !== 'ENROLLED') throw fail('TRAINING_COMPLETED', 'The training is already completed.', 'enrolmentId');
  if (enrolment.hours < programme.requiredHours) throw fail('HOURS_MISSING', `${enrolment.hours} h of ${programme.requiredHours} h attended.`, 'enrolmentId');
  const certificateNumber = programme.kind === 'SKILL' ? `ZS${chinaYear(at)}${certificateSerial()}` : null;
  const completed: TrainingEnrolment = { ...enrolment, status: 'COMPLETED', certificateNumber, completedAt: at };
  const event = createEvent(
    trainingCompletedV1,
    WELFARE_SOURCE,
    enrolment.workerId,
    {
      completionId: enrolment.id,
      workerId: enrolment.workerId,
      kind: programme.kind,
      programme: programme.name,
      hours: enrolment.hours,
      tradeCode: programme.tradeCode,
      skillLevel: programme.skillLevel,
      certificateNumber,
      completedAt: at.toISOString(),
    },
    at,
  );
  return { enrolment: completed, events: [outgoing(trainingCompletedV1, event as CloudEvent)] };
}
