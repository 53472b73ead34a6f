import type { BaseContext } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { TokenSettings } from './auth/tokens';
import type { Principal } from './auth/principal';
import type { TransactionalClient } from './db';
import type { EventBus, Subscription } from './events/bus';
import { OutboxRelay } from './events/outbox';
import { registerOutboxMetrics } from './events/outbox-metrics';
import { eventRetention, type EventRetentionSettings } from './events/retention';
import { grpcServerCredentials, startGrpcServer, type grpc, type GrpcTlsSettings } from './grpc';
import { createLogger, type Logger } from './logger';
import { readSchema } from './schema';
import { createSubgraphServer } from './server/subgraph-server';
import { startServiceParts, type RunningService } from './service-host';

export interface ServiceDb extends TransactionalClient {
  $disconnect(): Promise<void>;
}

/** What makes one service different from another; everything else is the same machinery. */
export interface ServiceDefinition<TDb extends ServiceDb, TContext extends BaseContext> {
  name: string;
  schemaPath: string;
  resolvers: GraphQLResolverMap<TContext>;
  db: TDb;
  port: number;
  settings: TokenSettings & EventRetentionSettings & GrpcTlsSettings & { NODE_ENV: string; LOG_LEVEL: string };
  /** Per-request context; `nudgeOutbox` publishes rows a mutation just committed. */
  createContext(principal: Principal | null, nudgeOutbox: () => void): TContext;
  startConsumers?(parts: { bus: EventBus; logger: Logger; nudgeOutbox: () => void }): Promise<Subscription[]>;
  grpc?: {
    port: number;
    services(logger: Logger, nudgeOutbox: () => void): Array<{ definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation }>;
  };
  /** Helpers that live as long as the service (e.g. a cache listening for changes): started first, stopped last. */
  companions?: Array<{ start(): Promise<void>; stop(): Promise<void> }>;
}

/** Builds a service from its definition: logger, outbox relay, subgraph; nothing listens until start(). */
export function createServiceRuntime<TDb extends ServiceDb, TContext extends BaseContext>(definition: ServiceDefinition<TDb, TContext>, bus: EventBus) {
  const { name, db, settings } = definition;
  const logger = createLogger(name, settings.LOG_LEVEL);
  const relay = new OutboxRelay(db, bus, logger);
  const nudgeOutbox = () => relay.nudge();
  const subgraph = createSubgraphServer<TContext>({
    name,
    typeDefs: readSchema(definition.schemaPath),
    resolvers: definition.resolvers,
    settings,
    logger,
    createContext: (principal) => definition.createContext(principal, nudgeOutbox),
    isReady: async () => (await db.$queryRawUnsafe<unknown[]>('SELECT 1')).length === 1,
    registerMetrics: (registry, prefix) => registerOutboxMetrics(registry, db, prefix),
  });
  const grpcServices = definition.grpc;
  return {
    db,
    relay,
    subgraph,
    logger,
    start: (): Promise<RunningService> =>
      startServiceParts({
        name,
        logger,
        listenGraphQL: () => subgraph.listen(definition.port),
        relay,
        startConsumers: definition.startConsumers && (() => definition.startConsumers!({ bus, logger, nudgeOutbox })),
        startGrpc: grpcServices && (() => startGrpcServer(grpcServices.port, grpcServices.services(logger, nudgeOutbox), grpcServerCredentials(settings))),
        // Every service prunes its outbox and processed events the same way.
        companions: [...(definition.companions ?? []), eventRetention(db, settings, logger)],
        disconnect: () => db.$disconnect(),
      }),
  };
}
