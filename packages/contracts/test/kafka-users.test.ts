import {
  BANK_CODES,
  bankKafkaUser,
  brokerTopics,
  disbursementTopic,
  kafkaUsers,
  PERSONAL_DATA_TOPICS,
  SERVICE_NAMES,
  TOPIC_READERS,
  TOPICS,
  topicWriter,
  type KafkaUser,
} from '../src';

const users = new Map(kafkaUsers().map((user) => [user.name, user]));
const rules = (user: KafkaUser, type: 'topic' | 'group', operation: 'Read' | 'Write') =>
  user.acls.filter((acl) => acl.resource.type === type && acl.operations.includes(operation)).map((acl) => acl.resource);
/** Whether a user's rules reach a topic (a prefix rule reaches every topic it begins). */
const reaches = (user: KafkaUser, operation: 'Read' | 'Write', topic: string) =>
  rules(user, 'topic', operation).some((resource) => (resource.patternType === 'literal' ? resource.name === topic : topic.startsWith(resource.name)));

it('gives every bank a topic of its own on the broker, in place of the shared one', () => {
  const topics = Object.keys(brokerTopics());
  expect(topics).not.toContain(TOPICS.payrollDisbursements);
  expect(topics).toEqual(expect.arrayContaining(BANK_CODES.map(disbursementTopic)));
  expect(disbursementTopic('ICBC')).toBe('yikatong.payroll.disbursements.icbc');
});

it("lets a bank read its own instructions and the public verdicts, and nobody else's", () => {
  for (const bank of BANK_CODES) {
    const user = users.get(bankKafkaUser(bank))!;
    const readable = Object.keys(brokerTopics()).filter((topic) => reaches(user, 'Read', topic));
    expect(readable.sort()).toEqual([disbursementTopic(bank), TOPICS.enterpriseEligibility].sort());
    expect(Object.keys(brokerTopics()).filter((topic) => reaches(user, 'Write', topic))).toEqual([]);
    expect(rules(user, 'group', 'Read')).toEqual([{ type: 'group', name: `${bankKafkaUser(bank)}.`, patternType: 'prefix' }]);
  }
});

it('lets each service write its own topics and the dead letters, and read what TOPIC_READERS gives it', () => {
  for (const service of SERVICE_NAMES) {
    const user = users.get(service)!;
    for (const topic of Object.keys(brokerTopics())) {
      const family = Object.values(TOPICS).find((declared) => topic === declared || topic.startsWith(`${declared}.`))!;
      expect([topic, reaches(user, 'Write', topic)]).toEqual([topic, topicWriter(family) === service || topic === TOPICS.deadLetter]);
      expect([topic, reaches(user, 'Read', topic)]).toEqual([topic, TOPIC_READERS[family].includes(service)]);
    }
  }
});

it('lets no one but payroll, the banks and the operators read a topic of personal data', () => {
  const personal = Object.keys(brokerTopics()).filter((topic) =>
    PERSONAL_DATA_TOPICS.some((declared) => topic === declared || topic.startsWith(`${declared}.`)),
  );
  for (const user of kafkaUsers()) {
    const allowed = user.name === 'payroll' || user.name.startsWith('bank-') || user.name === 'operator';
    if (!allowed) expect([user.name, personal.filter((topic) => reaches(user, 'Read', topic))]).toEqual([user.name, []]);
  }
});
