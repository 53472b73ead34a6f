import type { CloudEvent, EventDefinition } from '@yikatong/contracts';
import type { SqlClient, TransactionalClient } from '../db';
import type { Logger } from '../logger';
import type { EventBus } from './bus';

/** An event recorded by an aggregate, with the topic it must go out on. */
export interface OutgoingEvent {
  topic: string;
  envelope: CloudEvent;
}

/** Headers of every event on the bus (the value is a CloudEvents JSON document). */
export const CLOUD_EVENT_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/cloudevents+json' };

/** An event for its definition's topic, or for one topic of its family (e.g. one bank's payment instructions). */
export function outgoing(definition: EventDefinition, envelope: CloudEvent, topic: string = definition.topic): OutgoingEvent {
  return { topic, envelope };
}

/** Writes events in the caller's transaction, so they exist exactly when the change commits; one statement however many. */
export async function appendToOutbox(tx: SqlClient, events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO outbox_event (id, topic, key, type, payload)
     SELECT id, topic, key, type, payload FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(id, topic, key, type, payload, n)
      ORDER BY n`,
    events.map(({ envelope }) => envelope.id),
    events.map(({ topic }) => topic),
    events.map(({ envelope }) => envelope.subject),
    events.map(({ envelope }) => envelope.type),
    events.map(({ envelope }) => JSON.stringify(envelope)),
  );
}

/** drainOnce's answer when another relay holds the outbox. */
export const OUTBOX_BUSY = 'OUTBOX_BUSY';
const BUSY_RETRY_MS = 50;
/** The advisory-lock key of a service's outbox relay (advisory locks are per database: one per service). */
const OUTBOX_RELAY_LOCK = '7021460319';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: unknown;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

/**
 * Publishes committed outbox rows to the bus in order and marks them sent, one replica's relay at a time. Kafka being down only
 * delays delivery: rows stay until a publish succeeds. Delivery is at least once; consumers dedupe.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly db: TransactionalClient,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  /** Called after a commit that wrote outbox rows: publish now instead of at the next poll. */
  nudge(): void {
    // While publishing fails, the backoff decides the next attempt: commits must not hammer a dead broker.
    if (this.stopped || this.failures > 0) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Publishes one batch; returns how many rows were sent, or OUTBOX_BUSY when another replica's relay is
   * publishing. One relay at a time drains a service's outbox, however many replicas run: rows go out
   * in the order they were written, so one aggregate's events reach Kafka in order (two relays taking
   * rows side by side could send a complaint's closing before its filing). The lock is a
   * transaction-level advisory lock: released at commit or when the holder dies, so any replica's
   * next poll takes over at once.
   */
  async drainOnce(): Promise<number | typeof OUTBOX_BUSY> {
    return this.db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<Array<{ held: boolean }>>('SELECT pg_try_advisory_xact_lock($1::bigint) AS held', OUTBOX_RELAY_LOCK);
        if (!lock?.held) return OUTBOX_BUSY;
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT id::text AS id, topic, key, payload FROM outbox_event
           WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
          this.batchSize,
        );
        if (rows.length === 0) return 0;
        await this.bus.publish(
          rows.map((row) => ({
            topic: row.topic,
            key: row.key,
            value: typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload),
            headers: CLOUD_EVENT_HEADERS,
          })),
        );
        await tx.$executeRawUnsafe(
          'UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])',
          rows.map((row) => row.id),
        );
        return rows.length;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delayMs);
  }

  private run(): void {
    if (this.stopped || this.draining) return;
    this.draining = this.drainUntilEmpty()
      .then((outcome) => {
        this.failures = 0;
        // Another replica is publishing (perhaps this one's rows): look again shortly, not at the next poll.
        this.schedule(this.again ? 0 : outcome === OUTBOX_BUSY ? BUSY_RETRY_MS : this.pollIntervalMs);
      })
      .catch(async (error: unknown) => {
        this.failures += 1;
        const backoff = Math.min(this.maxBackoffMs, 100 * 2 ** this.failures);
        this.logger.warn({ err: error, retryInMs: backoff }, 'outbox publish failed; rows kept for retry');
        await this.recordFailure(error);
        this.schedule(backoff);
      })
      .finally(() => {
        this.draining = undefined;
        this.again = false;
      });
  }

  private async drainUntilEmpty(): Promise<'EMPTY' | typeof OUTBOX_BUSY> {
    while (!this.stopped) {
      this.again = false;
      const sent = await this.drainOnce();
      if (sent === OUTBOX_BUSY) return OUTBOX_BUSY;
      if (sent < this.batchSize && !this.again) return 'EMPTY';
    }
    return 'EMPTY';
  }

  private async recordFailure(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.db
      .$executeRawUnsafe('UPDATE outbox_event SET attempts = attempts + 1, last_error = $1 WHERE published_at IS NULL', message.slice(0, 1000))
      .catch(() => undefined);
  }
}
