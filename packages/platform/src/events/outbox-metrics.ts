import { Gauge, type Registry } from 'prom-client';
import type { SqlClient } from '../db';

interface OutboxBacklog {
  pending: number;
  oldestSeconds: number;
}

/**
 * Outbox health on /metrics, read from the table at scrape time: events committed but not yet on
 * Kafka, and how long the oldest has waited. A growing age is the alert that delivery is stuck
 * (the events are safe in the table, but nobody downstream sees them).
 */
export function registerOutboxMetrics(registry: Registry, db: SqlClient, prefix: string): void {
  let measuring: Promise<OutboxBacklog> | undefined;
  // Both gauges are collected in one scrape: one query answers both.
  const backlog = () =>
    (measuring ??= db
      .$queryRawUnsafe<Array<{ pending: number; oldest_seconds: number }>>(
        `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
         FROM outbox_event WHERE published_at IS NULL`,
      )
      .then(([row]) => ({ pending: row?.pending ?? 0, oldestSeconds: row?.oldest_seconds ?? 0 }))
      .finally(() => {
        measuring = undefined;
      }));
  new Gauge({
    name: `${prefix}outbox_pending_events`,
    help: 'Events committed to the outbox and not yet published to Kafka.',
    registers: [registry],
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: `${prefix}outbox_oldest_pending_seconds`,
    help: 'Age of the oldest unpublished outbox event (0 when none is waiting).',
    registers: [registry],
    async collect() {
      this.set((await backlog()).oldestSeconds);
    },
  });
}
