import { InMemoryEventBus, type Principal, principalFromClaims, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadIdentityConfig } from '../../src/config';
import { createIdentityContext } from '../../src/context';
import { issueEnterpriseCard } from '../../src/domain/card';
import { createIdentityService } from '../../src/service';
import { saveCardChange } from '../../src/store/cards';

const config = loadIdentityConfig({ ...testing.testConfig(), IDENTITY_PORT: '0' } as never);
const bus = new InMemoryEventBus();
const clock = testing.testClock();
const service = createIdentityService(config, bus, { clock });
const db = service.db;

const portal = (scope: string, regions = ['130500']): Principal =>
  principalFromClaims({ sub: 'clerk-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions, scope });
const freezer = portal(SCOPES.cardFreeze);

const execute = (query: string, variables: Record<string, unknown>, principal: Principal | null) =>
  testing.runOperation(
    service.subgraph.apollo,
    query,
    variables,
    createIdentityContext(principal, service.deps, () => undefined),
  );

const FREEZE = `mutation ($input: CardStatusChangeInput!) { freezeRealNameCard(input: $input) { number status history { action actor reason legalBasis authority } } }`;
const UNFREEZE = `mutation ($input: CardStatusChangeInput!) { unfreezeRealNameCard(input: $input) { status } }`;
const decision = { reason: '拒不改正欠薪行为', legalBasis: '《保障农民工工资支付条例》第五十五条', authority: '邢台市住房和城乡建设局' };

async function snapshot(cardId: string) {
  const [card, history, outbox] = await Promise.all([
    db.realNameCard.findUniqueOrThrow({ where: { id: cardId } }),
    db.cardStatusChange.count({ where: { cardId } }),
    db.outboxEvent.count(),
  ]);
  return { status: card.status, version: card.version, history, outbox };
}

let cardId: string;
let cardNumber: string;

beforeAll(async () => {
  await testing.requirePostgres(config, 'identity');
  await db.$executeRawUnsafe('TRUNCATE card_status_change, real_name_card, outbox_event, processed_event CASCADE');
});

beforeEach(async () => {
  const issued = issueEnterpriseCard(
    { uscc: '91350100M000100Y43', name: '邢台建工', regionCode: '130502' },
    { reason: 'registered', legalBasis: '实名制管理办法', authority: 'registry', actor: 'test' },
    clock.now(),
  );
  await db.$transaction((tx) => saveCardChange(tx, issued));
  cardId = issued.card.id;
  cardNumber = issued.card.number;
});

afterAll(async () => {
  await db.$disconnect();
  await bus.close();
});

describe('freezing a real-name card', () => {
  it('freezes with reason, legal basis and authority, and writes the event in the same transaction', async () => {
    const before = await snapshot(cardId);
    const result = await execute(FREEZE, { input: { cardNumber, ...decision } }, freezer);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      freezeRealNameCard: { status: 'FROZEN', history: [{ action: 'ISSUE' }, { action: 'FREEZE', actor: 'clerk-1', ...decision }] },
    });
    expect(await snapshot(cardId)).toEqual({ status: 'FROZEN', version: 2, history: 2, outbox: before.outbox + 1 });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { key: cardId, type: 'cn.yikatong.identity.card.frozen.v1' } });
    expect(event.topic).toBe('yikatong.identity.cards');
    expect(event.payload).toMatchObject({ specversion: '1.0', subject: cardId, data: { cardNumber, version: 2, ...decision, actor: 'clerk-1' } });
  });

  it('unfreezes a frozen card', async () => {
    await execute(FREEZE, { input: { cardNumber, ...decision } }, freezer);
    const result = await execute(UNFREEZE, { input: { cardNumber, ...decision, reason: '已整改到位' } }, freezer);
    expect(result.data).toEqual({ unfreezeRealNameCard: { status: 'ACTIVE' } });
    expect(await snapshot(cardId)).toMatchObject({ status: 'ACTIVE', version: 3, history: 3 });
  });

  it.each([
    ['no token', null, 'UNAUTHENTICATED'],
    ['a portal without the card:freeze permission', portal(''), 'FORBIDDEN'],
    ['a portal of another region', portal(SCOPES.cardFreeze, ['130100']), 'FORBIDDEN'],
    [
      'an enterprise, even with the scope',
      principalFromClaims({ sub: 'e', kind: 'ENTERPRISE', uscc: '91350100M000100Y43', scope: SCOPES.cardFreeze }),
      'FORBIDDEN',
    ],
  ])('refuses %s and writes nothing', async (_, principal, code) => {
    const before = await snapshot(cardId);
    const result = await execute(FREEZE, { input: { cardNumber, ...decision } }, principal);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await snapshot(cardId)).toEqual(before);
  });

  it('refuses an already frozen card with CARD_ALREADY_FROZEN and writes nothing', async () => {
    await execute(FREEZE, { input: { cardNumber, ...decision } }, freezer);
    const before = await snapshot(cardId);
    const result = await execute(FREEZE, { input: { cardNumber, ...decision } }, freezer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_ALREADY_FROZEN', field: 'cardNumber' });
    expect(await snapshot(cardId)).toEqual(before);
  });

  it('answers an unknown card with CARD_NOT_FOUND and a malformed number with INVALID_CARD_NUMBER', async () => {
    const unknown = await execute(FREEZE, { input: { cardNumber: 'YK00000000000000', ...decision } }, freezer);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_FOUND', field: 'cardNumber' });
    const malformed = await execute(FREEZE, { input: { cardNumber: 'YK123', ...decision } }, freezer);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CARD_NUMBER', field: 'cardNumber' });
  });

  it('requires a reason a clerk can read', async () => {
    const result = await execute(FREEZE, { input: { cardNumber, ...decision, reason: ' ' } }, freezer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
  });
});

describe('entity resolution (_entities)', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on RealNameCard { number status } ... on Enterprise { uscc realNameCards { number } } } }`;

  it('resolves a card and an enterprise for a portal of the region', async () => {
    const result = await execute(ENTITIES, { representations: [{ __typename: 'RealNameCard', id: cardId }] }, portal(''));
    expect(result.data).toEqual({ _entities: [{ number: cardNumber, status: 'ACTIVE' }] });
    const enterprise = await execute(ENTITIES, { representations: [{ __typename: 'Enterprise', uscc: '91350100M000100Y43' }] }, portal(''));
    expect((enterprise.data as { _entities: Array<{ realNameCards: unknown[] }> })._entities[0]!.realNameCards).toContainEqual({ number: cardNumber });
  });

  it("hides a card from another region's portal and another enterprise", async () => {
    const other = await execute(ENTITIES, { representations: [{ __typename: 'RealNameCard', id: cardId }] }, portal('', ['350100']));
    expect(other.data).toEqual({ _entities: [null] });
    const stranger = principalFromClaims({ sub: 'e', kind: 'ENTERPRISE', uscc: '91110000600037341L' });
    const result = await execute(ENTITIES, { representations: [{ __typename: 'Enterprise', uscc: '91350100M000100Y43' }] }, stranger);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
