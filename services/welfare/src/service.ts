import path from 'node:path';
import { createServiceRuntime, databaseUrlFor, type EventBus } from '@yikatong/platform';
import type { WelfareConfig } from './config';
import { createWelfareContext } from './context';
import { createWelfareDb } from './db';
import { startWelfareConsumers } from './events/consumers';
import { resolvers } from './resolvers';

/** The welfare service: so far service centres and work-injury insurance; complaints and training come next (issue #6). */
export function createWelfareService(config: WelfareConfig, bus: EventBus) {
  const db = createWelfareDb(config.WELFARE_DATABASE_URL ?? databaseUrlFor(config, 'welfare'), config.DATABASE_POOL_SIZE);
  return createServiceRuntime({
    name: 'welfare',
    schemaPath: path.join(__dirname, '..', 'schema.graphql'),
    resolvers,
    db,
    port: config.WELFARE_PORT,
    settings: config,
    createContext: (principal, nudgeOutbox) => createWelfareContext(principal, db, nudgeOutbox),
    startConsumers: async ({ logger, nudgeOutbox }) => [await startWelfareConsumers(bus, db, logger, nudgeOutbox)],
  }, bus);
}
