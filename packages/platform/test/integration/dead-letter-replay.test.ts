import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@yikatong/contracts';
import type { DeliveredMessage } from '../../src/events/bus';
import type { DeadLetter } from '../../src/events/consumer';
import { replayDeadLetters } from '../../src/events/dead-letter-replay';
import { KafkaEventBus } from '../../src/events/kafka-bus';
import { createLogger } from '../../src/logger';
import { eventually, requireKafka, testConfig } from '../../src/testing';

/** Replay on the real broker: the replay group's committed offsets are what make a second run send nothing. */
const config = testConfig();
const logger = createLogger('dead-letter-replay-test', 'warn');
let bus: KafkaEventBus;
let admin: ReturnType<Kafka['admin']>;
let topic: string;

beforeAll(async () => {
  const connection = await requireKafka(config);
  bus = new KafkaEventBus({ clientId: 'dead-letter-replay-test', connection, logger });
  admin = new Kafka({ ...connection, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  topic = `replay.${randomUUID()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
}, 30_000);

afterAll(async () => {
  await bus?.close();
  await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin?.disconnect();
});

const letter = (consumer: string, key: string, value: string): DeadLetter => ({
  consumer,
  topic,
  partition: 0,
  offset: '7',
  key,
  error: 'handler failed',
  value,
  failedAt: new Date().toISOString(),
});

it("sends only the named consumer's letters back to their topic, once however often it runs; a dry run sends nothing", async () => {
  const consumer = `test-consumer.${randomUUID()}`;
  await bus.publish([
    { topic: TOPICS.deadLetter, key: consumer, value: JSON.stringify(letter(consumer, 'card-1', '{"id":"a"}')) },
    { topic: TOPICS.deadLetter, key: 'someone-else', value: JSON.stringify(letter('someone-else', 'card-2', '{"id":"b"}')) },
    { topic: TOPICS.deadLetter, key: consumer, value: JSON.stringify(letter(consumer, 'card-3', '{"id":"c"}')) },
  ]);
  const arrived: DeliveredMessage[] = [];
  const reader = await bus.subscribe({
    groupId: `reader.${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => {
      arrived.push(message);
    },
  });
  try {
    const listed: string[] = [];
    const dryRun = await replayDeadLetters({ bus, logger, consumer, dryRun: true, idleMs: 5_000, onLetter: (l) => listed.push(l.key) });
    expect(dryRun).toEqual({ letters: 2, replayed: 0, gone: 0 });
    expect(listed).toEqual(['card-1', 'card-3']);

    expect(await replayDeadLetters({ bus, logger, consumer, idleMs: 5_000 })).toEqual({ letters: 2, replayed: 2, gone: 0 });
    await eventually(async () => (arrived.length >= 2 ? true : undefined), 15_000, 'the replayed events on their topic');
    expect(arrived.map((m) => [m.key, m.value])).toEqual([
      ['card-1', '{"id":"a"}'],
      ['card-3', '{"id":"c"}'],
    ]);

    expect(await replayDeadLetters({ bus, logger, consumer, idleMs: 5_000 })).toEqual({ letters: 0, replayed: 0, gone: 0 });
    expect(arrived).toHaveLength(2);
  } finally {
    await reader.close();
  }
}, 90_000);

it('sends a letter without its event (a topic of personal data) again from where the event is, and counts one its topic no longer holds', async () => {
  const consumer = `test-consumer.${randomUUID()}`;
  const source = `replay-source.${randomUUID()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: source, numPartitions: 1, replicationFactor: 1 }] });
  try {
    await bus.publish([0, 1, 2].map((n) => ({ topic: source, key: `worker-${n}`, value: `{"id":"${n}"}` })));
    const original = await bus.readMessage(source, 0, '1');
    expect(original).toMatchObject({ topic: source, partition: 0, offset: '1', key: 'worker-1', value: '{"id":"1"}' });
    const withoutValue = (offset: string, key: string): DeadLetter => ({
      consumer,
      topic: source,
      partition: 0,
      offset,
      key,
      error: 'handler failed',
      eventId: randomUUID(),
      failedAt: new Date().toISOString(),
    });
    await bus.publish([
      { topic: TOPICS.deadLetter, key: consumer, value: JSON.stringify(withoutValue('1', 'worker-1')) },
      { topic: TOPICS.deadLetter, key: consumer, value: JSON.stringify(withoutValue('9999', 'worker-9')) },
    ]);
    const arrived: DeliveredMessage[] = [];
    const reader = await bus.subscribe({
      groupId: `reader.${randomUUID()}`,
      topics: [source],
      fromBeginning: false,
      handler: async (message) => {
        arrived.push(message);
      },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await replayDeadLetters({ bus, logger, consumer, idleMs: 5_000 })).toEqual({ letters: 2, replayed: 1, gone: 1 });
      await eventually(async () => (arrived.length >= 1 ? true : undefined), 15_000, 'the event sent again to its topic');
      expect(arrived.map((m) => [m.key, m.value])).toEqual([['worker-1', '{"id":"1"}']]);
    } finally {
      await reader.close();
    }
  } finally {
    await admin.deleteTopics({ topics: [source] }).catch(() => undefined);
  }
}, 90_000);
