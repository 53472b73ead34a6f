import { randomUUID } from 'node:crypto';
import { createEvent, eligibilityChangedV1, type CloudEvent } from '@yikatong/contracts';
import { appendToOutbox, outgoing } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { ENTERPRISE_SOURCE } from '../domain/enterprise';
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

/** What changed the read model: an event ("service:type#id") or a deadline ("clock:RULE"). */
export interface BlockCause {
  label: string;
  eventId: string | null;
}

export const eventCause = (service: string, event: { type: string; id: string }): BlockCause => ({
  label: `${service}:${event.type}#${event.id}`,
  eventId: event.id,
});
export const clockCause = (rule: string): BlockCause => ({ label: `clock:${rule}`, eventId: null });

type BlockToSet = EligibilityBlock & { sourceEventId: string | null };
const reasonKey = (verdict: EligibilityVerdict) =>
  `${verdict.eligible}|${verdict.reasons
    .map((reason) => reason.code)
    .sort()
    .join(',')}`;

/**
 * Sets and lifts blocks of one enterprise. When the verdict changes (eligible or its reasons) the
 * change is recorded in the history and announced on the eligibility topic, in this transaction.
 */
export async function changeBlocks(
  tx: EnterpriseTx,
  uscc: string,
  changes: { set?: readonly BlockToSet[]; lift?: ReadonlyArray<{ rule: string; subjectId: string }> },
  cause: BlockCause,
  at: Date,
): Promise<void> {
  const [before] = await loadVerdicts(tx, [uscc]);
  for (const { rule, subjectId, ...rest } of changes.set ?? []) {
    await tx.eligibilityBlock.upsert({
      where: { uscc_rule_subjectId: { uscc, rule, subjectId } },
      create: { uscc, rule, subjectId, ...rest },
      update: rest,
    });
  }
  for (const { rule, subjectId } of changes.lift ?? []) {
    await tx.eligibilityBlock.deleteMany({ where: { uscc, rule, subjectId } });
  }
  const [after] = await loadVerdicts(tx, [uscc]);
  if (reasonKey(before!) === reasonKey(after!)) return;
  await announceVerdictChange(tx, uscc);
  const reasonCodes = after!.reasons.map((reason) => reason.code);
  await tx.eligibilityChange.create({
    data: { id: randomUUID(), uscc, eligible: after!.eligible, reasonCodes, causeEventId: cause.eventId, cause: cause.label, at },
  });
  const event = createEvent(
    eligibilityChangedV1,
    ENTERPRISE_SOURCE,
    uscc,
    {
      uscc,
      eligible: after!.eligible,
      reasons: after!.reasons.map((reason) => ({ code: reason.code, source: reason.source, since: reason.since.toISOString() })),
      cause: cause.label,
      changedAt: at.toISOString(),
    },
    at,
  );
  await appendToOutbox(tx, [outgoing(eligibilityChangedV1, event as CloudEvent)]);
}

/**
 * Brings the blocks one subject (e.g. a project) causes under the given rules to exactly the
 * desired set: new ones are set, gone ones lifted, standing ones keep their original date.
 */
export async function reconcileBlocks(
  tx: EnterpriseTx,
  uscc: string,
  subjectId: string,
  rules: readonly string[],
  desired: readonly EligibilityBlock[],
  cause: BlockCause,
  at: Date,
): Promise<void> {
  const standing = await tx.eligibilityBlock.findMany({ where: { uscc, subjectId, rule: { in: [...rules] } }, select: { rule: true } });
  const standingRules = new Set(standing.map((block) => block.rule));
  const wanted = new Set(desired.map((block) => block.rule));
  const set = desired.filter((block) => !standingRules.has(block.rule)).map((block) => ({ ...block, sourceEventId: cause.eventId }));
  const lift = [...standingRules].filter((rule) => !wanted.has(rule)).map((rule) => ({ rule, subjectId }));
  if (set.length > 0 || lift.length > 0) await changeBlocks(tx, uscc, { set, lift }, cause, at);
}
