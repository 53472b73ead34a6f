import type { ApolloServer, BaseContext } from '@apollo/server';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createEvent, KAFKA_ADMIN_USER, type EventDataInput, type EventDefinition } from '@yikatong/contracts';
import { databaseUrlFor, loadPlatformConfig, type PlatformConfig } from './config';
import { kafkaConnection, type KafkaConnection } from './events/kafka-connection';
import type { EventBus } from './events/bus';
import { ManualClock } from './clock';
import { encodeCursor } from './paging';
import { AppError } from './errors';

/**
 * Test helpers that refuse to pass silently: an integration test without its PostgreSQL or Kafka
 * fails, naming the command that starts them.
 */
export const START_INFRA = 'npm run infra:up (from the repository root)';

/** Settings for tests: test databases are `yktest_<service>` unless DATABASE_NAME_PREFIX says otherwise. */
export function testConfig(overrides: Record<string, string> = {}): PlatformConfig {
  // Plaintext gRPC between test processes on loopback, unless a test sets up TLS (test/e2e/grpc-tls.test.ts).
  return loadPlatformConfig({ LOG_LEVEL: 'warn', DATABASE_NAME_PREFIX: 'yktest', GRPC_PLAINTEXT: 'allowed', ...process.env, NODE_ENV: 'test', ...overrides });
}

/**
 * The instant a test's clock starts at: YIKATONG_TEST_NOW (an ISO instant) when set — `npm run
 * test:calendar` runs the suites at a list of awkward instants — otherwise the moment the test file
 * loads. Tests derive every day and period from it, never from the system's date.
 */
export function testStart(): Date {
  const pinned = process.env.YIKATONG_TEST_NOW;
  if (!pinned) return new Date();
  const at = new Date(pinned);
  if (Number.isNaN(at.getTime())) throw new Error(`YIKATONG_TEST_NOW is not an ISO instant: ${pinned}`);
  return at;
}

/** A clock for one test file, starting at `testStart()` and moved only by the test. */
export const testClock = (): ManualClock => new ManualClock(testStart());

export async function requirePostgres(config: PlatformConfig, service: string): Promise<string> {
  const url = databaseUrlFor(config, service);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1 FROM outbox_event LIMIT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL database ${url} is not ready (${String(error)}). Start and migrate it with: DATABASE_NAME_PREFIX=${config.DATABASE_NAME_PREFIX} ${START_INFRA}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return url;
}

/**
 * The connection of a Kafka user to the test broker, once the broker answers it. Test fixtures that
 * play several parties at once (publish another service's event, watch a topic) use the superuser.
 */
export async function requireKafka(config: PlatformConfig, user: string = KAFKA_ADMIN_USER): Promise<KafkaConnection> {
  let connection: KafkaConnection;
  try {
    connection = kafkaConnection(config, user);
  } catch (error) {
    throw new Error(`${String(error)}. Start the broker with: ${START_INFRA}`, { cause: error });
  }
  const admin = new Kafka({ ...connection, logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (error) {
    throw new Error(`Kafka is not reachable at ${connection.brokers.join(',')} as ${user} (${String(error)}). Start it with: ${START_INFRA}`, { cause: error });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return connection;
}

/** The AppError `fn` throws; fails the test if it returns, or throws anything else. */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface OperationResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/** Runs one operation in-process against a subgraph (schema, resolvers, error formatting) with a given context. */
export async function runOperation<TContext extends BaseContext, T = Record<string, any>>(
  apollo: ApolloServer<TContext>,
  query: string,
  variables: Record<string, unknown>,
  contextValue: TContext,
): Promise<OperationResult<T>> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult as OperationResult<T>;
}

/** A service's consumer bookkeeping, enough to see that an event was applied. */
export interface ProcessedEvents {
  processedEvent: { count(args: { where: { eventId: string } }): Promise<number> };
}

/** Publishes another service's event (as that service would, keyed by its subject, at `time`) and waits until the consumer applied it. */
export async function deliver<D extends EventDefinition>(
  bus: EventBus,
  db: ProcessedEvents,
  definition: D,
  subject: string,
  data: EventDataInput<D>,
  time: Date,
): Promise<void> {
  const event = createEvent(definition, '/test', subject, data, time);
  await bus.publish([{ topic: definition.topic, key: subject, value: JSON.stringify(event) }]);
  await eventually(
    async () => ((await db.processedEvent.count({ where: { eventId: event.id } })) > 0 ? true : undefined),
    10_000,
    `${definition.type} applied`,
  );
}

/**
 * Cursors no list issued, for the hostile-input tests: each list must refuse every one with
 * INVALID_CURSOR on `after` before its query runs (the last ones are well-formed keys of the wrong kind).
 */
export const FORGED_CURSORS: ReadonlyArray<readonly [string, string]> = [
  ['not base64url', 'not a cursor!'],
  ['the old text form', Buffer.from('2026-11-25T08:00:00.000Z|2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60', 'utf8').toString('base64url')],
  ['a NUL character', encodeCursor('\u0000')],
  ['an SQL fragment', encodeCursor("' OR 1=1 --")],
  ['a number too large for any id', encodeCursor('99999999999999999999')],
  ['a pair of a day and a non-id', encodeCursor(['2026-02-30', 'not-a-uuid'])],
];
