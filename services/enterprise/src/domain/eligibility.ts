import { chinaDay, instantPlusDays } from '@yikatong/platform';
/**
 * Bidding eligibility (投标资格): an enterprise may bid when nothing blocks it. Each block is a
 * fact another service told us about, kept with its rule code, source event and start time.
 */
export interface EligibilityBlock {
  rule: string;
  subjectId: string;
  message: string;
  source: string;
  since: Date;
}

export interface EligibilityVerdict {
  eligible: boolean;
  reasons: Array<{ code: string; message: string; source: string; since: Date }>;
}

export const RULES = {
  enterpriseCardFrozen: 'ENTERPRISE_CARD_FROZEN',
  responsiblePersonCardFrozen: 'RESPONSIBLE_PERSON_CARD_FROZEN',
  blacklisted: 'BLACKLISTED',
  redArrearsWarning: 'RED_ARREARS_WARNING',
  qualificationExpired: 'QUALIFICATION_EXPIRED',
  wageAccountMissing: 'WAGE_ACCOUNT_MISSING',
  depositMissing: 'DEPOSIT_MISSING',
  realNameEnrolmentMissing: 'REAL_NAME_ENROLMENT_MISSING',
  /** Only for a tender: no valid qualification of the category and grade it asks for. */
  qualificationNotMatching: 'QUALIFICATION_NOT_MATCHING',
} as const;

/** The rules a project's own deadlines decide (art. 55: wage account, deposit, real-name management). */
export const PROJECT_OBLIGATION_RULES = [RULES.wageAccountMissing, RULES.depositMissing, RULES.realNameEnrolmentMissing] as const;

export function evaluateEligibility(blocks: readonly EligibilityBlock[]): EligibilityVerdict {
  const reasons = [...blocks]
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.rule.localeCompare(b.rule))
    .map((block) => ({ code: block.rule, message: block.message, source: block.source, since: block.since }));
  return { eligible: reasons.length === 0, reasons };
}

/** Which rule a frozen card breaks, by holder; a worker's card never affects the enterprise. */
export function ruleForFrozenCard(holderKind: 'WORKER' | 'ENTERPRISE' | 'RESPONSIBLE_PERSON'): string | null {
  if (holderKind === 'ENTERPRISE') return RULES.enterpriseCardFrozen;
  if (holderKind === 'RESPONSIBLE_PERSON') return RULES.responsiblePersonCardFrozen;
  return null;
}

export function frozenCardMessage(card: { cardNumber: string; holderKind: string; reason: string; legalBasis: string; authority: string }): string {
  const whose = card.holderKind === 'ENTERPRISE' ? "The enterprise's real-name card" : "A responsible person's real-name card";
  return `${whose} ${card.cardNumber} is frozen by ${card.authority}: ${card.reason} (${card.legalBasis}).`;
}

export interface ObligationPolicy {
  /** Days after the award by which the dedicated wage account must be open (DOMAIN.md: 30). */
  wageAccountDays: number;
  /** Days after the award by which the deposit must be placed or exempted. */
  depositDays: number;
  /** Days after construction starts by which workers must be enrolled by real name. */
  realNameGraceDays: number;
}

export interface ProjectObligationFacts {
  projectId: string;
  name: string;
  stage: string;
  awardedAt: Date | null;
  constructionStartedAt: Date | null;
  wageAccountOpen: boolean;
  depositPlaced: boolean;
  activeEnrolments: number;
}

/** Stages in which a project's obligations run (from the award until completion acceptance). */
export const ACTIVE_STAGES = ['AWARDED', 'PERMITTED', 'CONSTRUCTION'] as const;

interface Obligation {
  rule: string;
  deadline: Date;
  what: string;
}

/** The obligations still unmet on an active project whose clock has started, each with its deadline. */
function unmetObligations(facts: ProjectObligationFacts, policy: ObligationPolicy): Obligation[] {
  if (!(ACTIVE_STAGES as readonly string[]).includes(facts.stage)) return [];
  const unmet: Obligation[] = [];
  const check = (rule: string, from: Date | null, days: number, missing: boolean, what: string) => {
    if (from && missing) unmet.push({ rule, deadline: instantPlusDays(from, days), what });
  };
  check(
    RULES.wageAccountMissing,
    facts.awardedAt,
    policy.wageAccountDays,
    !facts.wageAccountOpen,
    `no dedicated wage account (工资专用账户) was opened within ${policy.wageAccountDays} days of the award`,
  );
  check(
    RULES.depositMissing,
    facts.awardedAt,
    policy.depositDays,
    !facts.depositPlaced,
    `no wage guarantee deposit (工资保证金) was placed or exempted within ${policy.depositDays} days of the award`,
  );
  check(
    RULES.realNameEnrolmentMissing,
    facts.constructionStartedAt,
    policy.realNameGraceDays,
    facts.activeEnrolments === 0,
    `no worker is enrolled by real name (实名登记) ${policy.realNameGraceDays} days into construction`,
  );
  return unmet;
}

/**
 * The general contractor's overdue obligations on one active project: each becomes a block once
 * its deadline has passed, dated from the deadline, and ends when the fact arrives or the project
 * is no longer active.
 */
export function overdueObligations(facts: ProjectObligationFacts, policy: ObligationPolicy, now: Date): EligibilityBlock[] {
  return unmetObligations(facts, policy)
    .filter((obligation) => obligation.deadline <= now)
    .map(({ rule, deadline, what }) => ({
      rule,
      subjectId: facts.projectId,
      message: `Project ${facts.name}: ${what} (due ${chinaDay(deadline)}).`,
      source: `enterprise:deadline#${facts.projectId}`,
      since: deadline,
    }));
}

/** When the clock must judge the project next: the earliest deadline still to come of an unmet obligation, if any. */
export function nextObligationDeadline(facts: ProjectObligationFacts, policy: ObligationPolicy, now: Date): Date | null {
  const upcoming = unmetObligations(facts, policy)
    .map((obligation) => obligation.deadline)
    .filter((deadline) => deadline > now);
  return upcoming.length > 0 ? new Date(Math.min(...upcoming.map((deadline) => deadline.getTime()))) : null;
}
