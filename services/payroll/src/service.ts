import path from 'node:path';
import { createServiceRuntime, databaseUrlFor, type EventBus } from '@yikatong/platform';
import type { PayrollConfig } from './config';
import { createPayrollContext } from './context';
import { createPayrollDb } from './db';
import { startPayrollConsumers } from './events/consumers';
import { resolvers } from './resolvers';

/** The payroll service: so far the minimum-wage table and dedicated wage accounts; deposits, sheets and disbursement come next (issue #5). */
export function createPayrollService(config: PayrollConfig, bus: EventBus) {
  const db = createPayrollDb(config.PAYROLL_DATABASE_URL ?? databaseUrlFor(config, 'payroll'), config.DATABASE_POOL_SIZE);
  return createServiceRuntime({
    name: 'payroll',
    schemaPath: path.join(__dirname, '..', 'schema.graphql'),
    resolvers,
    db,
    port: config.PAYROLL_PORT,
    settings: config,
    createContext: (principal, nudgeOutbox) => createPayrollContext(principal, db, nudgeOutbox),
    startConsumers: async ({ logger, nudgeOutbox }) => [await startPayrollConsumers(bus, db, logger, nudgeOutbox)],
  }, bus);
}
