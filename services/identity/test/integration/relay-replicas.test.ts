import { randomUUID } from 'node:crypto';
import { createLogger, OutboxRelay, type BusMessage, type EventBus } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness } from '../support/harness';

/**
 * Several replicas of a service each run an outbox relay over the same database. Whatever their
 * number, each aggregate's events must reach the bus in the order they were written: a consumer
 * that saw a complaint closed before it was filed would keep a project yellow for ever.
 */
const harness = createHarness();
beforeAll(() => harness.start());
afterAll(() => harness.stop());

/** Records what is published, taking a little while for each batch as a broker does. */
class SlowRecordingBus implements EventBus {
  readonly published: BusMessage[] = [];
  async publish(messages: BusMessage[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 6));
    this.published.push(...messages);
  }
  async subscribe(): Promise<never> {
    throw new Error('the relay only publishes');
  }
  async readMessage(): Promise<undefined> {
    return undefined;
  }
  async close(): Promise<void> {}
}

it('sends every aggregate’s events in the order written, with three relays on one outbox', async () => {
  await harness.service.relay.stop();
  const keys = Array.from({ length: 6 }, () => randomUUID());
  const written = 360;
  // Written in many transactions, as commits arrive: event n of key k carries n.
  for (let start = 0; start < written; start += 12) {
    await harness.db.$executeRawUnsafe(
      `INSERT INTO outbox_event (id, topic, key, type, payload)
       SELECT gen_random_uuid(), 'relay-order-test', ($1::text[])[(n % 6) + 1], 'test.relay-order', jsonb_build_object('n', n)
         FROM generate_series($2::int, $3::int) AS n`,
      keys,
      start,
      start + 11,
    );
  }
  const bus = new SlowRecordingBus();
  const relays = Array.from({ length: 3 }, () => new OutboxRelay(harness.db, bus, createLogger('relay-test', 'silent'), { batchSize: 5, pollIntervalMs: 10 }));
  for (const relay of relays) relay.start();
  try {
    await testing.eventually(
      async () =>
        (await harness.db.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL'))[0]!.n === 0
          ? true
          : undefined,
      60_000,
      'the relays to send the outbox',
    );
  } finally {
    for (const relay of relays) await relay.stop();
  }
  const sent = bus.published.filter((message) => message.topic === 'relay-order-test');
  expect(sent).toHaveLength(written);
  for (const key of keys) {
    const order = sent.filter((message) => message.key === key).map((message) => (JSON.parse(message.value) as { n: number }).n);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }
});
