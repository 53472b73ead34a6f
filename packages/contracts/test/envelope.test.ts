import { cardFrozenV1, createEvent, enrolmentStartedV1, enterpriseRegisteredV1, parseEvent, TOPIC_PARTITIONS, TOPICS } from '../src';

const data = {
  cardId: '7d1f6a4e-2b7a-4a53-9a57-0d0f3c1f2a10',
  cardNumber: 'YK12345678901234',
  holderKind: 'ENTERPRISE' as const,
  enterpriseUscc: '91350100M000100Y43',
  regionCode: '130502',
  version: 2,
  reason: 'r',
  legalBasis: 'l',
  authority: 'a',
  actor: 'clerk',
  at: '2026-11-25T08:00:00.000Z',
};

describe('CloudEvents envelope', () => {
  it('builds a CloudEvents 1.0 envelope keyed by the aggregate', () => {
    const event = createEvent(cardFrozenV1, '/yikatong/identity', data.cardId, data, new Date(data.at));
    expect(event).toMatchObject({
      specversion: '1.0',
      time: data.at,
      type: 'cn.yikatong.identity.card.frozen.v1',
      subject: data.cardId,
      datacontenttype: 'application/json',
    });
    expect(parseEvent(cardFrozenV1, JSON.parse(JSON.stringify(event))).data).toEqual({ ...data, personId: null });
  });

  it('refuses data that breaks the schema and events of another type', () => {
    expect(() => createEvent(cardFrozenV1, '/x', 's', { ...data, version: 0 }, new Date(data.at))).toThrow();
    const registered = createEvent(
      enterpriseRegisteredV1,
      '/x',
      's',
      {
        uscc: '91350100M000100Y43',
        name: 'n',
        type: 'GENERAL_CONTRACTOR',
        regionCode: '130502',
        registeredAt: data.at,
      },
      new Date(data.at),
    );
    expect(() => parseEvent(cardFrozenV1, registered)).toThrow(/expected event type/);
  });

  it('reads an enrolment published before registeredLateByDays existed as registered in time', () => {
    const older = createEvent(
      enrolmentStartedV1,
      '/x',
      's',
      {
        enrolmentId: data.cardId,
        workerId: data.cardId,
        projectId: data.cardId,
        employerUscc: '91350100M000100Y43',
        regionCode: '130502',
        tradeCode: 'REBAR',
        contractType: 'LABOUR_CONTRACT',
        rateKind: 'DAILY',
        rateFen: 30_000,
        employmentKind: 'FULL_TIME',
        team: null,
        startDate: '2026-11-01',
        endDate: null,
      },
      new Date(data.at),
    );
    const { registeredLateByDays: _, ...withoutField } = older.data;
    expect(parseEvent(enrolmentStartedV1, { ...older, data: withoutField }).data.registeredLateByDays).toBe(0);
  });

  it('declares every topic with its partitions', () => {
    expect(Object.values(TOPICS).every((topic) => TOPIC_PARTITIONS[topic] > 0)).toBe(true);
  });
});
