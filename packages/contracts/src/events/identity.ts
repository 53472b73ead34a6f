import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

export const cardHolderKind = z.enum(['WORKER', 'ENTERPRISE', 'RESPONSIBLE_PERSON']);

const cardFacts = {
  cardId: z.string().uuid(),
  cardNumber: z.string(),
  holderKind: cardHolderKind,
  /** USCC of the enterprise the card belongs to (its own card or a responsible person's). */
  enterpriseUscc: z.string().nullable(),
  regionCode: z.string(),
  /** Monotonic per card: consumers ignore a fact older than the last one they applied. */
  version: z.number().int().positive(),
};

const statusChange = {
  ...cardFacts,
  reason: z.string(),
  legalBasis: z.string(),
  authority: z.string(),
  actor: z.string(),
  at: z.string().datetime({ offset: true }),
};

export const cardIssuedV1 = defineEvent({
  type: 'cn.yikatong.identity.card.issued.v1',
  topic: TOPICS.identityCards,
  data: z.object({ ...cardFacts, issuedAt: z.string().datetime({ offset: true }) }),
});

export const cardFrozenV1 = defineEvent({
  type: 'cn.yikatong.identity.card.frozen.v1',
  topic: TOPICS.identityCards,
  data: z.object(statusChange),
});

export const cardUnfrozenV1 = defineEvent({
  type: 'cn.yikatong.identity.card.unfrozen.v1',
  topic: TOPICS.identityCards,
  data: z.object(statusChange),
});
