import path from 'node:path';
import {
  createLogger, createSubgraphServer, databaseUrlFor, OutboxRelay, readSchema, startGrpcServer, startServiceParts,
  type EventBus, type RunningService,
} from '@yikatong/platform';
import type { EnterpriseConfig } from './config';
import { createEnterpriseContext, type EnterpriseContext } from './context';
import { createEnterpriseDb } from './db';
import { startEnterpriseConsumers } from './events/consumers';
import { BiddingEligibilityService, biddingEligibilityImplementation } from './grpc/eligibility-server';
import { resolvers } from './resolvers';

export const enterpriseTypeDefs = readSchema(path.join(__dirname, '..', 'schema.graphql'));

/** Builds the enterprise service; nothing listens until start(). */
export function createEnterpriseService(config: EnterpriseConfig, bus: EventBus) {
  const logger = createLogger('enterprise', config.LOG_LEVEL);
  const db = createEnterpriseDb(config.ENTERPRISE_DATABASE_URL ?? databaseUrlFor(config, 'enterprise'), config.DATABASE_POOL_SIZE);
  const relay = new OutboxRelay(db, bus, logger);
  const nudge = () => relay.nudge();
  const subgraph = createSubgraphServer<EnterpriseContext>({
    name: 'enterprise',
    typeDefs: enterpriseTypeDefs,
    resolvers: resolvers as never,
    settings: config,
    logger,
    createContext: (principal) => createEnterpriseContext(principal, db, nudge),
    isReady: async () => (await db.$queryRawUnsafe<unknown[]>('SELECT 1')).length === 1,
  });
  return {
    db,
    relay,
    subgraph,
    start: (): Promise<RunningService> =>
      startServiceParts({
        name: 'enterprise',
        logger,
        listenGraphQL: () => subgraph.listen(config.ENTERPRISE_PORT),
        relay,
        startConsumers: async () => [await startEnterpriseConsumers(bus, db, logger, nudge)],
        startGrpc: () =>
          startGrpcServer(config.ENTERPRISE_GRPC_PORT, [
            { definition: BiddingEligibilityService.service, implementation: biddingEligibilityImplementation(db, config, logger) },
          ]),
        disconnect: () => db.$disconnect(),
      }),
  };
}
