import DataLoader from 'dataloader';
import { byId, groupBy, type Clock, type PiiProtector, type Principal } from '@yikatong/platform';
import type { IdentityPolicy } from './config';
import type { IdentityDb } from './db';
import type { Card } from './domain/card';
import type { Enrolment } from './domain/enrolment';
import { audit, type AuditRecord } from './store/audit';
import { findCardsByEnterprises, findCardsByIds, findCardsByPersons } from './store/cards';
import { findEnrolments } from './store/enrolments';
import { findProjects, type ProjectView } from './store/projects';
import { findWorkersByIds, type WorkerRow } from './store/workers';

/** What every request shares: the database, personal-data keys, the province's policy and business time. */
export interface IdentityDeps {
  db: IdentityDb;
  pii: PiiProtector;
  policy: IdentityPolicy;
  clock: Clock;
}

/** One set of DataLoaders per request: batched loads, no N+1, nothing cached across callers. */
export function createIdentityContext(principal: Principal | null, deps: IdentityDeps, nudgeOutbox: () => void) {
  const { db, clock } = deps;
  return {
    principal,
    ...deps,
    /** Publishes newly committed outbox rows without waiting for the next poll. */
    nudgeOutbox,
    cardById: new DataLoader<string, Card | null>(async (ids) => byId(ids, await findCardsByIds(db, ids))),
    cardsByEnterprise: new DataLoader<string, Card[]>(async (usccs) => groupBy(usccs, await findCardsByEnterprises(db, usccs), (card) => card.enterpriseUscc!)),
    cardsByPerson: new DataLoader<string, Card[]>(async (ids) => groupBy(ids, await findCardsByPersons(db, ids), (card) => card.personId!)),
    historyByCard: new DataLoader(async (cardIds: readonly string[]) =>
      groupBy(cardIds, await db.cardStatusChange.findMany({ where: { cardId: { in: [...cardIds] } }, orderBy: { version: 'asc' } }), (row) => row.cardId),
    ),
    workerById: new DataLoader<string, WorkerRow | null>(async (ids) => byId(ids, await findWorkersByIds(db, ids))),
    enrolmentsByWorker: new DataLoader<string, Enrolment[]>(async (ids) =>
      groupBy(ids, await findEnrolments(db, { workerId: { in: [...ids] } }), (row) => row.workerId),
    ),
    enrolmentById: new DataLoader<string, Enrolment | null>(async (ids) => byId(ids, await findEnrolments(db, { id: { in: [...ids] } }))),
    movementsByEnrolment: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.enrolmentMovement.findMany({ where: { enrolmentId: { in: [...ids] } }, orderBy: { at: 'asc' } }), (row) => row.enrolmentId),
    ),
    trainingByWorker: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.trainingRecord.findMany({ where: { workerId: { in: [...ids] } }, orderBy: { completedAt: 'asc' } }), (row) => row.workerId),
    ),
    conductByWorker: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.conductRecord.findMany({ where: { workerId: { in: [...ids] } }, orderBy: { at: 'asc' } }), (row) => row.workerId),
    ),
    tradeByCode: new DataLoader(async (codes: readonly string[]) => {
      const trades = new Map((await db.trade.findMany({ where: { code: { in: [...codes] } } })).map((trade) => [trade.code, trade]));
      return codes.map((code) => trades.get(code) ?? { code, name: code });
    }),
    projectById: new DataLoader<string, ProjectView | null>(async (ids) => byId(ids, await findProjects(db, ids))),
    /** Unmasked reads of one request are audited in one insert, before any value leaves the service. */
    auditRead: new DataLoader<AuditRecord, true, string>(
      async (records) => {
        await audit(db, principal!, clock.now(), records);
        return records.map(() => true as const);
      },
      { cacheKeyFn: (record) => JSON.stringify(record) },
    ),
  };
}

export type IdentityContext = ReturnType<typeof createIdentityContext>;
