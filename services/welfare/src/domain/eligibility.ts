import { AppError, type Refusal } from '@yikatong/platform';

/**
 * Eligibility rules of welfare schemes and awards, judged from what welfare knows of a worker: where
 * they registered, their age, the training they completed, and their verified wage complaints.
 */
export type RuleCode = 'REGISTERED_IN_REGION' | 'AGE_AT_MOST' | 'SAFETY_TRAINED' | 'SKILL_LEVEL_AT_LEAST' | 'VERIFIED_WAGE_COMPLAINT';

export interface Rule {
  rule: RuleCode;
  value?: number | string;
}

export interface WorkerFacts {
  regionCode: string | null;
  birthYear: number | null;
  safetyTrained: boolean;
  /** Highest skill level certified by a completed skill programme, 0 if none. */
  skillLevel: number;
  verifiedWageComplaints: number;
}

const RULES: Record<RuleCode, (facts: WorkerFacts, value: number | string | undefined, year: number) => string | null> = {
  REGISTERED_IN_REGION: (facts, value) =>
    facts.regionCode && facts.regionCode.startsWith(String(value ?? '').replace(/(00)+$/, '')) ? null : `registered in region ${value}`,
  AGE_AT_MOST: (facts, value, year) => (facts.birthYear !== null && year - facts.birthYear <= Number(value) ? null : `aged at most ${value}`),
  SAFETY_TRAINED: (facts) => (facts.safetyTrained ? null : 'safety training completed'),
  SKILL_LEVEL_AT_LEAST: (facts, value) => (facts.skillLevel >= Number(value) ? null : `a skill certificate at level ${value} or above`),
  VERIFIED_WAGE_COMPLAINT: (facts) => (facts.verifiedWageComplaints > 0 ? null : 'a verified wage complaint'),
};

export function validateRules(rules: unknown): Rule[] {
  if (!Array.isArray(rules) || rules.some((rule) => !rule || typeof rule !== 'object' || !((rule as Rule).rule in RULES))) {
    throw new AppError('INVALID_RULES', `Rules are a list of { rule, value } with rule one of ${Object.keys(RULES).join(', ')}.`, 'rules');
  }
  return rules as Rule[];
}

/** Every rule the worker does not meet, as refusals naming what is missing. */
export function unmetRules(rules: readonly Rule[], facts: WorkerFacts, year: number): Refusal[] {
  return rules.flatMap((rule) => {
    const missing = RULES[rule.rule](facts, rule.value, year);
    return missing ? [{ code: `NOT_ELIGIBLE_${rule.rule}`, message: `Requires ${missing}.`, field: 'workerId' }] : [];
  });
}

/** What an award kind requires, on top of being registered in the round's region. */
export const AWARD_RULES: Record<string, Rule[]> = {
  OUTSTANDING_WORKER: [{ rule: 'SAFETY_TRAINED' }],
  CRAFTSMAN: [{ rule: 'SKILL_LEVEL_AT_LEAST', value: 4 }],
  ENTREPRENEUR: [],
};
