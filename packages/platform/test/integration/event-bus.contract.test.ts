import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createLogger } from '../../src/logger';
import type { DeliveredMessage, EventBus } from '../../src/events/bus';
import { InMemoryEventBus } from '../../src/events/memory-bus';
import { KafkaEventBus } from '../../src/events/kafka-bus';
import { eventually, requireKafka, testConfig } from '../../src/testing';

/** The same contract, run against both implementations of the EventBus interface. */
const config = testConfig();
const logger = createLogger('bus-contract', 'warn');

interface BusUnderTest {
  bus: EventBus;
  /** A fresh topic (Kafka needs it created: auto-creation is off, as in production). */
  topic(): Promise<string>;
  close(): Promise<void>;
}

async function memoryBus(): Promise<BusUnderTest> {
  const bus = new InMemoryEventBus();
  return { bus, topic: async () => `contract.${randomUUID()}`, close: () => bus.close() };
}

async function kafkaBus(): Promise<BusUnderTest> {
  const connection = await requireKafka(config);
  const bus = new KafkaEventBus({ clientId: 'contract-test', connection, logger });
  const admin = new Kafka({ ...connection, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const created: string[] = [];
  return {
    bus,
    topic: async () => {
      const topic = `contract.${randomUUID()}`;
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
      created.push(topic);
      return topic;
    },
    close: async () => {
      await bus.close();
      await admin.deleteTopics({ topics: created }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

describe.each([
  ['in-memory', memoryBus],
  ['Kafka', kafkaBus],
])('EventBus contract: %s', (_, make) => {
  let underTest: BusUnderTest;
  beforeAll(async () => {
    underTest = await make();
  });
  afterAll(() => underTest.close());

  it('delivers published messages with key, value and headers, in order per key', async () => {
    const topic = await underTest.topic();
    const messages = Array.from({ length: 30 }, (_, i) => ({ topic, key: `k${i % 3}`, value: JSON.stringify({ n: i }), headers: { h: 'v' } }));
    await underTest.bus.publish(messages);
    const received: DeliveredMessage[] = [];
    const subscription = await underTest.bus.subscribe({
      groupId: `g.${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async (m) => void received.push(m),
    });
    await eventually(async () => (received.length === 30 ? true : undefined), 20_000, '30 messages');
    await subscription.close();
    for (const key of ['k0', 'k1', 'k2']) {
      const sequence = received.filter((m) => m.key === key).map((m) => (JSON.parse(m.value) as { n: number }).n);
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    }
    expect(received[0]!.headers).toMatchObject({ h: 'v' });
  });

  it('delivers a message again when the handler throws (at least once)', async () => {
    const topic = await underTest.topic();
    let attempts = 0;
    const subscription = await underTest.bus.subscribe({
      groupId: `g.${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('transient');
      },
    });
    await underTest.bus.publish([{ topic, key: 'k', value: '{}' }]);
    await eventually(async () => (attempts >= 3 ? true : undefined), 30_000, 'redelivery');
    await subscription.close();
    expect(attempts).toBe(3);
  });

  it('gives every consumer group its own copy', async () => {
    const topic = await underTest.topic();
    const seen = { a: 0, b: 0 };
    const subscriptions = await Promise.all(
      (['a', 'b'] as const).map((name) =>
        underTest.bus.subscribe({ groupId: `g.${name}.${randomUUID()}`, topics: [topic], fromBeginning: true, handler: async () => void (seen[name] += 1) }),
      ),
    );
    await underTest.bus.publish([
      { topic, key: 'k', value: '1' },
      { topic, key: 'k', value: '2' },
    ]);
    await eventually(async () => (seen.a === 2 && seen.b === 2 ? true : undefined), 20_000, 'both groups');
    await Promise.all(subscriptions.map((s) => s.close()));
  });

  it('reads one message back by topic, partition and offset; a place the topic does not hold reads as nothing', async () => {
    const topic = await underTest.topic();
    const received: DeliveredMessage[] = [];
    const subscription = await underTest.bus.subscribe({
      groupId: `g.${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async (m) => void received.push(m),
    });
    await underTest.bus.publish([
      { topic, key: 'k', value: 'first' },
      { topic, key: 'k', value: 'second', headers: { h: 'v' } },
    ]);
    await eventually(async () => (received.length === 2 ? true : undefined), 20_000, 'both messages');
    await subscription.close();
    const second = received[1]!;
    expect(await underTest.bus.readMessage(topic, second.partition, second.offset)).toMatchObject({
      key: 'k',
      value: 'second',
      headers: { h: 'v' },
      offset: second.offset,
    });
    expect(await underTest.bus.readMessage(topic, second.partition, String(Number(second.offset) + 100))).toBeUndefined();
  }, 60_000);

  it('does not hand a message to a handler again while that handler, publishing at once, is still running', async () => {
    const topic = await underTest.topic();
    let calls = 0;
    const subscription = await underTest.bus.subscribe({
      groupId: `g.${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async (m) => {
        calls += 1;
        if (m.value === 'first') await underTest.bus.publish([{ topic, key: 'k', value: 'echo' }]);
      },
    });
    await underTest.bus.publish([{ topic, key: 'k', value: 'first' }]);
    await eventually(async () => (calls >= 2 ? true : undefined), 20_000, 'the message and its echo');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await subscription.close();
    expect(calls).toBe(2);
  });
});
