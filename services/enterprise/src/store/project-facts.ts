import type { EnterpriseTx } from '../db';
import type { ObligationPolicy } from '../domain/eligibility';
import type { SafeguardKind } from '../domain/lifecycle';
import type { BlockCause } from './eligibility';
import { reconcileProjectObligations } from './obligations';

/** Keeps the newest wage account, deposit or insurance fact of a project and re-judges its obligations. */
export async function recordSafeguard(
  tx: EnterpriseTx,
  fact: { projectId: string; kind: SafeguardKind; subjectId: string; detail: string; at: Date },
  cause: BlockCause,
  policy: ObligationPolicy,
): Promise<void> {
  const data = { subjectId: fact.subjectId, detail: fact.detail, source: cause.label, at: fact.at };
  await tx.projectSafeguard.upsert({
    where: { projectId_kind: { projectId: fact.projectId, kind: fact.kind } },
    create: { projectId: fact.projectId, kind: fact.kind, ...data },
    update: data,
  });
  await reconcileProjectObligations(tx, fact.projectId, policy, cause, fact.at);
}

export async function lifecycleFactsOf(tx: EnterpriseTx, projectId: string) {
  const [safeguards, openTenders, openWarnings] = await Promise.all([
    tx.projectSafeguard.findMany({ where: { projectId }, select: { kind: true } }),
    tx.tender.count({ where: { projectId, status: 'OPEN' } }),
    tx.arrearsWarning.count({ where: { projectId, clearedAt: null } }),
  ]);
  return { safeguards: new Set(safeguards.map((safeguard) => safeguard.kind as SafeguardKind)), openTenders, openWarnings };
}
