import path from 'node:path';
import {
  createLogger, createSubgraphServer, databaseUrlFor, OutboxRelay, readSchema, startServiceParts,
  type EventBus, type RunningService,
} from '@yikatong/platform';
import type { WelfareConfig } from './config';
import { createWelfareContext, type WelfareContext } from './context';
import { createWelfareDb } from './db';
import { resolvers } from './resolvers';

export const welfareTypeDefs = readSchema(path.join(__dirname, '..', 'schema.graphql'));

/** Builds the welfare service; nothing listens until start(). */
export function createWelfareService(config: WelfareConfig, bus: EventBus) {
  const logger = createLogger('welfare', config.LOG_LEVEL);
  const db = createWelfareDb(config.WELFARE_DATABASE_URL ?? databaseUrlFor(config, 'welfare'), config.DATABASE_POOL_SIZE);
  const relay = new OutboxRelay(db, bus, logger);
  const subgraph = createSubgraphServer<WelfareContext>({
    name: 'welfare',
    typeDefs: welfareTypeDefs,
    resolvers: resolvers as never,
    settings: config,
    logger,
    createContext: (principal) => createWelfareContext(principal, db),
    isReady: async () => (await db.$queryRawUnsafe<unknown[]>('SELECT 1')).length === 1,
  });
  return {
    db,
    relay,
    subgraph,
    start: (): Promise<RunningService> =>
      startServiceParts({
        name: 'welfare',
        logger,
        listenGraphQL: () => subgraph.listen(config.WELFARE_PORT),
        relay,
        disconnect: () => db.$disconnect(),
      }),
  };
}
