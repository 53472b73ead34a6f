import type { EnterpriseDb, EnterpriseTx } from '../db';
import { ACTIVE_STAGES, nextObligationDeadline, overdueObligations, PROJECT_OBLIGATION_RULES, type ObligationPolicy } from '../domain/eligibility';
import { clockCause, reconcileBlocks, type BlockCause } from './eligibility';

async function approvedAt(tx: EnterpriseTx, projectId: string, stage: 'AWARDED' | 'CONSTRUCTION'): Promise<Date | null> {
  const step = await tx.projectStep.findFirst({ where: { projectId, toStage: stage, status: 'APPROVED' }, select: { reviewedAt: true } });
  return step?.reviewedAt ?? null;
}

/**
 * Re-judges the general contractor's art. 55 obligations on one project (wage account, deposit,
 * real-name enrolment) against their deadlines, and sets or lifts the blocks to match.
 */
export async function reconcileProjectObligations(tx: EnterpriseTx, projectId: string, policy: ObligationPolicy, cause: BlockCause, now: Date): Promise<void> {
  // Row lock: the clock and the consumers judge one project one after the other.
  await tx.$executeRawUnsafe('SELECT 1 FROM project WHERE id = $1::uuid FOR UPDATE', projectId);
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) return;
  const [awardedAt, constructionStartedAt, safeguards, activeEnrolments] = await Promise.all([
    approvedAt(tx, projectId, 'AWARDED'),
    approvedAt(tx, projectId, 'CONSTRUCTION'),
    tx.projectSafeguard.findMany({ where: { projectId }, select: { kind: true } }),
    tx.projectEnrolment.count({ where: { projectId, active: true } }),
  ]);
  const kinds = new Set(safeguards.map((safeguard) => safeguard.kind));
  const facts = {
    projectId,
    name: project.name,
    stage: project.stage,
    awardedAt,
    constructionStartedAt,
    wageAccountOpen: kinds.has('WAGE_ACCOUNT'),
    depositPlaced: kinds.has('DEPOSIT'),
    activeEnrolments,
  };
  await reconcileBlocks(tx, project.generalContractorUscc, projectId, PROJECT_OBLIGATION_RULES, overdueObligations(facts, policy, now), cause, now);
  const dueAt = nextObligationDeadline(facts, policy, now);
  if (dueAt?.getTime() !== project.obligationsDueAt?.getTime()) await tx.project.update({ where: { id: projectId }, data: { obligationsDueAt: dueAt } });
}

/**
 * The clock's part: the projects with a deadline that has come (every change of the facts judges its
 * project at once and sets the next due time), so a sweep costs the projects due, not all of them.
 * `everyActiveProject` judges all that may be running instead: a process's first pass does, so that
 * changed deadline settings and projects from before due times were kept are judged too.
 */
export async function sweepProjectObligations(db: EnterpriseDb, policy: ObligationPolicy, now: Date, everyActiveProject = false): Promise<void> {
  const where = everyActiveProject ? { stage: { in: [...ACTIVE_STAGES] } } : { obligationsDueAt: { lte: now } };
  const due = await db.project.findMany({ where, select: { id: true } });
  for (const { id: projectId } of due) {
    await db.$transaction((tx) => reconcileProjectObligations(tx, projectId, policy, clockCause('PROJECT_OBLIGATION_DEADLINE'), now));
  }
}
