import DataLoader from 'dataloader';
import type { Principal } from '@yikatong/platform';
import type { WelfareDb } from './db';

type ServiceCentreRow = NonNullable<Awaited<ReturnType<WelfareDb['serviceCentre']['findUnique']>>>;

export interface WelfareContext {
  principal: Principal | null;
  db: WelfareDb;
  serviceCentreById: DataLoader<string, ServiceCentreRow | null>;
}

export function createWelfareContext(principal: Principal | null, db: WelfareDb): WelfareContext {
  return {
    principal,
    db,
    serviceCentreById: new DataLoader(async (ids) => {
      const rows = new Map((await db.serviceCentre.findMany({ where: { id: { in: [...ids] } } })).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}
