import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  BANK_CODES,
  bankKafkaUser,
  cloudEventSchema,
  createEvent,
  disbursementRequestedV1,
  disbursementTopic,
  kafkaUsers,
  TOPICS,
  type BankCode,
} from '@yikatong/contracts';
import { kafkaCaFile, type KafkaConnection } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';

/**
 * The broker npm test starts takes SASL/SCRAM over TLS only, with the users and ACLs declared in
 * packages/contracts (kafka-users.ts): each bank reads its own payment instructions and nothing
 * personal besides, a service writes only its own topics, and no one gets in without a password.
 */
const config = testing.testConfig();
const quiet = { logLevel: logLevel.NOTHING, retry: { retries: 0 } };
const as = (user: string) => testing.requireKafka(config, user);

async function subscribeAs(connection: KafkaConnection, topic: string, groupId = `${connection.sasl.username}.access-${randomUUID()}`) {
  const consumer = new Kafka({ clientId: 'access-test', ...connection, ...quiet }).consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
  } finally {
    await consumer.disconnect();
  }
}

/**
 * Tries to join a consumer group on a topic: resolves once joined, else rejects with the broker's
 * error codes on the way (kafkajs itself reports a refused group only as "Failed to find group coordinator").
 */
async function joinAs(connection: KafkaConnection, topic: string, groupId: string) {
  const brokerErrors: string[] = [];
  const kafka = new Kafka({
    clientId: 'access-test',
    ...connection,
    // A first group on a fresh broker waits for the offsets topic (GROUP_COORDINATOR_NOT_AVAILABLE, retried).
    retry: { retries: 8, initialRetryTime: 300 },
    logLevel: logLevel.DEBUG,
    logCreator: () => (entry) => {
      const type = (entry.log.error as { type?: string } | undefined)?.type;
      if (type) brokerErrors.push(type);
    },
  });
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const refused = () => reject(new Error(`not joined: ${[...new Set(brokerErrors)].join(', ')}`));
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      consumer.on(consumer.events.CRASH, refused);
      consumer.run({ eachMessage: async () => undefined }).catch(refused);
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Sends one message; returns where it landed. */
async function sendAs(connection: KafkaConnection, topic: string, value: string) {
  const producer = new Kafka({ clientId: 'access-test', ...connection, ...quiet }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const [landed] = await producer.send({ topic, acks: -1, messages: [{ key: 'access-test', value }] });
    return { partition: landed!.partition, offset: landed!.baseOffset ?? '0' };
  } finally {
    await producer.disconnect();
  }
}

function instruction(bank: BankCode) {
  return createEvent(
    disbursementRequestedV1,
    'urn:yikatong:payroll',
    randomUUID(),
    {
      lineId: randomUUID(),
      batchId: randomUUID(),
      sheetId: randomUUID(),
      projectId: randomUUID(),
      period: '2026-11',
      workerId: randomUUID(),
      holderName: '张三',
      bankCode: bank,
      cardNumber: '6222021234567890128',
      amountFen: '560000',
      payerBankCode: bank,
      payerAccountNumber: '0406000119000012345',
      requestedAt: '2026-12-01T02:00:00.000Z',
    },
    new Date('2026-12-01T02:00:00.000Z'),
  );
}

it('every user of the declaration can sign in, and each bank reads its own instructions only', async () => {
  expect(kafkaUsers().map((user) => user.name)).toEqual(expect.arrayContaining(BANK_CODES.map(bankKafkaUser)));
  for (const bank of BANK_CODES) {
    const connection = await as(bankKafkaUser(bank));
    await expect(subscribeAs(connection, disbursementTopic(bank))).resolves.toBeUndefined();
    for (const other of BANK_CODES.filter((code) => code !== bank)) {
      await expect(subscribeAs(connection, disbursementTopic(other))).rejects.toThrow(/Topic authorization failed/);
    }
    for (const personal of [TOPICS.identityWorkers, TOPICS.identityWageCards, TOPICS.identityCards, TOPICS.welfareComplaints]) {
      await expect(subscribeAs(connection, personal)).rejects.toThrow(/Topic authorization failed/);
    }
    // The public verdicts, yes; but only in the bank's own consumer groups.
    await expect(subscribeAs(connection, TOPICS.enterpriseEligibility)).resolves.toBeUndefined();
    await expect(joinAs(connection, disbursementTopic(bank), `${bankKafkaUser(bank)}.access-${randomUUID()}`)).resolves.toBeUndefined();
    await expect(joinAs(connection, disbursementTopic(bank), `payroll.${randomUUID()}`)).rejects.toThrow(/GROUP_AUTHORIZATION_FAILED/);
  }
});

it('a service writes its own topics and no other', async () => {
  const payroll = await as('payroll');
  const welfare = await as('welfare');
  await expect(sendAs(payroll, TOPICS.payrollWarnings, '{}')).resolves.toMatchObject({ partition: expect.any(Number) });
  await expect(sendAs(payroll, TOPICS.identityCards, '{}')).rejects.toThrow(/Topic authorization failed/);
  await expect(sendAs(welfare, disbursementTopic('ICBC'), '{}')).rejects.toThrow(/Topic authorization failed/);
  // Nor reads what it does not consume: welfare never sees a card number.
  await expect(subscribeAs(welfare, TOPICS.identityWageCards)).rejects.toThrow(/Topic authorization failed/);
});

it('no one gets in without TLS and a valid password', async () => {
  const payroll = await as('payroll');
  const connect = async (settings: Partial<KafkaConnection> & Pick<KafkaConnection, 'brokers'>) => {
    const admin = new Kafka({ clientId: 'access-test', ...settings, ...quiet, connectionTimeout: 3_000, authenticationTimeout: 3_000 }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
  await expect(connect({ brokers: payroll.brokers, ssl: payroll.ssl })).rejects.toThrow();
  await expect(connect({ brokers: payroll.brokers, sasl: payroll.sasl })).rejects.toThrow();
  // A new sasl object: kafkajs keeps the first credentials on the one it was given (its authenticationProvider).
  const wrongPassword = { mechanism: 'scram-sha-512' as const, username: 'payroll', password: 'not-the-password' };
  await expect(connect({ ...payroll, sasl: wrongPassword })).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  await expect(connect({ ...payroll, ssl: true })).rejects.toThrow(/certificate/);
  await expect(connect(payroll)).resolves.toBeUndefined();
});

it("Debian's kcat, with bank ICBC's credentials, reads ICBC's instructions as CloudEvents JSON", async () => {
  const kcat = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
  if (kcat.error) throw new Error('kcat is not installed; install it with: apt-get install -y kcat');
  const event = instruction('ICBC');
  const landed = await sendAs(await as('payroll'), disbursementTopic('ICBC'), JSON.stringify(event));
  const icbc = await as(bankKafkaUser('ICBC'));
  // Just the one message (the topic may hold many from other runs).
  const read = (topic: string) =>
    spawnSync(
      'kcat',
      [
        '-C',
        '-b',
        icbc.brokers.join(','),
        '-t',
        topic,
        '-p',
        String(landed.partition),
        '-o',
        landed.offset,
        '-c',
        '1',
        '-e',
        '-q',
        '-f',
        '%s\\n',
        '-X',
        'security.protocol=SASL_SSL',
        '-X',
        'sasl.mechanisms=SCRAM-SHA-512',
        '-X',
        `sasl.username=${icbc.sasl.username}`,
        '-X',
        `sasl.password=${icbc.sasl.password}`,
        '-X',
        `ssl.ca.location=${kafkaCaFile(config)}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
  const own = read(disbursementTopic('ICBC'));
  expect(own.status).toBe(0);
  const mine = own.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => cloudEventSchema.parse(JSON.parse(line)))
    .find((received) => received.id === event.id);
  expect(mine).toMatchObject({ specversion: '1.0', type: disbursementRequestedV1.type, data: { cardNumber: '6222021234567890128', bankCode: 'ICBC' } });
  const other = read(disbursementTopic('CCB'));
  expect(other.status).not.toBe(0);
  expect(other.stderr).toMatch(/authoriz/i);
});
