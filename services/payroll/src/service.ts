import path from 'node:path';
import {
  createLogger, createSubgraphServer, databaseUrlFor, OutboxRelay, readSchema, startServiceParts,
  type EventBus, type RunningService,
} from '@yikatong/platform';
import type { PayrollConfig } from './config';
import { createPayrollContext, type PayrollContext } from './context';
import { createPayrollDb } from './db';
import { resolvers } from './resolvers';

export const payrollTypeDefs = readSchema(path.join(__dirname, '..', 'schema.graphql'));

/** Builds the payroll service; nothing listens until start(). */
export function createPayrollService(config: PayrollConfig, bus: EventBus) {
  const logger = createLogger('payroll', config.LOG_LEVEL);
  const db = createPayrollDb(config.PAYROLL_DATABASE_URL ?? databaseUrlFor(config, 'payroll'), config.DATABASE_POOL_SIZE);
  const relay = new OutboxRelay(db, bus, logger);
  const subgraph = createSubgraphServer<PayrollContext>({
    name: 'payroll',
    typeDefs: payrollTypeDefs,
    resolvers: resolvers as never,
    settings: config,
    logger,
    createContext: (principal) => createPayrollContext(principal, db),
    isReady: async () => (await db.$queryRawUnsafe<unknown[]>('SELECT 1')).length === 1,
  });
  return {
    db,
    relay,
    subgraph,
    start: (): Promise<RunningService> =>
      startServiceParts({
        name: 'payroll',
        logger,
        listenGraphQL: () => subgraph.listen(config.PAYROLL_PORT),
        relay,
        disconnect: () => db.$disconnect(),
      }),
  };
}
