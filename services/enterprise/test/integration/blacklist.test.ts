import { addMonthsInChina, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { expireListings } from '../../src/store/blacklist';
import { createHarness } from '../support/harness';

const { config, bus, clock, db, execute } = createHarness();
const USCC = '91350100M000100Y43';
const inspector = (regions = ['130500'], scope: string = SCOPES.blacklistDecide): Principal =>
  principalFromClaims({ sub: 'inspector-1', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions, scope });

const LIST = `mutation ($input: ListOnBlacklistInput!) { listOnBlacklist(input: $input) { id status grounds until } }`;
const REMOVE = `mutation ($input: RemoveFromBlacklistInput!) { removeFromBlacklist(input: $input) { status } }`;
const VERDICT = `query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible reasons { code message } } blacklistListings { status decision responsiblePersonIds } } }`;
const facts = { unpaidAfterOrder: true, largestOwedToOneWorker: '800000', workersOwed: 3, totalOwed: '1500000', massIncident: false };
const input = (overrides: Record<string, unknown> = {}) => ({
  uscc: USCC,
  reason: '拖欠 3 名农民工工资，责令支付后逾期未支付',
  decision: '冀人社失信〔2026〕12号',
  authority: '河北省人力资源和社会保障厅',
  facts,
  ...overrides,
});
const RESPONSIBLE_PERSON = '2f0c8a59-3c4e-4f7a-9b1d-6e2a7c9d4b10';
const counts = async () => ({ listings: await db.blacklistListing.count(), blocks: await db.eligibilityBlock.count(), outbox: await db.outboxEvent.count() });

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
});

beforeEach(async () => {
  await db.$executeRawUnsafe(
    'TRUNCATE responsible_person, blacklist_listing, project_participant, project, eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE',
  );
  await db.enterprise.create({
    data: {
      uscc: USCC,
      name: '邢台建工集团',
      type: 'GENERAL_CONTRACTOR',
      regionCode: '130502',
      legalRepresentative: '张三',
      registeredAt: clock.now(),
      registeredBy: 'test',
    },
  });
  await db.responsiblePerson.create({ data: { uscc: USCC, personId: RESPONSIBLE_PERSON, cardId: '5b1f4f3e-7d5a-4a67-9d0e-0c3b8b6a2e11', since: clock.now() } });
});

afterAll(async () => {
  await db.$disconnect();
  await bus.close();
});

describe('the dishonesty list (失信联合惩戒名单)', () => {
  it('lists when the rule is met: ineligible at once with the reason, and the event identity freezes cards on', async () => {
    const listed = await execute(LIST, { input: input() }, inspector());
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.listOnBlacklist).toMatchObject({ status: 'ACTIVE', grounds: [expect.stringContaining('¥8,000')] });
    const verdict = (await execute(VERDICT, { uscc: USCC }, inspector(['130500'], ''))).data!.enterprise;
    expect(verdict).toMatchObject({
      biddingEligibility: { eligible: false, reasons: [{ code: 'BLACKLISTED', message: expect.stringContaining('冀人社失信〔2026〕12号') }] },
    });
    // The responsible persons are listed with the enterprise.
    expect(verdict.blacklistListings).toEqual([{ status: 'ACTIVE', decision: '冀人社失信〔2026〕12号', responsiblePersonIds: [RESPONSIBLE_PERSON] }]);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.enterprise.enterprise.blacklisted.v1' } });
    expect(event.payload).toMatchObject({
      subject: USCC,
      data: { uscc: USCC, listingId: listed.data!.listOnBlacklist.id, responsiblePersonIds: [RESPONSIBLE_PERSON] },
    });
    expect(await db.eligibilityChange.count({ where: { uscc: USCC, eligible: false } })).toBe(1);
  });

  it.each<[string, Record<string, unknown>, Principal, string]>([
    ['facts below the threshold', { facts: { ...facts, largestOwedToOneWorker: '100000' } }, inspector(), 'LISTING_THRESHOLD_NOT_MET'],
    ['a caller without blacklist:decide', {}, inspector(['130500'], ''), 'FORBIDDEN'],
    ['an inspector of another region', {}, inspector(['130100']), 'FORBIDDEN'],
    ['an unknown enterprise', { uscc: '91110000600037341L' }, inspector(), 'ENTERPRISE_NOT_FOUND'],
    ['no reason', { reason: ' ' }, inspector(), 'INVALID_INPUT'],
  ])('refuses %s and changes nothing', async (_, overrides, caller, code) => {
    const before = await counts();
    const result = await execute(LIST, { input: input(overrides) }, caller);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('refuses a second listing while one is active, and an early removal before six months', async () => {
    const listedAt = clock.now();
    const { data } = await execute(LIST, { input: input() }, inspector());
    expect((await execute(LIST, { input: input() }, inspector())).errors![0]!.extensions!.code).toBe('ALREADY_LISTED');
    clock.set(addMonthsInChina(listedAt, 6));
    clock.advance({ minutes: -1 });
    const early = await execute(REMOVE, { input: { listingId: data!.listOnBlacklist.id, pledge: '本企业承诺按时足额支付农民工工资' } }, inspector());
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'TOO_EARLY_FOR_REMOVAL', field: 'listingId' });
  });

  it('removes early after six months with a pledge, restoring eligibility and publishing the removal', async () => {
    const { data } = await execute(LIST, { input: input() }, inspector());
    const listingId = data!.listOnBlacklist.id;
    clock.set(addMonthsInChina(clock.now(), 6));
    const removed = await execute(REMOVE, { input: { listingId, pledge: '本企业承诺今后按时足额支付农民工工资' } }, inspector());
    expect(removed.data).toEqual({ removeFromBlacklist: { status: 'REMOVED' } });
    expect((await execute(VERDICT, { uscc: USCC }, inspector(['130500'], ''))).data!.enterprise.biddingEligibility).toEqual({ eligible: true, reasons: [] });
    expect(await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.enterprise.enterprise.delisted.v1' } })).toMatchObject({
      payload: { data: { listingId, reason: 'EARLY_REMOVAL' } },
    });
  });

  it('ends a listing when its three years are over', async () => {
    const listedAt = clock.now();
    const { data } = await execute(LIST, { input: input() }, inspector());
    const until = addMonthsInChina(listedAt, 36);
    expect(data!.listOnBlacklist.until).toBe(until.toISOString());
    expect(await expireListings(db, new Date(until.getTime() - 1))).toBe(0);
    expect(await expireListings(db, until)).toBe(1);
    expect(await db.blacklistListing.findUniqueOrThrow({ where: { id: data!.listOnBlacklist.id } })).toMatchObject({ status: 'EXPIRED' });
    expect(await db.eligibilityBlock.count({ where: { uscc: USCC } })).toBe(0);
    expect(await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.enterprise.enterprise.delisted.v1' } })).toMatchObject({
      payload: { data: { reason: 'TERM_ENDED' } },
    });
  });
});
