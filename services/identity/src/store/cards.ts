import { appendToOutbox, conflict } from '@yikatong/platform';
import type { Card, CardChange } from '../domain/card';
import type { IdentityDb, IdentityTx } from '../db';

const cardColumns = {
  id: true,
  number: true,
  holderKind: true,
  holderName: true,
  enterpriseUscc: true,
  personId: true,
  regionCode: true,
  status: true,
  version: true,
  issuedAt: true,
} as const;

export function findCardByNumber(db: IdentityDb | IdentityTx, number: string): Promise<Card | null> {
  return db.realNameCard.findUnique({ where: { number }, select: cardColumns });
}

export function findCardsByIds(db: IdentityDb, ids: readonly string[]): Promise<Card[]> {
  return db.realNameCard.findMany({ where: { id: { in: [...ids] } }, select: cardColumns });
}

export function findCardsByEnterprises(db: IdentityDb | IdentityTx, usccs: readonly string[]): Promise<Card[]> {
  return db.realNameCard.findMany({ where: { enterpriseUscc: { in: [...usccs] } }, select: cardColumns, orderBy: { issuedAt: 'asc' } });
}

export function findCardsByPersons(db: IdentityDb | IdentityTx, personIds: readonly string[]): Promise<Card[]> {
  return db.realNameCard.findMany({ where: { personId: { in: [...personIds] } }, select: cardColumns, orderBy: { issuedAt: 'asc' } });
}

/**
 * Persists one aggregate change with its history row and outbox events, in the caller's
 * transaction. The version check turns a concurrent change into a clear conflict, not a lost update.
 */
export async function saveCardChange(tx: IdentityTx, { card, change, events }: CardChange): Promise<void> {
  if (change.action === 'ISSUE') {
    await tx.realNameCard.create({ data: card });
  } else {
    const updated = await tx.realNameCard.updateMany({
      where: { id: card.id, version: card.version - 1 },
      data: { status: card.status, version: card.version },
    });
    if (updated.count !== 1) {
      throw conflict('CARD_CHANGED_CONCURRENTLY', `Card ${card.number} was changed by someone else just now; reload it and try again.`, 'cardNumber');
    }
  }
  await tx.cardStatusChange.create({ data: change });
  await appendToOutbox(tx, events);
}
