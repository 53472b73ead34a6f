import { evaluateEligibility, frozenCardMessage, nextObligationDeadline, overdueObligations, ruleForFrozenCard, RULES } from '../../src/domain/eligibility';

describe('bidding eligibility', () => {
  it('is eligible when nothing blocks the enterprise', () => {
    expect(evaluateEligibility([])).toEqual({ eligible: true, reasons: [] });
  });

  it('lists every block as a reason, oldest first, with rule, source and since', () => {
    const verdict = evaluateEligibility([
      { rule: RULES.responsiblePersonCardFrozen, subjectId: 'b', message: 'second', source: 'identity:x#2', since: new Date('2026-02-01') },
      { rule: RULES.enterpriseCardFrozen, subjectId: 'a', message: 'first', source: 'identity:x#1', since: new Date('2026-01-01') },
    ]);
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual([RULES.enterpriseCardFrozen, RULES.responsiblePersonCardFrozen]);
    expect(verdict.reasons[0]).toMatchObject({ message: 'first', source: 'identity:x#1', since: new Date('2026-01-01') });
  });

  it("never lets a worker's frozen card affect the enterprise", () => {
    expect(ruleForFrozenCard('WORKER')).toBeNull();
    expect(ruleForFrozenCard('ENTERPRISE')).toBe(RULES.enterpriseCardFrozen);
    expect(ruleForFrozenCard('RESPONSIBLE_PERSON')).toBe(RULES.responsiblePersonCardFrozen);
  });

  it('explains a frozen card with authority, reason and legal basis', () => {
    const message = frozenCardMessage({ cardNumber: 'YK1', holderKind: 'ENTERPRISE', reason: '欠薪', legalBasis: '第五十五条', authority: '住建局' });
    expect(message).toBe("The enterprise's real-name card YK1 is frozen by 住建局: 欠薪 (第五十五条).");
  });
});

describe('project obligations (art. 55)', () => {
  const policy = { wageAccountDays: 30, depositDays: 30, realNameGraceDays: 7 };
  const awardedAt = new Date('2026-10-01T00:00:00Z');
  const facts = {
    projectId: 'p1',
    name: '新校区',
    stage: 'AWARDED',
    awardedAt,
    constructionStartedAt: null,
    wageAccountOpen: false,
    depositPlaced: false,
    activeEnrolments: 0,
  };

  it('blocks once a deadline has passed, dated from the deadline', () => {
    expect(overdueObligations(facts, policy, new Date('2026-10-30T23:59:59Z'))).toEqual([]);
    const blocks = overdueObligations(facts, policy, new Date('2026-10-31T00:00:00Z'));
    expect(blocks.map((block) => block.rule)).toEqual([RULES.wageAccountMissing, RULES.depositMissing]);
    expect(blocks[0]).toMatchObject({ subjectId: 'p1', since: new Date('2026-10-31T00:00:00Z') });
  });

  it('names the China day of the deadline: 30 days after an award at 01:00 China time on 2 October (still 1 October in UTC)', () => {
    const blocks = overdueObligations({ ...facts, awardedAt: new Date('2026-10-01T17:00:00Z') }, policy, new Date('2026-11-01T00:00:00Z'));
    expect(blocks[0]!.message).toContain('(due 2026-11-01)');
  });

  it('lifts when the fact arrives or the project is no longer active', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    expect(overdueObligations({ ...facts, wageAccountOpen: true, depositPlaced: true }, policy, late)).toEqual([]);
    expect(overdueObligations({ ...facts, stage: 'COMPLETED' }, policy, late)).toEqual([]);
  });

  it('tells the clock when to judge next: the earliest deadline still to come of an unmet obligation', () => {
    const before = new Date('2026-10-01T00:00:00Z');
    expect(nextObligationDeadline({ ...facts, depositPlaced: true }, policy, before)).toEqual(new Date('2026-10-31T00:00:00Z'));
    expect(nextObligationDeadline(facts, policy, new Date('2026-10-31T00:00:00Z'))).toBeNull();
    expect(nextObligationDeadline({ ...facts, wageAccountOpen: true, depositPlaced: true }, policy, before)).toBeNull();
    expect(nextObligationDeadline({ ...facts, stage: 'COMPLETED' }, policy, before)).toBeNull();
    const building = { ...facts, stage: 'CONSTRUCTION', wageAccountOpen: true, depositPlaced: true, constructionStartedAt: new Date('2026-12-01T00:00:00Z') };
    expect(nextObligationDeadline(building, policy, new Date('2026-12-02T00:00:00Z'))).toEqual(new Date('2026-12-08T00:00:00Z'));
  });

  it('wants workers enrolled by real name a grace period into construction', () => {
    const building = { ...facts, stage: 'CONSTRUCTION', wageAccountOpen: true, depositPlaced: true, constructionStartedAt: new Date('2026-12-01T00:00:00Z') };
    expect(overdueObligations(building, policy, new Date('2026-12-07T00:00:00Z'))).toEqual([]);
    expect(overdueObligations(building, policy, new Date('2026-12-08T00:00:00Z')).map((block) => block.rule)).toEqual([RULES.realNameEnrolmentMissing]);
    expect(overdueObligations({ ...building, activeEnrolments: 3 }, policy, new Date('2026-12-08T00:00:00Z'))).toEqual([]);
  });
});
