import * as testing from '@yikatong/platform/testing';
import type { Enterprise } from '../../src/domain/enterprise';
import type { Project } from '../../src/domain/project';
import { awardTender, cancelTender, openTender, submitBid } from '../../src/domain/tender';

const project: Project = {
  id: '0b6f0c52-2a43-4a39-9d27-7d1c53b1d0a1',
  name: '邢台学院新校区',
  regionCode: '130502',
  client: '邢台学院',
  generalContractorUscc: '91350100M000100Y43',
  contractValueFen: 1n,
  labourCostShareBp: 2500,
  startDate: '2026-12-01',
  plannedEndDate: null,
  stage: 'BIDDING',
  registeredBy: 'x',
  registeredAt: new Date('2026-11-01T02:00:00Z'),
};
const bidder: Enterprise = {
  uscc: '91350100M000100Y43',
  name: '邢台建工',
  type: 'GENERAL_CONTRACTOR',
  regionCode: '130502',
  legalRepresentative: '张三',
  registeredAt: new Date('2020-05-01T02:00:00Z'),
  registeredBy: 'x',
};
const now = new Date('2026-11-25T02:00:00Z');
const later = new Date('2026-12-25T02:00:00Z');
const requirement = { category: '建筑工程施工总承包', minGrade: 'SECOND' as const };
const eligible = { eligible: true, reasons: [] };

describe('tenders and bids', () => {
  const tender = openTender(project, { title: ' 主体工程施工 ', requirements: [requirement], closesAt: later }, 'centre-1', now);

  it('opens only on a project in bidding, with requirements, closing in the future', () => {
    expect(tender).toMatchObject({ status: 'OPEN', title: '主体工程施工', requirements: [requirement] });
    expect(
      testing.appErrorOf(() => openTender({ ...project, stage: 'AWARDED' }, { title: 'x1', requirements: [requirement], closesAt: later }, 'c', now)).code,
    ).toBe('PROJECT_NOT_IN_BIDDING');
    expect(testing.appErrorOf(() => openTender(project, { title: 'x1', requirements: [], closesAt: later }, 'c', now)).code).toBe('INVALID_REQUIREMENTS');
    expect(testing.appErrorOf(() => openTender(project, { title: 'x1', requirements: [requirement], closesAt: now }, 'c', now)).code).toBe('CLOSES_IN_PAST');
  });

  it('refuses an ineligible or unqualified bidder with every reason', () => {
    const verdict = { eligible: false, reasons: [{ code: 'RED_ARREARS_WARNING', message: 'Red arrears warning.', source: 'payroll:x#1', since: now }] };
    const error = testing.appErrorOf(() => submitBid(tender, bidder, false, verdict, [requirement], 100n, 'gc', now));
    expect(error).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['RED_ARREARS_WARNING', 'QUALIFICATION_NOT_MATCHING'] });
    expect(error.message).toContain('建筑工程施工总承包 (second grade or above)');
  });

  it('accepts one bid per enterprise while open, and only positive prices', () => {
    expect(submitBid(tender, bidder, false, eligible, [], 9_900_000_000n, 'gc', now)).toMatchObject({
      tenderId: tender.id,
      uscc: bidder.uscc,
      priceFen: 9_900_000_000n,
    });
    expect(testing.appErrorOf(() => submitBid(tender, bidder, true, eligible, [], 1n, 'gc', now)).code).toBe('ALREADY_BID');
    expect(testing.appErrorOf(() => submitBid(tender, bidder, false, eligible, [], 0n, 'gc', now)).code).toBe('INVALID_PRICE');
    expect(testing.appErrorOf(() => submitBid(tender, bidder, false, eligible, [], 1n, 'gc', later)).code).toBe('TENDER_CLOSED');
  });

  it('is awarded to one of its bids, once; or cancelled', () => {
    const bid = submitBid(tender, bidder, false, eligible, [], 1n, 'gc', now);
    expect(testing.appErrorOf(() => awardTender(tender, { ...bid, tenderId: 'other' }, 'c', now)).code).toBe('BID_NOT_FOUND');
    const awarded = awardTender(tender, bid, 'centre-1', now);
    expect(awarded).toMatchObject({ status: 'AWARDED', winningBidId: bid.id });
    expect(testing.appErrorOf(() => awardTender(awarded, bid, 'c', now)).code).toBe('TENDER_NOT_OPEN');
    expect(testing.appErrorOf(() => submitBid(awarded, bidder, false, eligible, [], 1n, 'gc', now)).code).toBe('TENDER_CLOSED');
    expect(cancelTender(tender, 'c', now).status).toBe('CANCELLED');
  });
});
