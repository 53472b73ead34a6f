import { createEvent, TOPICS, wageCardChangedV1 } from '@yikatong/contracts';
import { type DeadLetter, type DeliveredMessage } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { randomUUID } from 'node:crypto';
import { createPayrollHarness } from '../support/harness';

/**
 * A wage-card event payroll cannot apply goes to the dead-letter topic as where it is (topic,
 * partition, offset), its id and type and the error — never with the card number and name.
 */
const harness = createPayrollHarness();
const CARD = '6222021234567890128';

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it('dead-letters a wage-card event without its card number or holder name', async () => {
  const workerId = randomUUID();
  const valid = createEvent(
    wageCardChangedV1,
    '/test',
    workerId,
    {
      workerId,
      holderName: '刘海军',
      bankCode: 'ICBC',
      cardNumber: CARD,
      luhnValid: true,
      version: 1,
      changedAt: harness.clock.now().toISOString(),
    },
    harness.clock.now(),
  );
  // A version of 0 breaks the schema: payroll dead-letters it at once.
  const broken = JSON.stringify({ ...valid, data: { ...valid.data, version: 0 } });
  const letters: DeliveredMessage[] = [];
  const reader = await harness.bus.subscribe({
    groupId: `letters.${randomUUID()}`,
    topics: [TOPICS.deadLetter],
    fromBeginning: true,
    handler: async (message) => {
      letters.push(message);
    },
  });
  try {
    await harness.bus.publish([{ topic: TOPICS.identityWageCards, key: workerId, value: broken }]);
    const letter = await testing.eventually(async () => letters.find((message) => message.value.includes(valid.id)), 10_000, 'the dead letter');
    const parsed = JSON.parse(letter.value) as DeadLetter;
    expect(parsed).toMatchObject({
      consumer: 'payroll.facts',
      topic: TOPICS.identityWageCards,
      partition: 0,
      key: workerId,
      eventId: valid.id,
      type: wageCardChangedV1.type,
    });
    expect(parsed.value).toBeUndefined();
    expect(letter.value).not.toContain(CARD);
    expect(letter.value).not.toContain('刘海军');
    // The event itself is still where the letter says: the replay reads it from there.
    expect((await harness.bus.readMessage(parsed.topic, parsed.partition, parsed.offset))?.value).toBe(broken);
  } finally {
    await reader.close();
  }
});
