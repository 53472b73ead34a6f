import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brokerTopics, kafkaUsers } from '../src';
import { strimziResources, strimziText } from '../src/strimzi';

it('is committed up to date (run `npm run documents -w @yikatong/contracts` after changing a topic or a Kafka user)', () => {
  expect(readFileSync(path.join(__dirname, '..', 'strimzi.json'), 'utf8')).toBe(strimziText());
});

it('declares every broker topic as a KafkaTopic and every user, with its ACLs, as a SCRAM KafkaUser', () => {
  const items = strimziResources().items as Array<{ kind: string; metadata: { name: string }; spec: Record<string, unknown> }>;
  expect(items.filter((item) => item.kind === 'KafkaTopic').map((item) => item.metadata.name)).toEqual(Object.keys(brokerTopics()));
  const users = items.filter((item) => item.kind === 'KafkaUser');
  expect(users.map((item) => item.metadata.name)).toEqual(kafkaUsers().map((user) => user.name));
  expect(users.find((item) => item.metadata.name === 'bank-icbc')?.spec).toEqual({
    authentication: { type: 'scram-sha-512' },
    authorization: {
      type: 'simple',
      acls: [
        { resource: { type: 'topic', name: 'yikatong.payroll.disbursements.icbc', patternType: 'literal' }, operations: ['Read', 'Describe'], host: '*' },
        { resource: { type: 'topic', name: 'yikatong.enterprise.eligibility', patternType: 'literal' }, operations: ['Read', 'Describe'], host: '*' },
        { resource: { type: 'group', name: 'bank-icbc.', patternType: 'prefix' }, operations: ['Read'], host: '*' },
      ],
    },
  });
});
