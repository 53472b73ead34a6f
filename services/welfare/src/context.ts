import DataLoader from 'dataloader';
import { byId, type Principal } from '@yikatong/platform';
import type { WelfareDb } from './db';

export interface WelfareContext {
  principal: Principal | null;
  db: WelfareDb;
  nudgeOutbox: () => void;
  serviceCentreById: DataLoader<string, Awaited<ReturnType<WelfareDb['serviceCentre']['findUnique']>>>;
}

/** One set of DataLoaders per request. */
export function createWelfareContext(principal: Principal | null, db: WelfareDb, nudgeOutbox: () => void = () => undefined): WelfareContext {
  return {
    principal,
    db,
    nudgeOutbox,
    serviceCentreById: new DataLoader(async (ids: readonly string[]) => byId(ids, await db.serviceCentre.findMany({ where: { id: { in: [...ids] } } }))),
  };
}
