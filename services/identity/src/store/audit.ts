import type { Principal } from '@yikatong/platform';
import type { IdentityDb, IdentityTx } from '../db';

export interface AuditRecord {
  /**
   * DUPLICATE_REGISTRATION: someone tried to register an ID number already in the registry;
   * PRESENCE_NOT_CONFIRMED: an ID number and name (or id) given as proof of presence did not match.
   */
  action: 'READ_PII' | 'REGISTER_WORKER' | 'CHANGE_WAGE_CARD' | 'DUPLICATE_REGISTRATION' | 'PRESENCE_NOT_CONFIRMED';
  subjectType: 'Worker';
  subjectId: string;
  regionCode: string;
  fields: string[];
  purpose: string | null;
}

/**
 * Writes audit entries (who, what, when, why); in the change's own transaction when there is one.
 * `at` is the service clock's time, not the column's database default, so a pinned clock is what is audited.
 */
export async function audit(db: IdentityDb | IdentityTx, principal: Principal, at: Date, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.auditEntry.createMany({
    data: records.map((record) => ({ ...record, at, actor: principal.subject, actorKind: principal.kind })),
  });
}
