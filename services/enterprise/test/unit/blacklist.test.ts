import { addMonthsInChina } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { blacklistMessage, expire, listEnterprise, listingGrounds, removeEarly, type ArrearsFacts, type BlacklistPolicy } from '../../src/domain/blacklist';
import type { Enterprise } from '../../src/domain/enterprise';

const policy: BlacklistPolicy = {
  singleWorkerThresholdFen: 500_000n,
  groupThresholdFen: 3_000_000n,
  groupMinWorkers: 10,
  termMonths: 36,
  earlyRemovalAfterMonths: 6,
};
const none: ArrearsFacts = { unpaidAfterOrder: true, largestOwedToOneWorkerFen: 0n, workersOwed: 0, totalOwedFen: 0n, massIncident: false };
const enterprise: Enterprise = {
  uscc: '91350100M000100Y43',
  name: '邢台建工',
  type: 'GENERAL_CONTRACTOR',
  regionCode: '130502',
  legalRepresentative: '张三',
  registeredAt: new Date('2020-05-01T02:00:00Z'),
  registeredBy: 'x',
};
const decision = { reason: '拖欠农民工工资', decision: '冀人社失信〔2026〕12号', authority: '河北省人社厅' };
const at = new Date('2026-01-15T02:00:00Z');

describe('the dishonesty-list rule (config per province)', () => {
  it.each<[string, Partial<ArrearsFacts>, number]>([
    ['one worker owed the single threshold after an order', { largestOwedToOneWorkerFen: 500_000n }, 1],
    ['one worker owed just under it', { largestOwedToOneWorkerFen: 499_999n }, 0],
    ['ten workers owed the group threshold', { workersOwed: 10, totalOwedFen: 3_000_000n, largestOwedToOneWorkerFen: 300_000n }, 1],
    ['nine workers owed the group threshold', { workersOwed: 9, totalOwedFen: 3_000_000n }, 0],
    [
      'amounts above both thresholds but no ignored order',
      { unpaidAfterOrder: false, largestOwedToOneWorkerFen: 900_000n, workersOwed: 20, totalOwedFen: 9_000_000n },
      0,
    ],
    ['a mass incident', { unpaidAfterOrder: false, massIncident: true }, 1],
  ])('%s → %i ground(s)', (_, facts, count) => {
    expect(listingGrounds({ ...none, ...facts }, policy)).toHaveLength(count);
  });

  it('lists for the term (36 months) with a blacklisted event; refuses below the threshold and a second listing', () => {
    const { listing, events } = listEnterprise(enterprise, null, [], { ...none, largestOwedToOneWorkerFen: 800_000n }, decision, policy, 'inspector', at);
    expect(listing).toMatchObject({ status: 'ACTIVE', until: new Date('2029-01-15T02:00:00Z'), grounds: [expect.stringContaining('¥8,000')] });
    expect(events[0]!.envelope).toMatchObject({
      type: 'cn.yikatong.enterprise.enterprise.blacklisted.v1',
      data: { listingId: listing.id, decision: decision.decision },
    });
    expect(testing.appErrorOf(() => listEnterprise(enterprise, null, [], none, decision, policy, 'x', at))).toMatchObject({
      code: 'LISTING_THRESHOLD_NOT_MET',
    });
    expect(testing.appErrorOf(() => listEnterprise(enterprise, listing, [], { ...none, massIncident: true }, decision, policy, 'x', at))).toMatchObject({
      code: 'ALREADY_LISTED',
    });
  });

  it('removes early only after 6 months and with a pledge; the term ends by itself after 3 years', () => {
    const { listing } = listEnterprise(enterprise, null, [], { ...none, massIncident: true }, decision, policy, 'x', at);
    expect(testing.appErrorOf(() => removeEarly(listing, '本企业承诺按时足额支付农民工工资', policy, addMonthsInChina(at, 5)))).toMatchObject({
      code: 'TOO_EARLY_FOR_REMOVAL',
    });
    expect(testing.appErrorOf(() => removeEarly(listing, '好', policy, addMonthsInChina(at, 7)))).toMatchObject({ code: 'PLEDGE_REQUIRED' });
    const removed = removeEarly(listing, '本企业承诺按时足额支付农民工工资', policy, addMonthsInChina(at, 6));
    expect(removed.listing).toMatchObject({ status: 'REMOVED', pledge: '本企业承诺按时足额支付农民工工资' });
    expect(removed.events[0]!.envelope.data).toMatchObject({ reason: 'EARLY_REMOVAL' });
    expect(testing.appErrorOf(() => expire(listing, addMonthsInChina(at, 35)))).toMatchObject({ code: 'NOT_EXPIRED' });
    expect(expire(listing, addMonthsInChina(at, 36)).listing.status).toBe('EXPIRED');
  });

  describe("months on China's calendar, clamped to the month's end", () => {
    const pledge = '本企业承诺按时足额支付农民工工资';
    const listedAt = (instant: string, terms: Partial<BlacklistPolicy> = {}) =>
      listEnterprise(enterprise, null, [], { ...none, massIncident: true }, decision, { ...policy, ...terms }, 'x', new Date(instant)).listing;
    const tooEarly = (listing: ReturnType<typeof listedAt>, instant: string) =>
      testing.appErrorOf(() => removeEarly(listing, pledge, policy, new Date(instant)));

    it('a listing on 31 August may be removed from the last day of February, not from 3 March', () => {
      const listing = listedAt('2026-08-31T02:00:00Z'); // 10:00 China time
      expect(tooEarly(listing, '2027-02-28T01:59:59Z')).toMatchObject({
        code: 'TOO_EARLY_FOR_REMOVAL',
        message: expect.stringContaining('possible from 2027-02-28'),
      });
      expect(removeEarly(listing, pledge, policy, new Date('2027-02-28T02:00:00Z')).listing.status).toBe('REMOVED');
      expect(listing.until).toEqual(new Date('2029-08-31T02:00:00Z'));
    });

    it('29 February plus 12 months is 28 February', () => {
      const listing = listedAt('2028-02-29T04:00:00Z', { termMonths: 12 });
      expect(listing.until).toEqual(new Date('2029-02-28T04:00:00Z'));
      expect(testing.appErrorOf(() => expire(listing, new Date('2029-02-28T03:59:59Z')))).toMatchObject({ code: 'NOT_EXPIRED' });
      expect(expire(listing, new Date('2029-02-28T04:00:00Z')).listing.status).toBe('EXPIRED');
    });

    it('counts from the China day of the listing: 31 August 20:00 China time is still 31 August in UTC', () => {
      const listing = listedAt('2026-08-31T12:00:00Z');
      expect(listing.until).toEqual(new Date('2029-08-31T12:00:00Z'));
      expect(tooEarly(listing, '2027-02-28T11:59:59Z')).toMatchObject({ message: expect.stringContaining('possible from 2027-02-28') });
      expect(removeEarly(listing, pledge, policy, new Date('2027-02-28T12:00:00Z')).listing.status).toBe('REMOVED');
    });

    it('and 1 September 00:30 China time, still 31 August in UTC, counts from 1 September', () => {
      const listing = listedAt('2026-08-31T16:30:00Z');
      expect(listing.until).toEqual(new Date('2029-08-31T16:30:00Z')); // 1 September 2029, 00:30 China time
      expect(tooEarly(listing, '2027-02-28T16:29:59Z')).toMatchObject({ message: expect.stringContaining('possible from 2027-03-01') });
      expect(removeEarly(listing, pledge, policy, new Date('2027-02-28T16:30:00Z')).listing.status).toBe('REMOVED');
    });

    it('names the China day in its messages', () => {
      const listing = listedAt('2026-08-31T16:30:00Z');
      expect(
        testing.appErrorOf(() =>
          listEnterprise(enterprise, listing, [], { ...none, massIncident: true }, decision, policy, 'x', new Date('2026-09-02T00:00:00Z')),
        ),
      ).toMatchObject({ code: 'ALREADY_LISTED', message: expect.stringContaining('listed until 2029-09-01') });
      expect(blacklistMessage(listing)).toContain('until 2029-09-01');
    });
  });
});
