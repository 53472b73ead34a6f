import path from 'node:path';
import {
  createLogger, createSubgraphServer, databaseUrlFor, OutboxRelay, readSchema, startServiceParts,
  type EventBus, type RunningService,
} from '@yikatong/platform';
import type { IdentityConfig } from './config';
import { createIdentityContext, type IdentityContext } from './context';
import { createIdentityDb } from './db';
import { startIdentityConsumers } from './events/consumers';
import { resolvers } from './resolvers';

export const identityTypeDefs = readSchema(path.join(__dirname, '..', 'schema.graphql'));

/** Builds the identity service; nothing listens until start(). */
export function createIdentityService(config: IdentityConfig, bus: EventBus) {
  const logger = createLogger('identity', config.LOG_LEVEL);
  const db = createIdentityDb(config.IDENTITY_DATABASE_URL ?? databaseUrlFor(config, 'identity'), config.DATABASE_POOL_SIZE);
  const relay = new OutboxRelay(db, bus, logger);
  const nudge = () => relay.nudge();
  const subgraph = createSubgraphServer<IdentityContext>({
    name: 'identity',
    typeDefs: identityTypeDefs,
    resolvers: resolvers as never,
    settings: config,
    logger,
    createContext: (principal) => createIdentityContext(principal, db, nudge),
    isReady: async () => (await db.$queryRawUnsafe<unknown[]>('SELECT 1')).length === 1,
  });
  return {
    db,
    relay,
    subgraph,
    start: (): Promise<RunningService> =>
      startServiceParts({
        name: 'identity',
        logger,
        listenGraphQL: () => subgraph.listen(config.IDENTITY_PORT),
        relay,
        startConsumers: async () => [await startIdentityConsumers(bus, db, logger, nudge)],
        disconnect: () => db.$disconnect(),
      }),
  };
}
