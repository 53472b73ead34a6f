import path from 'node:path';
import { createLogger, createServiceRuntime, databaseUrlFor, type EventBus } from '@yikatong/platform';
import { safetyHours, slaPolicy, type WelfareConfig } from './config';
import { createWelfareContext, type WelfareDeps } from './context';
import { createWelfareDb } from './db';
import { startWelfareConsumers } from './events/consumers';
import { resolvers } from './resolvers';
import { ComplaintClock } from './store/complaint-clock';

/** The welfare service: service centres, complaints with SLA clocks, work-injury insurance and training; service windows and schemes come next (issue #6). */
export function createWelfareService(config: WelfareConfig, bus: EventBus) {
  const db = createWelfareDb(config.WELFARE_DATABASE_URL ?? databaseUrlFor(config, 'welfare'), config.DATABASE_POOL_SIZE);
  const deps: WelfareDeps = { db, sla: slaPolicy(config), safetyHours: safetyHours(config) };
  const clock = new ComplaintClock(db, createLogger('welfare-complaints', config.LOG_LEVEL), config.COMPLAINT_SWEEP_INTERVAL_MS);
  const runtime = createServiceRuntime({
    name: 'welfare',
    schemaPath: path.join(__dirname, '..', 'schema.graphql'),
    resolvers,
    db,
    port: config.WELFARE_PORT,
    settings: config,
    createContext: (principal, nudgeOutbox) => createWelfareContext(principal, deps, nudgeOutbox),
    startConsumers: async ({ logger, nudgeOutbox }) => [await startWelfareConsumers(bus, deps, logger, nudgeOutbox)],
    companions: [clock],
  }, bus);
  return { ...runtime, deps, clock };
}
