import type { EnterpriseDb, EnterpriseTx } from '../db';
import { ACTIVE_STAGES, overdueObligations, PROJECT_OBLIGATION_RULES, type ObligationPolicy } from '../domain/eligibility';
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
  const desired = overdueObligations({
    projectId, name: project.name, stage: project.stage, awardedAt, constructionStartedAt,
    wageAccountOpen: kinds.has('WAGE_ACCOUNT'), depositPlaced: kinds.has('DEPOSIT'), activeEnrolments,
  }, policy, now);
  await reconcileBlocks(tx, project.generalContractorUscc, projectId, PROJECT_OBLIGATION_RULES, desired, cause, now);
}

/** The clock's part: every project that is active, or still carries a block, is judged again. */
export async function sweepProjectObligations(db: EnterpriseDb, policy: ObligationPolicy, now: Date): Promise<void> {
  const active = await db.project.findMany({ where: { stage: { in: [...ACTIVE_STAGES] } }, select: { id: true } });
  const blocked = await db.eligibilityBlock.findMany({ where: { rule: { in: [...PROJECT_OBLIGATION_RULES] } }, select: { subjectId: true }, distinct: ['subjectId'] });
  const ids = new Set([...active.map((project) => project.id), ...blocked.map((block) => block.subjectId)]);
  for (const projectId of ids) {
    await db.$transaction((tx) => reconcileProjectObligations(tx, projectId, policy, clockCause('PROJECT_OBLIGATION_DEADLINE'), now));
  }
}
