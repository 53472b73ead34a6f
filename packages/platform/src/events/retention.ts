import { durationSeconds } from '../auth/tokens';
import type { SqlClient } from '../db';
import type { Logger } from '../logger';
import { intervalJob } from '../sweep';

export interface EventRetentionSettings {
  OUTBOX_RETENTION: string;
  PROCESSED_EVENT_RETENTION: string;
  EVENT_RETENTION_INTERVAL_MS: number;
}

const BATCH = 10_000;

/** Deletes in batches, so a long backlog never holds one huge lock. */
async function deleteInBatches(db: SqlClient, table: 'outbox_event' | 'processed_event', condition: string, seconds: number): Promise<number> {
  const key = table === 'outbox_event' ? 'id' : 'consumer, event_id';
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRawUnsafe(`DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE ${condition} LIMIT ${BATCH})`, seconds);
    deleted += count;
    if (count < BATCH) return deleted;
  }
}

/**
 * Removes what no longer needs keeping: published outbox rows older than OUTBOX_RETENTION (their
 * payloads may carry card numbers in clear) and processed_event rows past PROCESSED_EVENT_RETENTION.
 * Both stamps are the database's own (`published_at`, `processed_at` default to its now()), so the
 * age is measured on the same clock that wrote them; this is housekeeping, not a business rule.
 */
export async function pruneEventTables(
  db: SqlClient,
  settings: Omit<EventRetentionSettings, 'EVENT_RETENTION_INTERVAL_MS'>,
): Promise<{ outbox: number; processed: number }> {
  const outbox = await deleteInBatches(
    db,
    'outbox_event',
    `published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)`,
    durationSeconds(settings.OUTBOX_RETENTION),
  );
  const processed = await deleteInBatches(
    db,
    'processed_event',
    `processed_at < now() - make_interval(secs => $1)`,
    durationSeconds(settings.PROCESSED_EVENT_RETENTION),
  );
  return { outbox, processed };
}

/** The pruning on a timer, once at start and then every EVENT_RETENTION_INTERVAL_MS, for the life of the service. */
export function eventRetention(db: SqlClient, settings: EventRetentionSettings, logger: Logger) {
  const prune = async () => {
    const pruned = await pruneEventTables(db, settings);
    if (pruned.outbox || pruned.processed) logger.info(pruned, 'event tables pruned');
  };
  const job = intervalJob('event retention', settings.EVENT_RETENTION_INTERVAL_MS, logger, prune);
  let first: Promise<void> | undefined;
  return {
    // The first pruning runs beside the start, not before it: a long backlog must not delay serving.
    async start() {
      first = prune().catch((error: unknown) => logger.error({ err: error }, 'event retention failed'));
      job.start();
    },
    async stop() {
      await first;
      await job.stop();
    },
  };
}
