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
} as const;

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
