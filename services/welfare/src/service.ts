import path from 'node:path';
import { clockFromConfig, createLogger, createServiceRuntime, databaseUrlFor, type Clock, type EventBus } from '@yikatong/platform';
import { safetyHours, slaPolicy, type WelfareConfig } from './config';
import { createWelfareContext, type WelfareDeps } from './context';
import { createWelfareDb } from './db';
import { startWelfareConsumers } from './events/consumers';
import { resolvers } from './resolvers';
import { ComplaintSweeper } from './jobs/complaint-sweeper';

/** The welfare service: service centres, complaints with SLA clocks, work-injury insurance and training; service windows and schemes come next (issue #6). */
export function createWelfareService(config: WelfareConfig, bus: EventBus, options: { clock?: Clock } = {}) {
  const db = createWelfareDb(config.WELFARE_DATABASE_URL ?? databaseUrlFor(config, 'welfare'), config.DATABASE_POOL_SIZE);
  const clock = options.clock ?? clockFromConfig(config);
  const deps: WelfareDeps = { db, clock, sla: slaPolicy(config), safetyHours: safetyHours(config) };
  const sweeper = new ComplaintSweeper(db, clock, createLogger('welfare-complaints', config.LOG_LEVEL), config.COMPLAINT_SWEEP_INTERVAL_MS);
  const runtime = createServiceRuntime(
    {
      name: 'welfare',
      schemaPath: path.join(__dirname, '..', 'schema.graphql'),
      resolvers,
      db,
      port: config.WELFARE_PORT,
      settings: config,
      createContext: (principal, nudgeOutbox) => createWelfareContext(principal, deps, nudgeOutbox),
      startConsumers: async ({ logger, nudgeOutbox }) => [await startWelfareConsumers(bus, deps, logger, nudgeOutbox)],
      companions: [sweeper],
    },
    bus,
  );
  return { ...runtime, deps, sweeper };
}
