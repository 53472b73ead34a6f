import { randomUUID } from 'node:crypto';
import { createEvent, projectStageChangedV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, chinaDay, outgoing, refuseIfAny, type Department, type OutgoingEvent, type Refusal } from '@yikatong/platform';
import { ENTERPRISE_SOURCE } from './enterprise';
import type { Project, ProjectStage } from './project';

export type SafeguardKind = 'WAGE_ACCOUNT' | 'DEPOSIT' | 'INJURY_INSURANCE';

export interface StepDetails {
  /** 中标通知书编号 */
  noticeNumber?: string | null;
  /** 施工许可证号 */
  permitNumber?: string | null;
  /** Day construction started. */
  startedOn?: string | null;
  /** Day of the completion acceptance (竣工验收). */
  acceptedOn?: string | null;
  note?: string | null;
}

export interface ProjectStep {
  id: string;
  projectId: string;
  fromStage: ProjectStage;
  toStage: ProjectStage;
  details: StepDetails;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  requestedBy: string;
  requestedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

/** What other services and the tender book say about the project when a step is judged. */
export interface LifecycleFacts {
  safeguards: ReadonlySet<SafeguardKind>;
  openTenders: number;
  openWarnings: number;
}

const NEXT: Record<ProjectStage, ProjectStage | null> = {
  BIDDING: 'AWARDED',
  AWARDED: 'PERMITTED',
  PERMITTED: 'CONSTRUCTION',
  CONSTRUCTION: 'COMPLETED',
  COMPLETED: 'CLOSED',
  CLOSED: null,
};

/**
 * Who reviews the step into each stage ("who manages, answers", 谁主管谁负责): the
 * housing-construction bureau owns tendering, the permit, construction and completion acceptance;
 * the human-resources and social-security bureau closes the loop, because closing is the moment
 * the wages are confirmed settled.
 */
export const REVIEWING_DEPARTMENT: Record<Exclude<ProjectStage, 'BIDDING'>, Department> = {
  AWARDED: 'HOUSING_CONSTRUCTION',
  PERMITTED: 'HOUSING_CONSTRUCTION',
  CONSTRUCTION: 'HOUSING_CONSTRUCTION',
  COMPLETED: 'HOUSING_CONSTRUCTION',
  CLOSED: 'HRSS',
};

const DEPARTMENT_NAMES: Record<Department, string> = {
  HOUSING_CONSTRUCTION: 'the housing-construction bureau (住建)',
  HRSS: 'the human-resources and social-security bureau (人社)',
  LABOUR_INSPECTION: 'labour inspection (劳动监察)',
};

export const reviewingDepartmentOf = (step: Pick<ProjectStep, 'toStage'>): Department => REVIEWING_DEPARTMENT[step.toStage as Exclude<ProjectStage, 'BIDDING'>];

/** Refuses a decision about the step into `stage` from anyone not signing for the department that owns it. */
export function requireOwningDepartment(stage: Exclude<ProjectStage, 'BIDDING'>, department: Department | undefined): void {
  const owner = REVIEWING_DEPARTMENT[stage];
  if (department === owner) return;
  throw new AppError(
    'WRONG_DEPARTMENT',
    `Decisions on the step to ${stage} are made by ${DEPARTMENT_NAMES[owner]}; ${department ? `you sign for ${DEPARTMENT_NAMES[department]}` : 'your account names no department'}.`,
  );
}

const REQUIRED_DETAIL: Partial<Record<ProjectStage, { key: keyof StepDetails; label: string }>> = {
  AWARDED: { key: 'noticeNumber', label: 'the award notice number (中标通知书编号)' },
  PERMITTED: { key: 'permitNumber', label: 'the construction permit number (施工许可证号)' },
  CONSTRUCTION: { key: 'startedOn', label: 'the day construction started' },
  COMPLETED: { key: 'acceptedOn', label: 'the day of the completion acceptance (竣工验收)' },
};

/** Every reason the project may not move to the stage now; empty means it may. */
export function stepRefusals(project: Project, to: ProjectStage, details: StepDetails, facts: LifecycleFacts): Refusal[] {
  const next = NEXT[project.stage];
  if (next !== to) {
    return [
      {
        code: 'INVALID_TRANSITION',
        field: 'to',
        message: next ? `The project is ${project.stage}; its next step is ${next}, not ${to}.` : 'The project is closed; the lifecycle has ended.',
      },
    ];
  }
  const refusals: Refusal[] = [];
  const required = REQUIRED_DETAIL[to];
  if (required && !details[required.key]?.trim())
    refusals.push({ code: 'DETAIL_MISSING', field: `details.${required.key}`, message: `Enter ${required.label}.` });
  if (to === 'AWARDED' && facts.openTenders > 0) {
    refusals.push({
      code: 'TENDER_STILL_OPEN',
      field: 'to',
      message: `${facts.openTenders} tender(s) of this project are still open; award or cancel them first.`,
    });
  }
  if (to === 'PERMITTED') {
    if (!facts.safeguards.has('WAGE_ACCOUNT'))
      refusals.push({ code: 'WAGE_ACCOUNT_NOT_OPENED', field: 'to', message: 'The dedicated wage account (工资专用账户) is not opened yet.' });
    if (!facts.safeguards.has('DEPOSIT'))
      refusals.push({ code: 'DEPOSIT_NOT_PLACED', field: 'to', message: 'The wage guarantee deposit (工资保证金) is neither placed nor exempted.' });
    if (!facts.safeguards.has('INJURY_INSURANCE'))
      refusals.push({
        code: 'INJURY_INSURANCE_NOT_BOUGHT',
        field: 'to',
        message: 'Work-injury insurance (工伤保险) for the project is not bought yet: insure first, then build.',
      });
  }
  if (to === 'CLOSED' && facts.openWarnings > 0) {
    refusals.push({
      code: 'ARREARS_WARNING_OPEN',
      field: 'to',
      message: `${facts.openWarnings} arrears warning(s) on this project are still open; wages must be settled before it closes.`,
    });
  }
  return refusals;
}

/** The responsible party enters a step; the owning department reviews it later. */
export function requestStep(
  project: Project,
  pending: ProjectStep | null,
  to: ProjectStage,
  details: StepDetails,
  facts: LifecycleFacts,
  actor: string,
  at: Date,
): ProjectStep {
  if (pending)
    throw new AppError('STEP_PENDING', `The step to ${pending.toStage} entered on ${chinaDay(pending.requestedAt)} is still under review.`, 'projectId');
  refuseIfAny(stepRefusals(project, to, details, facts));
  return {
    id: randomUUID(),
    projectId: project.id,
    fromStage: project.stage,
    toStage: to,
    details,
    status: 'PENDING',
    requestedBy: actor,
    requestedAt: at,
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
  };
}

/** A reviewer as the token names them: the person and the department they sign for. */
export interface Reviewer {
  subject: string;
  department?: Department;
}

/**
 * The owning department decides. Another person must review (four eyes); an approval re-checks
 * the preconditions, which may have changed since the step was entered; a rejection says why.
 */
export function reviewStep(
  step: ProjectStep,
  project: Project,
  decision: { approve: boolean; comment: string | null },
  facts: LifecycleFacts,
  { subject: reviewer, department }: Reviewer,
  at: Date,
): { step: ProjectStep; project: Project; events: OutgoingEvent[] } {
  if (step.status !== 'PENDING') throw new AppError('STEP_ALREADY_REVIEWED', `This step was already ${step.status.toLowerCase()}.`, 'stepId');
  requireOwningDepartment(step.toStage as Exclude<ProjectStage, 'BIDDING'>, department);
  if (step.requestedBy === reviewer) throw new AppError('SAME_PERSON_REVIEW', 'A step is reviewed by someone other than the person who entered it.', 'stepId');
  const comment = decision.comment?.trim() || null;
  if (!decision.approve) {
    if (!comment) throw new AppError('COMMENT_REQUIRED', 'Say why the step is rejected, so the responsible party can correct it.', 'comment');
    return { step: { ...step, status: 'REJECTED', reviewedBy: reviewer, reviewedAt: at, reviewComment: comment }, project, events: [] };
  }
  if (project.stage !== step.fromStage) throw new AppError('INVALID_TRANSITION', `The project is ${project.stage} now, not ${step.fromStage}.`, 'stepId');
  refuseIfAny(stepRefusals(project, step.toStage, step.details, facts));
  const moved: Project = { ...project, stage: step.toStage };
  const event = createEvent(
    projectStageChangedV1,
    ENTERPRISE_SOURCE,
    project.id,
    {
      projectId: project.id,
      generalContractorUscc: project.generalContractorUscc,
      regionCode: project.regionCode,
      from: step.fromStage,
      to: step.toStage,
      approvedBy: reviewer,
      changedAt: at.toISOString(),
    },
    at,
  );
  return {
    step: { ...step, status: 'APPROVED', reviewedBy: reviewer, reviewedAt: at, reviewComment: comment },
    project: moved,
    events: [outgoing(projectStageChangedV1, event as CloudEvent)],
  };
}
