import { randomUUID } from 'node:crypto';
import { projectRegisteredV1, projectStageChangedV1, type EventDataInput, type EventDefinition } from '@yikatong/contracts';
import { InMemoryEventBus, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadWelfareConfig } from '../../src/config';
import { createWelfareContext } from '../../src/context';
import { createWelfareService } from '../../src/service';

export const GC = '91350100M000100Y43';
const TABLES = [
  'award_nomination',
  'award_round',
  'scheme_enrolment',
  'welfare_scheme',
  'welfare_worker',
  'service_request',
  'service_type',
  'training_attendance',
  'training_enrolment',
  'training_session',
  'training_programme',
  'training_provider',
  'training_target',
  'complaint_step',
  'complaint_tally',
  'complaint',
  'holiday_calendar_day',
  'injury_policy',
  'welfare_enrolment',
  'welfare_project',
  'outbox_event',
  'processed_event',
];

/**
 * The welfare service in-process on the test database (real PostgreSQL) with the in-memory bus and its
 * consumers, on a clock the test moves (starting at YIKATONG_TEST_NOW when set).
 */
export function createWelfareHarness() {
  const config = loadWelfareConfig({ ...testing.testConfig(), WELFARE_PORT: '0' } as never);
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const service = createWelfareService(config, bus, { clock });
  const { db } = service;
  let running: Awaited<ReturnType<typeof service.start>> | undefined;
  const harness = {
    config,
    service,
    db,
    bus,
    clock,
    async start() {
      await testing.requirePostgres(config, 'welfare');
      await db.$executeRawUnsafe(`TRUNCATE ${TABLES.join(', ')}`);
      running = await service.start();
    },
    async stop() {
      await running?.stop();
      await bus.close();
    },
    execute: <T = Record<string, any>>(query: string, variables: Record<string, unknown>, caller: Principal | null) =>
      testing.runOperation<ReturnType<typeof createWelfareContext>, T>(
        service.subgraph.apollo,
        query,
        variables,
        createWelfareContext(caller, service.deps, () => service.relay.nudge()),
      ),
    deliver: <D extends EventDefinition>(definition: D, subject: string, data: EventDataInput<D>) =>
      testing.deliver(bus, db, definition, subject, data, clock.now()),
    async project(stage: 'PERMITTED' | 'COMPLETED' = 'PERMITTED') {
      const projectId = randomUUID();
      await harness.deliver(projectRegisteredV1, projectId, {
        projectId,
        name: '新校区',
        regionCode: '130502',
        generalContractorUscc: GC,
        registeredAt: new Date(clock.now().getTime() - 1000).toISOString(),
      });
      await harness.deliver(projectStageChangedV1, projectId, {
        projectId,
        generalContractorUscc: GC,
        regionCode: '130502',
        from: 'AWARDED',
        to: stage,
        approvedBy: 'bureau',
        changedAt: clock.now().toISOString(),
      });
      return projectId;
    },
  };
  return harness;
}

export const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
