import DataLoader from 'dataloader';
import type { Principal } from '@yikatong/platform';
import type { EnterpriseDb } from './db';
import type { BlacklistPolicy, Listing } from './domain/blacklist';
import type { Enterprise } from './domain/enterprise';
import type { EligibilityVerdict } from './domain/eligibility';
import type { Participant, Project } from './domain/project';
import { findListings } from './store/blacklist';
import { loadVerdicts } from './store/eligibility';
import { findParticipants, findProjects } from './store/projects';

export interface EnterpriseContext {
  principal: Principal | null;
  db: EnterpriseDb;
  blacklistPolicy: BlacklistPolicy;
  nudgeOutbox: () => void;
  enterpriseByUscc: DataLoader<string, Enterprise | null>;
  verdictByUscc: DataLoader<string, EligibilityVerdict>;
  projectById: DataLoader<string, Project | null>;
  participantsByProject: DataLoader<string, Participant[]>;
  listingsByUscc: DataLoader<string, Listing[]>;
}

export function createEnterpriseContext(principal: Principal | null, deps: { db: EnterpriseDb; blacklistPolicy: BlacklistPolicy }, nudgeOutbox: () => void): EnterpriseContext {
  const { db } = deps;
  return {
    principal,
    ...deps,
    nudgeOutbox,
    enterpriseByUscc: new DataLoader(async (usccs) => {
      const rows = new Map((await db.enterprise.findMany({ where: { uscc: { in: [...usccs] } } })).map((row) => [row.uscc, row]));
      return usccs.map((uscc) => rows.get(uscc) ?? null);
    }),
    verdictByUscc: new DataLoader((usccs) => loadVerdicts(db, usccs)),
    projectById: new DataLoader(async (ids) => {
      const rows = new Map((await findProjects(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    listingsByUscc: new DataLoader(async (usccs) => {
      const rows = await findListings(db, { uscc: { in: [...usccs] } });
      return usccs.map((uscc) => rows.filter((row) => row.uscc === uscc));
    }),
    participantsByProject: new DataLoader(async (ids) => {
      const rows = await findParticipants(db, ids);
      return ids.map((id) => rows.filter((row) => row.projectId === id));
    }),
  };
}
