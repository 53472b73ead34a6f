import { z } from 'zod';
import { cloudEventSchema, type EventDefinition } from './envelope';
import { EVENT_CATALOGUE } from './events/catalogue';
import { BANK_CODES, disbursementTopic } from './banks';
import { PERSONAL_DATA_TOPICS, TOPIC_PARTITIONS, TOPIC_READERS, TOPICS, topicWriter, type TopicName, type TopicReader } from './topics';

/**
 * The AsyncAPI 3.0 document of every topic and event, generated from the definitions in this
 * package (the event schemas, TOPICS, TOPIC_READERS) so nothing is written twice. Committed as
 * packages/contracts/asyncapi.json; a test fails when it is stale (`npm run documents -w @yikatong/contracts`).
 */

type Json = Record<string, unknown>;

/** JSON Schema (draft 7, the base of AsyncAPI's schema format) of a zod schema, without its $schema line. */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' });
  return rest;
}

/** A name usable as a component key: the event type without its common prefix, e.g. identity.card.frozen.v1. */
const messageId = (definition: EventDefinition) => definition.type.replace(/^cn\.yikatong\./, '');
const channelId = (topic: TopicName) => topic.replace(/^yikatong\./, '');

/** The CloudEvents envelope with this event's type and data. */
function envelopeSchema(definition: EventDefinition): Json {
  const envelope = jsonSchema(cloudEventSchema);
  const properties = { ...(envelope.properties as Json), type: { type: 'string', const: definition.type }, data: jsonSchema(definition.data) };
  return { ...envelope, properties };
}

function readerDescription(reader: TopicReader): string {
  if (reader === 'banks') return 'the banks (their payment instructions)';
  if (reader === 'trading-platforms') return 'public-resource trading platforms';
  if (reader === 'operators') return 'operators replaying dead letters (npm run dlq:replay)';
  return `the ${reader} service`;
}

function channelDescription(topic: TopicName): string {
  const writer = topicWriter(topic);
  const readers = TOPIC_READERS[topic];
  const personal = PERSONAL_DATA_TOPICS.includes(topic) ? ' Carries personal data (card numbers, names): no one else may read it.' : '';
  return (
    `Written by ${writer ? `the ${writer} service` : 'every consumer (events it could not apply)'}; read by ${readers.length ? readers.map(readerDescription).join(', ') : 'no one yet'}. ` +
    `Keyed by the aggregate id, so one aggregate's events stay in order.${personal}`
  );
}

const DEAD_LETTER_SCHEMA: Json = {
  type: 'object',
  required: ['consumer', 'topic', 'partition', 'offset', 'key', 'error', 'failedAt'],
  properties: {
    consumer: { type: 'string' },
    topic: { type: 'string' },
    partition: { type: 'integer' },
    offset: { type: 'string' },
    key: { type: 'string' },
    error: { type: 'string' },
    eventId: { type: 'string' },
    type: { type: 'string' },
    failedAt: { type: 'string', format: 'date-time' },
    value: { type: 'string', description: 'The event as it arrived; absent for topics of personal data (read it again from topic, partition and offset).' },
  },
};

export function asyncApiDocument(): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const topic of Object.values(TOPICS)) {
    const id = channelId(topic);
    const events = EVENT_CATALOGUE.filter((definition) => definition.topic === topic);
    const channelMessages = Object.fromEntries(
      topic === TOPICS.deadLetter
        ? [['deadLetter', { $ref: '#/components/messages/deadLetter' }]]
        : events.map((definition) => [messageId(definition), { $ref: `#/components/messages/${messageId(definition)}` }]),
    );
    channels[id] =
      topic === TOPICS.payrollDisbursements
        ? {
            // One topic per connected bank, read by that bank alone.
            address: `${topic}.{bank}`,
            description: `${channelDescription(topic)} Each bank has its own topic (e.g. ${disbursementTopic('ICBC')}) and reads no other.`,
            parameters: { bank: { enum: BANK_CODES.map((bank) => bank.toLowerCase()), description: 'The bank code in lower case (CONNECTED_BANKS).' } },
            messages: channelMessages,
            bindings: { kafka: { partitions: TOPIC_PARTITIONS[topic], bindingVersion: '0.5.0' } },
          }
        : {
            address: topic,
            description: channelDescription(topic),
            messages: channelMessages,
            bindings: { kafka: { topic, partitions: TOPIC_PARTITIONS[topic], bindingVersion: '0.5.0' } },
          };
    const references = Object.keys(channelMessages).map((name) => ({ $ref: `#/channels/${id}/messages/${name}` }));
    const writer = topicWriter(topic);
    if (writer)
      operations[`${writer}.send.${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `${writer} publishes (transactional outbox: at least once).`,
        messages: references,
      };
    for (const reader of TOPIC_READERS[topic]) {
      operations[`${reader}.receive.${id}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        summary: `${readerDescription(reader)} consume${reader === 'banks' ? '' : 's'} (deduplicate by the event id).`,
        messages: references,
      };
    }
  }
  for (const definition of EVENT_CATALOGUE) {
    messages[messageId(definition)] = {
      name: definition.type,
      title: definition.type,
      contentType: 'application/cloudevents+json',
      headers: { type: 'object', properties: { 'content-type': { type: 'string', const: 'application/cloudevents+json' } } },
      payload: envelopeSchema(definition),
      bindings: { kafka: { key: { type: 'string', description: 'The aggregate id (the CloudEvents subject).' }, bindingVersion: '0.5.0' } },
    };
  }
  messages.deadLetter = { name: 'dead-letter', title: 'A consumer could not apply an event', contentType: 'application/json', payload: DEAD_LETTER_SCHEMA };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Yikatong events',
      version: '1.0.0',
      description:
        'Every event of the real-name labour and wage-protection system (建筑劳务实名制一卡通): CloudEvents 1.0 JSON on Kafka, ' +
        'one topic per aggregate family, versioned types (a breaking change is a new .vN type). Generated from packages/contracts.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      development: {
        host: '127.0.0.1:9092',
        protocol: 'kafka-secure',
        description: 'npm run infra:up: TLS (the CA in infra/.kafka/broker-9092/credentials/ca.crt) and SASL/SCRAM-SHA-512',
        security: [{ $ref: '#/components/securitySchemes/scram' }],
      },
    },
    channels,
    operations,
    components: {
      messages,
      securitySchemes: {
        scram: {
          type: 'scramSha512',
          description: 'One Kafka user per service, per bank, for trading platforms and for operators, with ACLs (packages/contracts/src/kafka-users.ts).',
        },
      },
    },
  };
}

/** The committed file's text: stable key order, two-space indent, a final newline. */
export const asyncApiText = () => `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
