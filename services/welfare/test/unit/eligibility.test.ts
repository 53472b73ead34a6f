import { unmetRules, validateRules } from '../../src/domain/eligibility';

const facts = { regionCode: '130502', birthYear: 1980, safetyTrained: true, skillLevel: 3, verifiedWageComplaints: 0 };

describe('welfare eligibility rules', () => {
  it('names every rule not met', () => {
    const rules = validateRules([
      { rule: 'REGISTERED_IN_REGION', value: '130500' },
      { rule: 'AGE_AT_MOST', value: 45 },
      { rule: 'SKILL_LEVEL_AT_LEAST', value: 4 },
      { rule: 'VERIFIED_WAGE_COMPLAINT' },
    ]);
    expect(unmetRules(rules, facts, 2026).map((r) => r.code)).toEqual([
      'NOT_ELIGIBLE_AGE_AT_MOST',
      'NOT_ELIGIBLE_SKILL_LEVEL_AT_LEAST',
      'NOT_ELIGIBLE_VERIFIED_WAGE_COMPLAINT',
    ]);
    expect(unmetRules(rules, { ...facts, birthYear: 1990, skillLevel: 4, verifiedWageComplaints: 1 }, 2026)).toEqual([]);
    expect(
      unmetRules([{ rule: 'REGISTERED_IN_REGION', value: '440000' }, { rule: 'SAFETY_TRAINED' }], { ...facts, safetyTrained: false }, 2026).map((r) => r.code),
    ).toEqual(['NOT_ELIGIBLE_REGISTERED_IN_REGION', 'NOT_ELIGIBLE_SAFETY_TRAINED']);
    expect(() => validateRules([{ rule: 'FAVOURITE_COLOUR' }])).toThrow(expect.objectContaining({ code: 'INVALID_RULES' }));
  });
});
