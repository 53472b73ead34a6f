import { z } from 'zod';
import { EVENT_CATALOGUE, PERSONAL_DATA_TOPICS, TOPIC_PARTITIONS, TOPIC_READERS, TOPICS, type EventDefinition } from '../src';

const definitions = EVENT_CATALOGUE;

/** Fields that make an event personal data: a person's name, ID number or phone, or a bank card (a card number beside a bank code). */
function personalFields(definition: EventDefinition): string[] {
  const schema = definition.data;
  if (!(schema instanceof z.ZodObject)) return [];
  const fields = Object.keys(schema.shape);
  const personal = fields.filter((field) => ['holderName', 'idNumber', 'phone'].includes(field));
  return fields.includes('bankCode') && fields.includes('cardNumber') ? [...personal, 'cardNumber'] : personal;
}

it('declares readers and partitions for every topic', () => {
  expect(Object.keys(TOPIC_READERS).sort()).toEqual(Object.values(TOPICS).sort());
  expect(Object.keys(TOPIC_PARTITIONS).sort()).toEqual(Object.values(TOPICS).sort());
  expect(new Set(definitions.map((definition) => definition.type)).size).toBe(definitions.length);
  expect(definitions.length).toBeGreaterThanOrEqual(29);
});

it('puts personal data (names, ID numbers, phones, bank cards) only on topics that payroll or the banks alone read', () => {
  const exposed = definitions
    .filter((definition) => personalFields(definition).length > 0)
    .filter((definition) => TOPIC_READERS[definition.topic].some((reader) => reader !== 'payroll' && reader !== 'banks'))
    .map(
      (definition) =>
        `${definition.type} on ${definition.topic} (${personalFields(definition).join(', ')}) is read by ${TOPIC_READERS[definition.topic].join(', ')}`,
    );
  expect(exposed).toEqual([]);
  expect([...new Set(definitions.filter((definition) => personalFields(definition).length > 0).map((definition) => definition.topic))].sort()).toEqual(
    [...PERSONAL_DATA_TOPICS].sort(),
  );
  expect(PERSONAL_DATA_TOPICS.flatMap((topic) => TOPIC_READERS[topic]).every((reader) => reader === 'payroll' || reader === 'banks')).toBe(true);
});
