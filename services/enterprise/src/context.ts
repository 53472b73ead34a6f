import DataLoader from 'dataloader';
import { byId, byKey, groupBy, type Clock, type Principal } from '@yikatong/platform';
import type { EnterpriseDb } from './db';
import type { BlacklistPolicy, Listing } from './domain/blacklist';
import type { CreditRecord } from './domain/credit';
import type { Enterprise } from './domain/enterprise';
import type { EligibilityVerdict, ObligationPolicy } from './domain/eligibility';
import type { LabourWageOfficerAppointment } from './domain/labour-wage-officer';
import type { ProjectStep } from './domain/lifecycle';
import type { Participant, Project } from './domain/project';
import type { Qualification, QualificationPolicy } from './domain/qualification';
import type { Bid, Tender } from './domain/tender';
import { findListings } from './store/blacklist';
import { loadVerdicts } from './store/eligibility';
import { findOfficersInForce } from './store/labour-wage-officers';
import { findSteps } from './store/lifecycle';
import { findParticipants, findProjects } from './store/projects';
import { findQualifications } from './store/qualifications';
import { findBids, findTenders } from './store/tenders';

/** What every request shares: the database, business time and the province's policies. */
export interface EnterpriseDeps {
  db: EnterpriseDb;
  clock: Clock;
  blacklistPolicy: BlacklistPolicy;
  obligationPolicy: ObligationPolicy;
  qualificationPolicy: QualificationPolicy;
}

/** One set of DataLoaders per request: batched loads, no N+1, nothing cached across callers. */
export function createEnterpriseContext(principal: Principal | null, deps: EnterpriseDeps, nudgeOutbox: () => void) {
  const { db } = deps;
  return {
    principal,
    ...deps,
    nudgeOutbox,
    enterpriseByUscc: new DataLoader<string, Enterprise | null>(async (usccs) => {
      return byKey(usccs, await db.enterprise.findMany({ where: { uscc: { in: [...usccs] } } }), (row) => row.uscc);
    }),
    verdictByUscc: new DataLoader<string, EligibilityVerdict>((usccs) => loadVerdicts(db, usccs)),
    listingsByUscc: new DataLoader<string, Listing[]>(async (usccs) => groupBy(usccs, await findListings(db, { uscc: { in: [...usccs] } }), (row) => row.uscc)),
    qualificationsByUscc: new DataLoader<string, Qualification[]>(async (usccs) => groupBy(usccs, await findQualifications(db, usccs), (row) => row.uscc)),
    responsiblePersonsByUscc: new DataLoader(async (usccs: readonly string[]) =>
      groupBy(usccs, await db.responsiblePerson.findMany({ where: { uscc: { in: [...usccs] } }, orderBy: { since: 'asc' } }), (row) => row.uscc),
    ),
    creditByUscc: new DataLoader<string, CreditRecord[]>(async (usccs) =>
      groupBy(usccs, (await db.creditRecord.findMany({ where: { uscc: { in: [...usccs] } }, orderBy: { at: 'desc' } })) as CreditRecord[], (row) => row.uscc),
    ),
    warningsByUscc: new DataLoader(async (usccs: readonly string[]) =>
      groupBy(usccs, await db.arrearsWarning.findMany({ where: { uscc: { in: [...usccs] } }, orderBy: { raisedAt: 'desc' } }), (row) => row.uscc),
    ),
    projectById: new DataLoader<string, Project | null>(async (ids) => byId(ids, await findProjects(db, ids))),
    participantsByProject: new DataLoader<string, Participant[]>(async (ids) => groupBy(ids, await findParticipants(db, ids), (row) => row.projectId)),
    stepsByProject: new DataLoader<string, ProjectStep[]>(async (ids) =>
      groupBy(ids, await findSteps(db, { projectId: { in: [...ids] } }), (row) => row.projectId),
    ),
    officerByProject: new DataLoader<string, LabourWageOfficerAppointment | null>(async (ids) =>
      byKey(ids, await findOfficersInForce(db, ids), (row) => row.projectId),
    ),
    safeguardsByProject: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.projectSafeguard.findMany({ where: { projectId: { in: [...ids] } }, orderBy: { at: 'asc' } }), (row) => row.projectId),
    ),
    tenderById: new DataLoader<string, Tender | null>(async (ids) => byId(ids, await findTenders(db, { id: { in: [...ids] } }))),
    tendersByProject: new DataLoader<string, Tender[]>(async (ids) =>
      groupBy(ids, await findTenders(db, { projectId: { in: [...ids] } }), (row) => row.projectId),
    ),
    bidsByTender: new DataLoader<string, Bid[]>(async (ids) => groupBy(ids, await findBids(db, { tenderId: { in: [...ids] } }), (row) => row.tenderId)),
  };
}

export type EnterpriseContext = ReturnType<typeof createEnterpriseContext>;
