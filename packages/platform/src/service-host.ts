import type { EventBus } from './events/bus';
import { KafkaEventBus } from './events/kafka-bus';
import { kafkaConnection, type KafkaConnectionSettings } from './events/kafka-connection';
import { createLogger } from './logger';
import type { RunningGrpcServer } from './grpc';
import type { Subscription } from './events/bus';
import type { OutboxRelay } from './events/outbox';
import type { RunningHttpServer } from './server/subgraph-server';
import type { Logger } from './logger';

export interface ServiceParts {
  name: string;
  logger: Logger;
  listenGraphQL: () => Promise<RunningHttpServer>;
  relay: OutboxRelay;
  startConsumers?: () => Promise<Subscription[]>;
  startGrpc?: () => Promise<RunningGrpcServer>;
  companions: Array<{ start(): Promise<void>; stop(): Promise<void> }>;
  disconnect: () => Promise<void>;
}

export interface RunningService {
  graphqlUrl: string;
  grpcPort?: number;
  stop(): Promise<void>;
}

/** Starts a service's parts in order (consumers, relay, gRPC, GraphQL) and stops them in reverse. */
export async function startServiceParts(parts: ServiceParts): Promise<RunningService> {
  for (const companion of parts.companions) await companion.start();
  const subscriptions = (await parts.startConsumers?.()) ?? [];
  parts.relay.start();
  const grpc = await parts.startGrpc?.();
  const http = await parts.listenGraphQL();
  parts.logger.info({ graphql: http.url, grpcPort: grpc?.port }, `${parts.name} started`);
  return {
    graphqlUrl: http.url,
    grpcPort: grpc?.port,
    async stop() {
      await http.close();
      await grpc?.close();
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await parts.relay.stop();
      for (const companion of parts.companions) await companion.stop();
      await parts.disconnect();
    },
  };
}

/**
 * Entry point of one service process: config from the environment, the Kafka bus, start, and a
 * clean stop on SIGTERM/SIGINT.
 */
export function runAsProcess<TConfig extends KafkaConnectionSettings & { LOG_LEVEL: string }>(
  name: string,
  loadConfig: () => TConfig,
  create: (config: TConfig, bus: EventBus) => { start(): Promise<RunningService> },
): void {
  const boot = async () => {
    const config = loadConfig();
    const bus = new KafkaEventBus({ clientId: name, connection: kafkaConnection(config, name), logger: createLogger(`${name}-bus`, config.LOG_LEVEL) });
    const running = await create(config, bus).start();
    const shutdown = async () => {
      // A broker that is gone can keep a client's disconnect waiting; never outstay the orchestrator.
      setTimeout(() => process.exit(1), 10_000).unref();
      await running.stop();
      await bus.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown());
    process.once('SIGINT', () => void shutdown());
  };
  boot().catch((error: unknown) => {
    console.error(`${name} failed to start:`, error);
    process.exit(1);
  });
}
