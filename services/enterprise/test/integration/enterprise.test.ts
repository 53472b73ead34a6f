import { randomUUID } from 'node:crypto';
import { cardFrozenV1, cardUnfrozenV1, createEvent } from '@yikatong/contracts';
import { callUnary, createLogger, databaseUrlFor, grpc, mintToken, principalFromClaims, SCOPES, startGrpcServer } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { startEnterpriseConsumers } from '../../src/events/consumers';
import { BiddingEligibilityService, biddingEligibilityImplementation } from '../../src/grpc/eligibility-server';
import { VerdictCache } from '../../src/store/verdict-cache';
import { createHarness } from '../support/harness';

const { config, bus, clock, db, execute, service } = createHarness();
const logger = createLogger('enterprise-test', 'warn');
const USCC = '91350100M000100Y43';
const registrar = principalFromClaims({ sub: 'clerk-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.enterpriseRegister });

const REGISTER = `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc biddingEligibility { eligible } } }`;
const ELIGIBILITY = `query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible reasons { code message source } } } }`;
const input = { uscc: USCC, name: '邢台建工集团', type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '张三' };

const counts = async () => ({ enterprises: await db.enterprise.count(), outbox: await db.outboxEvent.count() });

/** A card fact as identity publishes it, at the clock's time. */
function cardEvent(definition: typeof cardFrozenV1 | typeof cardUnfrozenV1, cardId: string, version: number) {
  return createEvent(
    definition,
    '/yikatong/identity',
    cardId,
    {
      cardId,
      cardNumber: 'YK12345678901234',
      holderKind: 'ENTERPRISE',
      enterpriseUscc: USCC,
      regionCode: '130502',
      version,
      reason: '欠薪',
      legalBasis: '第五十五条',
      authority: '住建局',
      actor: 'clerk-1',
      at: clock.now().toISOString(),
    },
    clock.now(),
  );
}

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe('TRUNCATE eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE');
});

afterAll(async () => {
  await bus.close();
  await db.$disconnect();
});

describe('registering an enterprise', () => {
  it('refuses an invalid USCC with INVALID_USCC on the uscc field and writes nothing', async () => {
    const before = await counts();
    const result = await execute(REGISTER, { input: { ...input, uscc: '91350100M000100Y44' } }, registrar);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_USCC', field: 'uscc' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a caller without the enterprise:register permission', async () => {
    const result = await execute(REGISTER, { input }, principalFromClaims({ sub: 'x', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('registers once, with its event in the outbox, and refuses a second registration', async () => {
    const result = await execute(REGISTER, { input: { ...input, uscc: USCC.toLowerCase() } }, registrar);
    expect(result.data).toEqual({ registerEnterprise: { uscc: USCC, biddingEligibility: { eligible: true } } });
    const registered = await db.outboxEvent.findMany({ where: { key: USCC, type: 'cn.yikatong.enterprise.enterprise.registered.v1' } });
    // Registered at the clock's time, not the database's.
    expect(registered.map((event) => event.payload)).toEqual([
      expect.objectContaining({ time: clock.now().toISOString(), data: expect.objectContaining({ registeredAt: clock.now().toISOString() }) }),
    ]);
    expect(await db.enterprise.findUniqueOrThrow({ where: { uscc: USCC } })).toMatchObject({ registeredAt: clock.now() });
    const again = await execute(REGISTER, { input }, registrar);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ENTERPRISE_ALREADY_REGISTERED', field: 'uscc' });
  });
});

describe('eligibility read model fed by card events', () => {
  const cardId = randomUUID();
  let subscription: { close(): Promise<void> };
  beforeAll(async () => {
    subscription = await startEnterpriseConsumers(bus, db, logger, () => undefined, service.deps.obligationPolicy);
  });
  afterAll(() => subscription.close());

  const verdict = async () =>
    (
      (await execute(ELIGIBILITY, { uscc: USCC }, registrar)).data as {
        enterprise: { biddingEligibility: { eligible: boolean; reasons: Array<{ code: string; source: string }> } };
      }
    ).enterprise.biddingEligibility;
  const processed = () => db.processedEvent.count({ where: { consumer: 'enterprise.eligibility' } });

  it('applies a frozen card once even when delivered twice', async () => {
    const frozen = cardEvent(cardFrozenV1, cardId, 2);
    const message = { topic: cardFrozenV1.topic, key: cardId, value: JSON.stringify(frozen) };
    await bus.publish([message, message]);
    await testing.eventually(async () => ((await processed()) === 1 && !(await verdict()).eligible ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await processed()).toBe(1);
    expect((await verdict()).reasons).toEqual([expect.objectContaining({ code: 'ENTERPRISE_CARD_FROZEN', source: `identity:${frozen.type}#${frozen.id}` })]);
    expect(await db.eligibilityChange.count({ where: { uscc: USCC } })).toBe(1);
  });

  it('ignores a stale fact and restores eligibility on a newer unfreeze', async () => {
    clock.advance({ minutes: 1 });
    await bus.publish([{ topic: cardUnfrozenV1.topic, key: cardId, value: JSON.stringify(cardEvent(cardUnfrozenV1, cardId, 1)) }]);
    await testing.eventually(async () => ((await processed()) === 2 ? true : undefined));
    expect((await verdict()).eligible).toBe(false);
    await bus.publish([{ topic: cardUnfrozenV1.topic, key: cardId, value: JSON.stringify(cardEvent(cardUnfrozenV1, cardId, 3)) }]);
    await testing.eventually(async () => ((await verdict()).eligible ? true : undefined));
    expect(await db.eligibilityChange.findMany({ where: { uscc: USCC }, orderBy: { at: 'asc' }, select: { eligible: true } })).toEqual([
      { eligible: false },
      { eligible: true },
    ]);
  });
});

describe('CheckBiddingEligibility over gRPC', () => {
  let server: Awaited<ReturnType<typeof startGrpcServer>>;
  let client: grpc.Client;
  const verdicts = new VerdictCache(db, databaseUrlFor(config, 'enterprise'), logger);
  beforeAll(async () => {
    await verdicts.start();
    server = await startGrpcServer(
      0,
      [{ definition: BiddingEligibilityService.service, implementation: biddingEligibilityImplementation(db, verdicts, clock, config, logger) }],
      grpc.ServerCredentials.createInsecure(),
    );
    client = new BiddingEligibilityService(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.close();
    await verdicts.stop();
  });
  const token = (scope: string) => mintToken(config, { sub: 'platform-1', kind: 'TRADING_PLATFORM', scope });

  it('answers the same verdict as the graph', async () => {
    const verdict = await callUnary<{ uscc: string; eligible: boolean; reasons: unknown[] }>(
      client,
      'CheckBiddingEligibility',
      { uscc: USCC },
      { token: await token(SCOPES.eligibilityCheck) },
    );
    expect(verdict).toMatchObject({ uscc: USCC, eligible: true, reasons: [] });
  });

  it('drops a cached verdict as soon as a change commits (PostgreSQL NOTIFY), so a check never answers a stale verdict', async () => {
    const ok = await token(SCOPES.eligibilityCheck);
    const check = () => callUnary<{ eligible: boolean; reasons: Array<{ code: string }> }>(client, 'CheckBiddingEligibility', { uscc: USCC }, { token: ok });
    expect((await check()).eligible).toBe(true);
    expect((await check()).eligible).toBe(true);
    const consumers = await startEnterpriseConsumers(bus, db, logger, () => undefined, service.deps.obligationPolicy);
    const cardId = randomUUID();
    await bus.publish([{ topic: cardFrozenV1.topic, key: cardId, value: JSON.stringify(cardEvent(cardFrozenV1, cardId, 2)) }]);
    await testing.eventually(async () => ((await check()).eligible ? undefined : true), 5_000, 'the cached verdict to be dropped');
    expect((await check()).reasons.map((reason) => reason.code)).toEqual(['ENTERPRISE_CARD_FROZEN']);
    await bus.publish([{ topic: cardUnfrozenV1.topic, key: cardId, value: JSON.stringify(cardEvent(cardUnfrozenV1, cardId, 3)) }]);
    await testing.eventually(async () => ((await check()).eligible ? true : undefined), 5_000, 'eligible again');
    await consumers.close();
  });

  it('maps refusals to gRPC status codes with the stable code', async () => {
    const ok = await token(SCOPES.eligibilityCheck);
    await expect(callUnary(client, 'CheckBiddingEligibility', { uscc: '91350100M000100Y44' }, { token: ok })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining('INVALID_USCC'),
    });
    await expect(callUnary(client, 'CheckBiddingEligibility', { uscc: '91110000600037341L' }, { token: ok })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    await expect(callUnary(client, 'CheckBiddingEligibility', { uscc: USCC }, { token: await token('') })).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
  });
});
