import path from 'node:path';
import { createServiceRuntime, databaseUrlFor, type EventBus } from '@yikatong/platform';
import type { IdentityConfig } from './config';
import { createIdentityContext } from './context';
import { createIdentityDb } from './db';
import { startIdentityConsumers } from './events/consumers';
import { resolvers } from './resolvers';

/** The identity service: real-name cards (and, next, workers, enrolments, attendance). */
export function createIdentityService(config: IdentityConfig, bus: EventBus) {
  const db = createIdentityDb(config.IDENTITY_DATABASE_URL ?? databaseUrlFor(config, 'identity'), config.DATABASE_POOL_SIZE);
  return createServiceRuntime({
    name: 'identity',
    schemaPath: path.join(__dirname, '..', 'schema.graphql'),
    resolvers,
    db,
    port: config.IDENTITY_PORT,
    settings: config,
    createContext: (principal, nudgeOutbox) => createIdentityContext(principal, db, nudgeOutbox),
    startConsumers: async ({ logger, nudgeOutbox }) => [await startIdentityConsumers(bus, db, logger, nudgeOutbox)],
  }, bus);
}
