import { randomUUID } from 'node:crypto';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { evaluateEligibility, type EligibilityBlock, type EligibilityVerdict } from '../domain/eligibility';

export async function loadVerdicts(db: EnterpriseDb | EnterpriseTx, usccs: readonly string[]): Promise<EligibilityVerdict[]> {
  const blocks = await db.eligibilityBlock.findMany({ where: { uscc: { in: [...usccs] } } });
  return usccs.map((uscc) => evaluateEligibility(blocks.filter((block) => block.uscc === uscc)));
}

export const VERDICT_CHANNEL = 'eligibility_changed';

/** Tells every enterprise process, when this transaction commits, that an enterprise's verdict changed. */
async function announceVerdictChange(tx: EnterpriseTx, uscc: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${VERDICT_CHANNEL}', $1)`, uscc);
}

/** One enterprise's verdict in one round trip (the gRPC hot path); null when it is not registered. */
export async function loadVerdictOf(db: EnterpriseDb, uscc: string): Promise<EligibilityVerdict | null> {
  const rows = await db.$queryRawUnsafe<Array<{ rule: string | null; subject_id: string; message: string; source: string; since: Date }>>(
    `SELECT b.rule, b.subject_id, b.message, b.source, b.since
       FROM enterprise e LEFT JOIN eligibility_block b ON b.uscc = e.uscc
      WHERE e.uscc = $1`,
    uscc,
  );
  if (rows.length === 0) return null;
  return evaluateEligibility(rows.filter((row) => row.rule !== null).map((row) => ({ ...row, rule: row.rule!, subjectId: row.subject_id })));
}

/**
 * Applies a fact about an external aggregate (e.g. a card) only if it is newer than the last one
 * applied; returns false for a stale fact, which then changes nothing.
 */
export async function acceptNewerFact(tx: EnterpriseTx, subjectId: string, version: number): Promise<boolean> {
  const updated = await tx.$executeRawUnsafe(
    `INSERT INTO external_fact_version (subject_id, version) VALUES ($1, $2)
     ON CONFLICT (subject_id) DO UPDATE SET version = EXCLUDED.version WHERE external_fact_version.version < EXCLUDED.version`,
    subjectId,
    version,
  );
  return updated === 1;
}

/** Sets or lifts one block and records the verdict change, if the verdict flipped. */
export async function changeBlock(
  tx: EnterpriseTx,
  uscc: string,
  change: { set: EligibilityBlock & { sourceEventId: string } } | { lift: { rule: string; subjectId: string } },
  causeEventId: string,
  at: Date,
): Promise<void> {
  const [before] = await loadVerdicts(tx, [uscc]);
  if ('set' in change) {
    const { rule, subjectId, ...rest } = change.set;
    await tx.eligibilityBlock.upsert({
      where: { uscc_rule_subjectId: { uscc, rule, subjectId } },
      create: { uscc, rule, subjectId, ...rest },
      update: rest,
    });
  } else {
    await tx.eligibilityBlock.deleteMany({ where: { uscc, rule: change.lift.rule, subjectId: change.lift.subjectId } });
  }
  await announceVerdictChange(tx, uscc);
  const [after] = await loadVerdicts(tx, [uscc]);
  if (before!.eligible !== after!.eligible) {
    await tx.eligibilityChange.create({
      data: { id: randomUUID(), uscc, eligible: after!.eligible, reasonCodes: after!.reasons.map((reason) => reason.code), causeEventId, at },
    });
  }
}
