import path from 'node:path';
import { createServiceRuntime, databaseUrlFor, type EventBus } from '@yikatong/platform';
import type { EnterpriseConfig } from './config';
import { createEnterpriseContext } from './context';
import { createEnterpriseDb } from './db';
import { startEnterpriseConsumers } from './events/consumers';
import { BiddingEligibilityService, biddingEligibilityImplementation } from './grpc/eligibility-server';
import { resolvers } from './resolvers';

/** The enterprise service: registry and the bidding-eligibility read model (graph and gRPC). */
export function createEnterpriseService(config: EnterpriseConfig, bus: EventBus) {
  const db = createEnterpriseDb(config.ENTERPRISE_DATABASE_URL ?? databaseUrlFor(config, 'enterprise'), config.DATABASE_POOL_SIZE);
  return createServiceRuntime({
    name: 'enterprise',
    schemaPath: path.join(__dirname, '..', 'schema.graphql'),
    resolvers,
    db,
    port: config.ENTERPRISE_PORT,
    settings: config,
    createContext: (principal, nudgeOutbox) => createEnterpriseContext(principal, db, nudgeOutbox),
    startConsumers: async ({ logger, nudgeOutbox }) => [await startEnterpriseConsumers(bus, db, logger, nudgeOutbox)],
    grpc: {
      port: config.ENTERPRISE_GRPC_PORT,
      services: (logger) => [{ definition: BiddingEligibilityService.service, implementation: biddingEligibilityImplementation(db, config, logger) }],
    },
  }, bus);
}
