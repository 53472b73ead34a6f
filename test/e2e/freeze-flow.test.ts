import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { cloudEventSchema, TOPICS } from '@yikatong/contracts';
import { SCOPES, type KafkaConnection } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { DECISION, FREEZE, REGISTER, UNFREEZE, usccFor, waitForEligibility, waitForEnterpriseCard } from '../support/flows';
import { freshDatabases, graphqlClient, runInfra, startSystem, tokenFor, withDatabase, type RunningSystem } from '../support/system';

/**
 * The card-freeze flow across separate processes on real PostgreSQL and real Kafka:
 * freeze through the gateway → identity's outbox → Kafka → enterprise's consumer → ineligible.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2e' });
let system: RunningSystem;
let portal: ReturnType<typeof graphqlClient>;
let independent: Consumer;
let kafka: KafkaConnection;
const seenOnTopic: Array<{ key: string; value: unknown }> = [];

beforeAll(async () => {
  kafka = await testing.requireKafka(config);
  await freshDatabases(config);
  system = await startSystem(config);
  portal = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'clerk-001',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.cardFreeze} ${SCOPES.enterpriseRegister}`,
    }),
  );
  // A consumer outside the services: proves the event really is on the topic as CloudEvents JSON.
  // It is closed after the first test, before Kafka is stopped on purpose.
  independent = new Kafka({ clientId: 'e2e-observer', ...kafka, logLevel: logLevel.NOTHING }).consumer({
    groupId: `e2e-observer-${randomUUID()}`,
  });
  await independent.connect();
  await independent.subscribe({ topic: TOPICS.identityCards, fromBeginning: false });
  await independent.run({
    eachMessage: async ({ message }) => void seenOnTopic.push({ key: message.key!.toString(), value: JSON.parse(message.value!.toString()) }),
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** Waits until a consumer group has committed every message on the topic (so a duplicate has been seen). */
async function consumerCaughtUp(groupId: string, topic: string) {
  const admin = new Kafka({ clientId: 'e2e-admin', ...kafka, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await testing.eventually(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        // A partition the group never read has committed offset -1; it is caught up when it is empty.
        const committedOf = (partition: number) => Math.max(0, Number(committed!.partitions.find((p) => p.partition === partition)?.offset ?? -1));
        const behind = ends.some((end) => committedOf(end.partition) < Number(end.high));
        return behind ? undefined : true;
      },
      30_000,
      `${groupId} to consume all of ${topic}`,
    );
  } finally {
    await admin.disconnect();
  }
}

async function registerWithCard(n: number) {
  const uscc = usccFor(n);
  const registered = await portal(REGISTER, {
    input: { uscc, name: `邢台第${n}建筑公司`, type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '李四' },
  });
  expect(registered.errors).toBeUndefined();
  return { uscc, card: await waitForEnterpriseCard(portal, uscc) };
}

it('freeze → ineligible with the reason → unfreeze → eligible, through the gateway', async () => {
  const { uscc, card } = await registerWithCard(1);
  expect((await waitForEligibility(portal, uscc, true)).reasons).toEqual([]);

  const frozen = await portal<{ freezeRealNameCard: { status: string } }>(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
  expect(frozen.data?.freezeRealNameCard.status).toBe('FROZEN');
  const ineligible = await waitForEligibility(portal, uscc, false);
  expect(ineligible.reasons).toEqual([
    expect.objectContaining({
      code: 'ENTERPRISE_CARD_FROZEN',
      message: expect.stringContaining(DECISION.legalBasis),
      source: expect.stringMatching(/^identity:cn\.yikatong\.identity\.card\.frozen\.v1#/),
    }),
  ]);

  const onTopic = await testing.eventually(
    async () => seenOnTopic.find((m) => m.key === card.id && (m.value as { type: string }).type.endsWith('card.frozen.v1')),
    15_000,
    'frozen event on the topic',
  );
  const envelope = cloudEventSchema.parse(onTopic.value);
  expect(envelope).toMatchObject({
    specversion: '1.0',
    source: '/yikatong/identity',
    subject: card.id,
    data: { cardNumber: card.number, enterpriseUscc: uscc, ...DECISION },
  });
  await independent.disconnect();

  const unfrozen = await portal<{ unfreezeRealNameCard: { status: string } }>(UNFREEZE, {
    input: { cardNumber: card.number, ...DECISION, reason: '已整改到位' },
  });
  expect(unfrozen.data?.unfreezeRealNameCard.status).toBe('ACTIVE');
  expect((await waitForEligibility(portal, uscc, true)).reasons).toEqual([]);
});

it('refuses bad input through the gateway with stable codes and writes nothing', async () => {
  const { card } = await registerWithCard(2);
  const outboxBefore = await withDatabase(
    config,
    'identity',
    async (db) => (await db.query('SELECT count(*)::int AS n FROM outbox_event')).rows[0].n as number,
  );

  const bystander = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'viewer', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }),
  );
  const forbidden = await bystander(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
  expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const unknown = await portal(FREEZE, { input: { cardNumber: 'YK00000000000000', ...DECISION } });
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_FOUND', field: 'cardNumber' });

  const badUscc = await portal(REGISTER, {
    input: { uscc: '91350100M000100Y44', name: '坏代码公司', type: 'SUBCONTRACTOR', regionCode: '130502', legalRepresentative: '王五' },
  });
  expect(badUscc.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_USCC', field: 'uscc' });

  await portal(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
  const twice = await portal(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
  expect(twice.errors?.[0]?.extensions?.code).toBe('CARD_ALREADY_FROZEN');

  const anonymous = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
    body: '{"query":"{ __typename }"}',
  });
  expect(anonymous.status).toBe(401);

  const outboxAfter = await withDatabase(config, 'identity', async (db) => (await db.query('SELECT count(*)::int AS n FROM outbox_event')).rows[0].n as number);
  expect(outboxAfter).toBe(outboxBefore + 1); // only the one successful freeze
  const enterprises = await withDatabase(
    config,
    'enterprise',
    async (db) => (await db.query("SELECT count(*)::int AS n FROM enterprise WHERE uscc = '91350100M000100Y44'")).rows[0].n as number,
  );
  expect(enterprises).toBe(0);
});

it('a freeze made while Kafka is down arrives once Kafka is back, and a redelivered event is applied once', async () => {
  const { uscc, card } = await registerWithCard(3);
  await waitForEligibility(portal, uscc, true);

  runInfra('down');
  try {
    const frozen = await portal<{ freezeRealNameCard: { status: string } }>(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
    expect(frozen.data?.freezeRealNameCard.status).toBe('FROZEN');
    const pending = await withDatabase(
      config,
      'identity',
      async (db) =>
        (await db.query("SELECT count(*)::int AS n FROM outbox_event WHERE key = $1 AND type LIKE '%card.frozen.v1' AND published_at IS NULL", [card.id]))
          .rows[0].n as number,
    );
    expect(pending).toBe(1);
  } finally {
    runInfra('up');
  }
  await waitForEligibility(portal, uscc, false, 90_000);

  // Deliver the same event again, from outside, as Kafka may after a consumer restart.
  const envelope = await withDatabase(
    config,
    'identity',
    async (db) =>
      (await db.query("SELECT payload FROM outbox_event WHERE key = $1 AND type LIKE '%card.frozen.v1'", [card.id])).rows[0].payload as { id: string },
  );
  const producer = new Kafka({ clientId: 'e2e-redeliver', ...kafka, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic: TOPICS.identityCards, messages: [{ key: card.id, value: JSON.stringify(envelope) }] });
  await producer.disconnect();
  await consumerCaughtUp('enterprise.eligibility', TOPICS.identityCards);
  const applied = await withDatabase(config, 'enterprise', async (db) => ({
    processed: (await db.query('SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1', [envelope.id])).rows[0].n as number,
    changes: (await db.query('SELECT count(*)::int AS n FROM eligibility_change WHERE uscc = $1', [uscc])).rows[0].n as number,
  }));
  expect(applied).toEqual({ processed: 1, changes: 1 });
  expect((await waitForEligibility(portal, uscc, false)).reasons).toHaveLength(1);
}, 180_000);
