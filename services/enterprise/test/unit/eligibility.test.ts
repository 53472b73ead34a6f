import { evaluateEligibility, frozenCardMessage, ruleForFrozenCard, RULES } from '../../src/domain/eligibility';

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
