import DataLoader from 'dataloader';
import type { Principal } from '@yikatong/platform';
import type { IdentityDb } from './db';
import type { Card } from './domain/card';
import { findCardsByEnterprises, findCardsByIds } from './store/cards';

export interface IdentityContext {
  principal: Principal | null;
  db: IdentityDb;
  /** Publishes newly committed outbox rows without waiting for the next poll. */
  nudgeOutbox: () => void;
  cardById: DataLoader<string, Card | null>;
  cardsByEnterprise: DataLoader<string, Card[]>;
  historyByCard: DataLoader<string, Awaited<ReturnType<IdentityDb['cardStatusChange']['findMany']>>>;
}

/** One set of DataLoaders per request: batched loads, no N+1, nothing cached across callers. */
export function createIdentityContext(principal: Principal | null, db: IdentityDb, nudgeOutbox: () => void): IdentityContext {
  return {
    principal,
    db,
    nudgeOutbox,
    cardById: new DataLoader(async (ids) => {
      const cards = new Map((await findCardsByIds(db, ids)).map((card) => [card.id, card]));
      return ids.map((id) => cards.get(id) ?? null);
    }),
    cardsByEnterprise: new DataLoader(async (usccs) => {
      const cards = await findCardsByEnterprises(db, usccs);
      return usccs.map((uscc) => cards.filter((card) => card.enterpriseUscc === uscc));
    }),
    historyByCard: new DataLoader(async (cardIds) => {
      const rows = await db.cardStatusChange.findMany({ where: { cardId: { in: [...cardIds] } }, orderBy: { version: 'asc' } });
      return cardIds.map((id) => rows.filter((row) => row.cardId === id));
    }),
  };
}
