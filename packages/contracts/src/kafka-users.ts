import { BANK_CODES, bankKafkaUser, disbursementTopic } from './banks';
import { SERVICE_NAMES, TOPIC_PARTITIONS, TOPIC_READERS, TOPICS, topicWriter, type ServiceName, type TopicName, type TopicReader } from './topics';

/**
 * Who may do what on the broker, declared once beside the topics: infra applies it to the local
 * broker (SCRAM users and StandardAuthorizer ACLs) and it renders as Strimzi `KafkaUser` resources
 * for production. The shape follows Strimzi's `simple` authorization, so each rule reads the same in
 * both places. Nothing not listed is allowed (`allow.everyone.if.no.acl.found=false`).
 */
export type AclOperation = 'Read' | 'Write' | 'Describe';

export interface KafkaAcl {
  resource: { type: 'topic' | 'group'; name: string; patternType: 'literal' | 'prefix' };
  operations: readonly AclOperation[];
}

export interface KafkaUser {
  /** The SASL/SCRAM-SHA-512 user name, also the principal `User:<name>` the ACLs name. */
  name: string;
  description: string;
  acls: readonly KafkaAcl[];
}

/** The local broker's superuser: infra creates topics, users and ACLs with it; tests that play several parties at once use it. */
export const KAFKA_ADMIN_USER = 'admin';

/** The user of public-resource trading platforms, which read eligibility verdicts only. */
export const TRADING_PLATFORM_KAFKA_USER = 'trading-platform';

/** The operators' user: the dead-letter replay reads letters (and the events they point at) and sends events back to their topics. */
export const OPERATOR_KAFKA_USER = 'operator';

/** The broker topics of a declared topic: itself, or for the banks' payment instructions one topic per connected bank. */
export function brokerTopicsOf(topic: TopicName): string[] {
  return topic === TOPICS.payrollDisbursements ? BANK_CODES.map(disbursementTopic) : [topic];
}

/** Every topic on the broker with its partition count. */
export function brokerTopics(): Record<string, number> {
  return Object.fromEntries(Object.values(TOPICS).flatMap((topic) => brokerTopicsOf(topic).map((name) => [name, TOPIC_PARTITIONS[topic]])));
}

const topicRule = (name: string, operations: readonly AclOperation[], patternType: 'literal' | 'prefix' = 'literal'): KafkaAcl => ({
  resource: { type: 'topic', name, patternType },
  operations,
});
const groupPrefix = (prefix: string): KafkaAcl => ({ resource: { type: 'group', name: prefix, patternType: 'prefix' }, operations: ['Read'] });

/** The topics a reader reads, as broker topics (no bank reads another bank's instructions). */
function topicsReadBy(reader: TopicReader): string[] {
  return Object.values(TOPICS).filter((topic) => TOPIC_READERS[topic].includes(reader) && topic !== TOPICS.payrollDisbursements);
}

function serviceUser(service: ServiceName): KafkaUser {
  const writes = Object.values(TOPICS)
    .filter((topic) => topicWriter(topic) === service)
    .flatMap(brokerTopicsOf);
  return {
    name: service,
    description: `The ${service} service: writes its own topics and the dead letters of its consumers, reads what it consumes.`,
    acls: [
      ...[...writes, TOPICS.deadLetter].map((topic) => topicRule(topic, ['Write', 'Describe'])),
      ...topicsReadBy(service).map((topic) => topicRule(topic, ['Read', 'Describe'])),
      groupPrefix(`${service}.`),
    ],
  };
}

function bankUser(bank: (typeof BANK_CODES)[number]): KafkaUser {
  const user = bankKafkaUser(bank);
  return {
    name: user,
    description: `Bank ${bank}: reads its own payment instructions and the public eligibility verdicts; its consumer groups start with "${user}.".`,
    acls: [
      topicRule(disbursementTopic(bank), ['Read', 'Describe']),
      ...topicsReadBy('banks').map((topic) => topicRule(topic, ['Read', 'Describe'])),
      groupPrefix(`${user}.`),
    ],
  };
}

/** Every Kafka user but the superuser, with its ACLs. */
export function kafkaUsers(): KafkaUser[] {
  return [
    ...SERVICE_NAMES.map(serviceUser),
    ...BANK_CODES.map(bankUser),
    {
      name: TRADING_PLATFORM_KAFKA_USER,
      description: 'Public-resource trading platforms: read the eligibility verdicts.',
      acls: [...topicsReadBy('trading-platforms').map((topic) => topicRule(topic, ['Read', 'Describe'])), groupPrefix(`${TRADING_PLATFORM_KAFKA_USER}.`)],
    },
    {
      name: OPERATOR_KAFKA_USER,
      description: 'Operators replaying dead letters (npm run dlq:replay): read every topic, send an event back to the topic it came from.',
      acls: [topicRule('yikatong.', ['Read', 'Write', 'Describe'], 'prefix'), groupPrefix('dead-letter-'), groupPrefix('read-message.')],
    },
  ];
}
