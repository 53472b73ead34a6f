import DataLoader from 'dataloader';
import type { Principal } from '@yikatong/platform';
import type { EnterpriseDb } from './db';
import type { Enterprise } from './domain/enterprise';
import type { EligibilityVerdict } from './domain/eligibility';
import { loadVerdicts } from './store/eligibility';

export interface EnterpriseContext {
  principal: Principal | null;
  db: EnterpriseDb;
  nudgeOutbox: () => void;
  enterpriseByUscc: DataLoader<string, Enterprise | null>;
  verdictByUscc: DataLoader<string, EligibilityVerdict>;
}

export function createEnterpriseContext(principal: Principal | null, db: EnterpriseDb, nudgeOutbox: () => void): EnterpriseContext {
  return {
    principal,
    db,
    nudgeOutbox,
    enterpriseByUscc: new DataLoader(async (usccs) => {
      const rows = new Map((await db.enterprise.findMany({ where: { uscc: { in: [...usccs] } } })).map((row) => [row.uscc, row]));
      return usccs.map((uscc) => rows.get(uscc) ?? null);
    }),
    verdictByUscc: new DataLoader((usccs) => loadVerdicts(db, usccs)),
  };
}
