import { randomUUID } from 'node:crypto';
import { projectParticipantAddedV1, projectRegisteredV1, trainingCompletedV1, type EventDataInput, type EventDefinition } from '@yikatong/contracts';
import {
  addDays,
  addMonthsToPeriod,
  InMemoryEventBus,
  lastDayOfPeriod,
  principalFromClaims,
  SCOPES,
  serviceCallerToken,
  type Principal,
  type PrincipalClaims,
} from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadIdentityConfig } from '../../src/config';
import { createIdentityContext } from '../../src/context';
import { residentIdCheckCharacter } from '../../src/domain/resident-id';
import { createIdentityService } from '../../src/service';

export const GC_USCC = '91350100M000100Y43';
export const SUB_USCC = '91110000600037341L';
export const OTHER_USCC = '91130500MA0A12345X';

export const principal = (claims: Partial<PrincipalClaims> & Pick<PrincipalClaims, 'kind'>): Principal =>
  principalFromClaims({ sub: `${claims.kind.toLowerCase()}-1`, ...claims });
export const roles = {
  /** A service-centre clerk of Xingtai (130500) who registers workers. */
  registrar: principal({ kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.workerRegister }),
  portal: principal({ kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }),
  otherRegionPortal: principal({ kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130100'] }),
  piiReader: principal({ kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: `${SCOPES.piiRead} ${SCOPES.auditRead}` }),
  freezer: principal({ kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.cardFreeze }),
  /** A housing-construction bureau clerk who records workers' good and bad conduct. */
  conductRecorder: principal({ kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.creditRecord }),
  agent: principal({ kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], centre: 'xingtai-centre', scope: SCOPES.agentActForWorker }),
  subcontractor: principal({ kind: 'ENTERPRISE', uscc: SUB_USCC, scope: `${SCOPES.workerRegister} ${SCOPES.attendanceWrite}` }),
  generalContractor: principal({ kind: 'ENTERPRISE', uscc: GC_USCC, scope: `${SCOPES.workerRegister} ${SCOPES.attendanceWrite}` }),
  otherEnterprise: principal({ kind: 'ENTERPRISE', uscc: OTHER_USCC, scope: SCOPES.workerRegister }),
  analytics: principal({ kind: 'ANALYTICS', regions: ['130500'] }),
  service: principal({ kind: 'SERVICE', scope: SCOPES.attendanceWrite }),
  worker: (workerId: string) => principal({ kind: 'WORKER', sub: workerId }),
};

const TABLES = [
  'attendance_anomaly',
  'attendance_record',
  'attendance_month_close',
  'enrolment_movement',
  'enrolment',
  'project_participant',
  'project',
  'training_record',
  'conduct_record',
  'wage_card_change',
  'audit_entry',
  'worker',
  'card_status_change',
  'real_name_card',
  'outbox_event',
  'processed_event',
];

/**
 * The identity service in-process on the test database (real PostgreSQL), with the in-memory bus and
 * its consumers, on a manual clock that starts at testStart() and moves only when a test moves it.
 */
export function createHarness() {
  const config = loadIdentityConfig({ ...testing.testConfig(), IDENTITY_PORT: '0', IDENTITY_GRPC_PORT: '0', ATTENDANCE_MAX_UPLOAD_DELAY_DAYS: '60' } as never);
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const service = createIdentityService(config, bus, { clock });
  const { db } = service;
  let running: Awaited<ReturnType<typeof service.start>> | undefined;
  /** What the registering clerk typed, so a test can show the person at enrolment as an enterprise must. */
  const idCards = new Map<string, { idNumber: string; name: string }>();

  const harness = {
    config,
    service,
    db,
    bus,
    clock,
    get grpcPort() {
      return running!.grpcPort!;
    },
    get graphqlUrl() {
      return running!.graphqlUrl;
    },
    async start() {
      await testing.requirePostgres(config, 'identity');
      await harness.reset();
      running = await service.start();
    },
    async stop() {
      await running?.stop();
      await bus.close();
    },
    reset: () => db.$executeRawUnsafe(`TRUNCATE ${TABLES.join(', ')} CASCADE`),
    execute: <T = Record<string, any>>(query: string, variables: Record<string, unknown>, caller: Principal | null) =>
      testing.runOperation<ReturnType<typeof createIdentityContext>, T>(
        service.subgraph.apollo,
        query,
        variables,
        createIdentityContext(caller, service.deps, () => service.relay.nudge()),
      ),
    /** Publishes another service's event and waits until identity has applied it. */
    deliver: <D extends EventDefinition>(definition: D, subject: string, data: EventDataInput<D>) =>
      testing.deliver(bus, db, definition, subject, data, clock.now()),
    async project(projectId = randomUUID(), participants: string[] = [SUB_USCC], regionCode = '130502') {
      const at = clock.now().toISOString();
      await harness.deliver(projectRegisteredV1, projectId, {
        projectId,
        name: `项目 ${projectId.slice(0, 4)}`,
        regionCode,
        generalContractorUscc: GC_USCC,
        registeredAt: at,
      });
      for (const uscc of participants) {
        await harness.deliver(projectParticipantAddedV1, projectId, { projectId, uscc, role: 'SUBCONTRACTOR', parentUscc: GC_USCC, addedAt: at });
      }
      return projectId;
    },
    safetyTraining: (workerId: string, completedAt = clock.now()) =>
      harness.deliver(trainingCompletedV1, workerId, {
        completionId: randomUUID(),
        workerId,
        kind: 'SAFETY',
        programme: '三级安全教育',
        hours: 50,
        tradeCode: null,
        skillLevel: null,
        certificateNumber: null,
        completedAt: completedAt.toISOString(),
      }),
    /** Registers a worker through the graph and returns its id. */
    async registerWorker(idNumber: string, caller: Principal = roles.subcontractor, overrides: { name?: string; regionCode?: string } = {}) {
      const input = { ...workerInput(idNumber), ...overrides };
      const result = await harness.execute<{ registerWorker: { id: string } }>(REGISTER, { input }, caller);
      if (result.errors) throw new Error(`registerWorker failed: ${JSON.stringify(result.errors)}`);
      const workerId = result.data!.registerWorker.id;
      idCards.set(workerId, { idNumber: input.idNumber, name: input.name });
      return workerId;
    },
    /** The ID number and name of a worker this harness registered: the person an enterprise shows at enrolment. */
    idCard(workerId: string) {
      const card = idCards.get(workerId);
      if (!card) throw new Error(`worker ${workerId} was not registered by this harness`);
      return card;
    },
    /** A token of one of our own processes (SERVICE) for identity's gRPC server, with the scopes it is given. */
    serviceToken: (caller: string, scopes: readonly string[] = []) => serviceCallerToken(config, caller, scopes)(),
    count: async () => {
      const rows = await db.$queryRawUnsafe<Array<{ table: string; n: number }>>(
        TABLES.filter((table) => table !== 'processed_event')
          .map((table) => `SELECT '${table}' AS table, count(*)::int AS n FROM ${table}`)
          .join(' UNION ALL '),
      );
      return Object.fromEntries(rows.map((row) => [row.table, row.n]));
    },
  };
  return harness;
}

export const workerInput = (idNumber: string) => ({
  idNumber,
  name: '张三',
  phone: '13812345678',
  education: 'JUNIOR_SECONDARY',
  tradeCode: 'REBAR',
  skillLevel: 2,
  regionCode: '130502',
});

export const REGISTER = `mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id name idNumber birthDate sex phone regionCode trade { code name } realNameCard { number status holderKind } } }`;

/** Valid resident ID numbers for tests: region 130502, birth 1990-01-01, sequence n. */
export function testIdNumber(sequence: number, birthDate = '19900101'): string {
  const first17 = `130502${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The China month before `period` (YYYY-MM) and two days near its end, so they are over and recent. */
export function lastMonth(period: string) {
  const previous = addMonthsToPeriod(period, -1);
  const lastDay = lastDayOfPeriod(previous);
  return { period: previous, lastDay, dayBefore: addDays(lastDay, -1), firstDay: `${previous}-01` };
}

/** An instant at a China wall-clock time on a day. */
export const chinaTime = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
