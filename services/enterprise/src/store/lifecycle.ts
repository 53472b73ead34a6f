import { appendToOutbox, type OutgoingEvent } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import type { ObligationPolicy } from '../domain/eligibility';
import type { ProjectStep, StepDetails } from '../domain/lifecycle';
import type { Project, ProjectStage } from '../domain/project';
import type { Prisma } from '../generated/prisma/client';
import { eventCause } from './eligibility';
import { reconcileProjectObligations } from './obligations';

type StepRow = Prisma.ProjectStepGetPayload<object>;

const toStep = (row: StepRow): ProjectStep => ({
  ...row,
  fromStage: row.fromStage as ProjectStage,
  toStage: row.toStage as ProjectStage,
  details: row.details as StepDetails,
});

export async function findSteps(db: EnterpriseDb | EnterpriseTx, where: Prisma.ProjectStepWhereInput): Promise<ProjectStep[]> {
  return (await db.projectStep.findMany({ where, orderBy: { requestedAt: 'asc' } })).map(toStep);
}

export async function createStep(tx: EnterpriseTx, step: ProjectStep): Promise<void> {
  await tx.projectStep.create({ data: { ...step, details: { ...step.details } } });
}

/**
 * Saves a reviewed step; an approval moves the project, publishes the stage change and re-judges
 * the general contractor's obligations (their clocks start at the award and at construction).
 */
export async function saveReview(tx: EnterpriseTx, step: ProjectStep, project: Project, events: OutgoingEvent[], policy: ObligationPolicy): Promise<void> {
  await tx.projectStep.update({
    where: { id: step.id },
    data: { status: step.status, reviewedBy: step.reviewedBy, reviewedAt: step.reviewedAt, reviewComment: step.reviewComment },
  });
  if (step.status !== 'APPROVED') return;
  await tx.project.update({ where: { id: project.id }, data: { stage: project.stage } });
  await appendToOutbox(tx, events);
  await reconcileProjectObligations(tx, project.id, policy, eventCause('enterprise', events[0]!.envelope), step.reviewedAt!);
}
