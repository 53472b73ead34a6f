import path from 'node:path';
import { clockFromConfig, createPiiProtector, createServiceRuntime, databaseUrlFor, type Clock, type EventBus } from '@yikatong/platform';
import { identityPolicy, type IdentityConfig } from './config';
import { createIdentityContext, type IdentityDeps } from './context';
import { createIdentityDb } from './db';
import { startIdentityConsumers } from './events/consumers';
import { WorkerRegistryService, workerRegistryImplementation } from './grpc/worker-registry-server';
import { resolvers } from './resolvers';

/** The identity service: real-name registry, cards, enrolments and attendance (graph, events, gRPC). */
export function createIdentityService(config: IdentityConfig, bus: EventBus, options: { clock?: Clock } = {}) {
  const db = createIdentityDb(config.IDENTITY_DATABASE_URL ?? databaseUrlFor(config, 'identity'), config.DATABASE_POOL_SIZE);
  const deps: IdentityDeps = { db, pii: createPiiProtector(config), policy: identityPolicy(config), clock: options.clock ?? clockFromConfig(config) };
  const runtime = createServiceRuntime(
    {
      name: 'identity',
      schemaPath: path.join(__dirname, '..', 'schema.graphql'),
      resolvers,
      db,
      port: config.IDENTITY_PORT,
      settings: config,
      createContext: (principal, nudgeOutbox) => createIdentityContext(principal, deps, nudgeOutbox),
      startConsumers: ({ logger, nudgeOutbox }) => startIdentityConsumers(deps, bus, logger, nudgeOutbox),
      grpc: {
        port: config.IDENTITY_GRPC_PORT,
        services: (logger) => [{ definition: WorkerRegistryService.service, implementation: workerRegistryImplementation(deps, config, logger) }],
      },
    },
    bus,
  );
  return { ...runtime, deps };
}
