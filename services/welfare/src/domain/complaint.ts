import { randomUUID } from 'node:crypto';
import { complaintClosedV1, complaintFiledV1, complaintVerifiedV1, createEvent, type CloudEvent } from '@yikatong/contracts';
import { addWorkingDays, AppError, chinaDay, DEPARTMENTS, outgoing, type HolidayCalendar, type OutgoingEvent } from '@yikatong/platform';
import { WELFARE_SOURCE } from './injury-insurance';

/**
 * A complaint (投诉) about unpaid wages or another violation. The first responder handles it or
 * forwards it (the chain is kept); every stage is recorded with actor and time; the complainant
 * always gets the result. Deadlines run in working days from intake (labour inspection: 60, +30 for
 * a complex case; config per category) and a breach escalates the case.
 */
export type ComplaintCategory = 'WAGE_ARREARS' | 'OTHER';
export type ComplaintChannel = 'SELF' | 'SERVICE_CENTRE' | 'HOTLINE' | 'ARREARS_WARNING';
export type ComplaintStage = 'NEW' | 'ACCEPTED' | 'INVESTIGATING' | 'VERIFIED' | 'REJECTED' | 'RESOLVED' | 'CLOSED';

export interface Complaint {
  id: string;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  /** Null for a case opened from an arrears warning. */
  workerId: string | null;
  employerUscc: string;
  projectId: string | null;
  regionCode: string;
  periodFrom: string | null;
  periodTo: string | null;
  amountClaimedFen: bigint | null;
  workersAffected: number;
  description: string;
  stage: ComplaintStage;
  /** The department holding the case now. */
  handlerDept: string;
  complex: boolean;
  receivedAt: Date;
  dueOn: string;
  escalatedAt: Date | null;
  result: string | null;
  amountOwedFen: bigint | null;
  filedBy: string;
}

export interface ComplaintStep {
  complaintId: string;
  /** A stage change, or FORWARDED / ESCALATED / MARKED_COMPLEX. */
  action: string;
  from: ComplaintStage;
  to: ComplaintStage;
  actor: string;
  note: string | null;
  at: Date;
}

export interface SlaPolicy {
  /** Working days to close a case, per category. */
  workingDays: Record<ComplaintCategory, number>;
  complexExtensionWorkingDays: number;
}

export const DEFAULT_SLA: SlaPolicy = { workingDays: { WAGE_ARREARS: 60, OTHER: 60 }, complexExtensionWorkingDays: 30 };

const fail = (code: string, message: string, field?: string) => new AppError(code, message, field);
/** The stages of a case still being handled. */
export const OPEN_STAGES: readonly ComplaintStage[] = ['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED'];
export const isOpen = (complaint: Pick<Complaint, 'stage'>) => OPEN_STAGES.includes(complaint.stage);

/** Where a complaint counts on the dashboards: its region, category, stage and, while open, its deadline. */
export function tallyKey(complaint: Pick<Complaint, 'regionCode' | 'category' | 'stage' | 'dueOn'>) {
  return { regionCode: complaint.regionCode, category: complaint.category, stage: complaint.stage, dueOn: isOpen(complaint) ? complaint.dueOn : '' };
}

/** What intake records; the rest of a complaint is set as it is handled. */
export type Intake = Pick<
  Complaint,
  | 'category'
  | 'channel'
  | 'workerId'
  | 'employerUscc'
  | 'projectId'
  | 'regionCode'
  | 'periodFrom'
  | 'periodTo'
  | 'amountClaimedFen'
  | 'workersAffected'
  | 'description'
  | 'handlerDept'
>;

/**
 * Files a complaint. A complaint from a worker is announced (the project carries a yellow warning
 * while it is open); a follow-up case of payroll's own warning is not, or it would feed itself.
 */
export function fileComplaint(
  intake: Intake,
  filedBy: string,
  calendar: HolidayCalendar,
  sla: SlaPolicy,
  at: Date,
): { complaint: Complaint; step: ComplaintStep; events: OutgoingEvent[] } {
  if (intake.description.trim().length < 4) throw fail('DESCRIPTION_REQUIRED', 'Say what happened (at least a few words).', 'description');
  if (intake.periodFrom && intake.periodTo && intake.periodTo < intake.periodFrom)
    throw fail('INVALID_PERIOD', 'The period ends before it starts.', 'periodTo');
  if (intake.amountClaimedFen !== null && intake.amountClaimedFen <= 0n) throw fail('INVALID_AMOUNT', 'The amount owed must be positive.', 'amountClaimed');
  if (intake.workersAffected < 1) throw fail('INVALID_WORKERS', 'At least one worker is affected.', 'workersAffected');
  const complaint: Complaint = {
    id: randomUUID(),
    ...intake,
    description: intake.description.trim(),
    stage: 'NEW',
    complex: false,
    receivedAt: at,
    dueOn: addWorkingDays(chinaDay(at), sla.workingDays[intake.category], calendar),
    escalatedAt: null,
    result: null,
    amountOwedFen: null,
    filedBy,
  };
  const events =
    intake.channel === 'ARREARS_WARNING'
      ? []
      : [
          outgoing(
            complaintFiledV1,
            createEvent(
              complaintFiledV1,
              WELFARE_SOURCE,
              complaint.employerUscc,
              {
                complaintId: complaint.id,
                uscc: complaint.employerUscc,
                projectId: complaint.projectId,
                category: complaint.category,
                filedAt: at.toISOString(),
              },
              at,
            ) as CloudEvent,
          ),
        ];
  return {
    complaint,
    step: { complaintId: complaint.id, action: 'FILED', from: 'NEW', to: 'NEW', actor: filedBy, note: `${intake.channel} → ${intake.handlerDept}`, at },
    events,
  };
}

/** The stages a case may move to from each stage. */
export const NEXT_STAGES: Record<ComplaintStage, readonly ComplaintStage[]> = {
  NEW: ['ACCEPTED', 'REJECTED'],
  ACCEPTED: ['INVESTIGATING', 'REJECTED'],
  INVESTIGATING: ['VERIFIED', 'REJECTED'],
  VERIFIED: ['RESOLVED'],
  REJECTED: ['CLOSED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

const isStage = (stage: string): stage is ComplaintStage => Object.hasOwn(NEXT_STAGES, stage);

/** Where a case in this stage may go next (none for an unknown or closed stage). */
export const nextStagesOf = (stage: string): readonly ComplaintStage[] => (isStage(stage) ? NEXT_STAGES[stage] : []);

export interface Decision {
  /** The stage asked for, as the handler sent it: advance() accepts only one of the case's next stages. */
  to: string;
  note: string | null;
  /** For VERIFIED on a wage complaint: what the workers are owed. */
  amountOwedFen?: bigint | null;
}

/**
 * Moves a case on. Rejection, verification and resolution need the result told to the
 * complainant; a verified wage complaint with an amount owed publishes complaint.verified.
 */
export function advance(
  complaint: Complaint,
  decision: Decision,
  actor: string,
  at: Date,
): { complaint: Complaint; step: ComplaintStep; events: OutgoingEvent[] } {
  const to = NEXT_STAGES[complaint.stage].find((stage) => stage === decision.to);
  if (!to) {
    throw fail(
      'INVALID_STAGE_CHANGE',
      `A ${complaint.stage.toLowerCase()} case cannot become ${decision.to.toLowerCase()} (next: ${NEXT_STAGES[complaint.stage].join(', ').toLowerCase() || 'none'}).`,
      'to',
    );
  }
  const note = decision.note?.trim() || null;
  const tellsResult = to === 'VERIFIED' || to === 'REJECTED' || to === 'RESOLVED';
  if (tellsResult && (!note || note.length < 4)) throw fail('RESULT_REQUIRED', 'Write the result the complainant will read.', 'note');
  let amountOwedFen = complaint.amountOwedFen;
  if (to === 'VERIFIED' && complaint.category === 'WAGE_ARREARS') {
    if (!decision.amountOwedFen || decision.amountOwedFen <= 0n)
      throw fail('AMOUNT_OWED_REQUIRED', 'A verified wage complaint states what the workers are owed.', 'amountOwed');
    amountOwedFen = decision.amountOwedFen;
  }
  const next: Complaint = { ...complaint, stage: to, result: tellsResult ? note : complaint.result, amountOwedFen };
  const events: OutgoingEvent[] = [];
  if (to === 'VERIFIED') {
    const event = createEvent(
      complaintVerifiedV1,
      WELFARE_SOURCE,
      complaint.employerUscc,
      {
        complaintId: complaint.id,
        uscc: complaint.employerUscc,
        projectId: complaint.projectId,
        category: complaint.category,
        summary: note!,
        workersAffected: complaint.workersAffected,
        amountOwedFen: amountOwedFen === null ? null : amountOwedFen.toString(),
        verifiedBy: actor,
        verifiedAt: at.toISOString(),
      },
      at,
    );
    events.push(outgoing(complaintVerifiedV1, event as CloudEvent));
  }
  if ((to === 'REJECTED' || to === 'RESOLVED') && complaint.channel !== 'ARREARS_WARNING') {
    events.push(
      outgoing(
        complaintClosedV1,
        createEvent(
          complaintClosedV1,
          WELFARE_SOURCE,
          complaint.employerUscc,
          {
            complaintId: complaint.id,
            uscc: complaint.employerUscc,
            projectId: complaint.projectId,
            outcome: to,
            closedAt: at.toISOString(),
          },
          at,
        ) as CloudEvent,
      ),
    );
  }
  return { complaint: next, step: { complaintId: complaint.id, action: to, from: complaint.stage, to: to, actor, note, at }, events };
}

/** The first responder hands the case to the department that can act; the chain of hands is kept. */
export function forward(complaint: Complaint, toDept: string, reason: string, actor: string, at: Date): { complaint: Complaint; step: ComplaintStep } {
  if (complaint.stage !== 'NEW' && complaint.stage !== 'ACCEPTED') throw fail('CANNOT_FORWARD', 'Only a new or accepted case is forwarded.', 'complaintId');
  // A case sent to a department that does not exist would sit where no one can handle it.
  if (!DEPARTMENTS.some((department) => department === toDept))
    throw fail('UNKNOWN_DEPARTMENT', `A case goes to one of ${DEPARTMENTS.join(', ')}.`, 'toDepartment');
  if (toDept === complaint.handlerDept) throw fail('SAME_DEPARTMENT', 'The case is already with that department.', 'toDepartment');
  if (reason.trim().length < 2) throw fail('REASON_REQUIRED', 'Say why the case goes to that department.', 'reason');
  return {
    complaint: { ...complaint, handlerDept: toDept },
    step: {
      complaintId: complaint.id,
      action: 'FORWARDED',
      from: complaint.stage,
      to: complaint.stage,
      actor,
      note: `${complaint.handlerDept} → ${toDept}: ${reason.trim()}`,
      at,
    },
  };
}

/** A complex case gets the extension once (labour inspection: +30 working days). */
export function markComplex(
  complaint: Complaint,
  actor: string,
  calendar: HolidayCalendar,
  sla: SlaPolicy,
  at: Date,
): { complaint: Complaint; step: ComplaintStep } {
  if (!isOpen(complaint)) throw fail('CASE_NOT_OPEN', 'The case is no longer open.', 'complaintId');
  if (complaint.complex) throw fail('ALREADY_COMPLEX', 'The case already has its extension.', 'complaintId');
  const dueOn = addWorkingDays(complaint.dueOn, sla.complexExtensionWorkingDays, calendar);
  return {
    complaint: { ...complaint, complex: true, dueOn },
    step: {
      complaintId: complaint.id,
      action: 'MARKED_COMPLEX',
      from: complaint.stage,
      to: complaint.stage,
      actor,
      note: `due ${complaint.dueOn} → ${dueOn}`,
      at,
    },
  };
}

/** Open cases past their deadline are escalated once (the clock calls this). */
export function escalateIfOverdue(complaint: Complaint, at: Date): { complaint: Complaint; step: ComplaintStep } | null {
  if (!isOpen(complaint) || complaint.escalatedAt || chinaDay(at) <= complaint.dueOn) return null;
  return {
    complaint: { ...complaint, escalatedAt: at },
    step: { complaintId: complaint.id, action: 'ESCALATED', from: complaint.stage, to: complaint.stage, actor: 'deadline', note: `due ${complaint.dueOn}`, at },
  };
}
