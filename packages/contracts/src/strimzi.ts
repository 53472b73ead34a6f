import { brokerTopics, kafkaUsers } from './kafka-users';

/**
 * The topics and Kafka users as a Strimzi operator declares them (`KafkaTopic`, `KafkaUser` with
 * SCRAM-SHA-512 and `simple` authorization), from the same declaration infra applies to the local
 * broker. Committed as packages/contracts/strimzi.json (a Kubernetes List); a test fails when it is stale.
 */
export const STRIMZI_CLUSTER = 'yikatong';
const STRIMZI_API = 'kafka.strimzi.io/v1beta2';

export function strimziResources(): Record<string, unknown> {
  const labels = { 'strimzi.io/cluster': STRIMZI_CLUSTER };
  const topics = Object.entries(brokerTopics()).map(([topic, partitions]) => ({
    apiVersion: STRIMZI_API,
    kind: 'KafkaTopic',
    metadata: { name: topic, labels },
    spec: { topicName: topic, partitions, replicas: 3, config: { 'min.insync.replicas': 2 } },
  }));
  const users = kafkaUsers().map((user) => ({
    apiVersion: STRIMZI_API,
    kind: 'KafkaUser',
    metadata: { name: user.name, labels, annotations: { 'yikatong.cn/description': user.description } },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls: user.acls.map((acl) => ({ resource: acl.resource, operations: acl.operations, host: '*' })) },
    },
  }));
  return { apiVersion: 'v1', kind: 'List', items: [...topics, ...users] };
}

export const strimziText = () => `${JSON.stringify(strimziResources(), null, 2)}\n`;
