import { addMonths, expire, listEnterprise, listingGrounds, removeEarly, type ArrearsFacts, type BlacklistPolicy } from '../../src/domain/blacklist';
import type { Enterprise } from '../../src/domain/enterprise';

const policy: BlacklistPolicy = { singleWorkerThresholdFen: 500_000n, groupThresholdFen: 3_000_000n, groupMinWorkers: 10, termMonths: 36, earlyRemovalAfterMonths: 6 };
const none: ArrearsFacts = { unpaidAfterOrder: true, largestOwedToOneWorkerFen: 0n, workersOwed: 0, totalOwedFen: 0n, massIncident: false };
const enterprise: Enterprise = { uscc: '91350100M000100Y43', name: '邢台建工', type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '张三', registeredAt: new Date(), registeredBy: 'x' };
const decision = { reason: '拖欠农民工工资', decision: '冀人社失信〔2026〕12号', authority: '河北省人社厅' };
const at = new Date('2026-01-15T02:00:00Z');
const errorOf = (fn: () => unknown) => { try { fn(); } catch (error) { return error; } throw new Error('expected an error'); };

describe('the dishonesty-list rule (config per province)', () => {
  it.each<[string, Partial<ArrearsFacts>, number]>([
    ['one worker owed the single threshold after an order', { largestOwedToOneWorkerFen: 500_000n }, 1],
    ['one worker owed just under it', { largestOwedToOneWorkerFen: 499_999n }, 0],
    ['ten workers owed the group threshold', { workersOwed: 10, totalOwedFen: 3_000_000n, largestOwedToOneWorkerFen: 300_000n }, 1],
    ['nine workers owed the group threshold', { workersOwed: 9, totalOwedFen: 3_000_000n }, 0],
    ['amounts above both thresholds but no ignored order', { unpaidAfterOrder: false, largestOwedToOneWorkerFen: 900_000n, workersOwed: 20, totalOwedFen: 9_000_000n }, 0],
    ['a mass incident', { unpaidAfterOrder: false, massIncident: true }, 1],
  ])('%s → %i ground(s)', (_, facts, count) => {
    expect(listingGrounds({ ...none, ...facts }, policy)).toHaveLength(count);
  });

  it('lists for the term (36 months) with a blacklisted event; refuses below the threshold and a second listing', () => {
    const { listing, events } = listEnterprise(enterprise, null, [], { ...none, largestOwedToOneWorkerFen: 800_000n }, decision, policy, 'inspector', at);
    expect(listing).toMatchObject({ status: 'ACTIVE', until: new Date('2029-01-15T02:00:00Z'), grounds: [expect.stringContaining('¥8,000')] });
    expect(events[0]!.envelope).toMatchObject({ type: 'cn.yikatong.enterprise.enterprise.blacklisted.v1', data: { listingId: listing.id, decision: decision.decision } });
    expect(errorOf(() => listEnterprise(enterprise, null, [], none, decision, policy, 'x', at))).toMatchObject({ code: 'LISTING_THRESHOLD_NOT_MET' });
    expect(errorOf(() => listEnterprise(enterprise, listing, [], { ...none, massIncident: true }, decision, policy, 'x', at))).toMatchObject({ code: 'ALREADY_LISTED' });
  });

  it('removes early only after 6 months and with a pledge; the term ends by itself after 3 years', () => {
    const { listing } = listEnterprise(enterprise, null, [], { ...none, massIncident: true }, decision, policy, 'x', at);
    expect(errorOf(() => removeEarly(listing, '本企业承诺按时足额支付农民工工资', policy, addMonths(at, 5)))).toMatchObject({ code: 'TOO_EARLY_FOR_REMOVAL' });
    expect(errorOf(() => removeEarly(listing, '好', policy, addMonths(at, 7)))).toMatchObject({ code: 'PLEDGE_REQUIRED' });
    const removed = removeEarly(listing, '本企业承诺按时足额支付农民工工资', policy, addMonths(at, 6));
    expect(removed.listing).toMatchObject({ status: 'REMOVED', pledge: '本企业承诺按时足额支付农民工工资' });
    expect(removed.events[0]!.envelope.data).toMatchObject({ reason: 'EARLY_REMOVAL' });
    expect(errorOf(() => expire(listing, addMonths(at, 35)))).toMatchObject({ code: 'NOT_EXPIRED' });
    expect(expire(listing, addMonths(at, 36)).listing.status).toBe('EXPIRED');
  });
});
