import { randomUUID } from 'node:crypto';
import { cardFrozenV1, cardIssuedV1, cardUnfrozenV1, createEvent, type CloudEvent } from '@yikatong/contracts';
import { AppError, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { newCardNumber } from './card-number';

export const IDENTITY_SOURCE = '/yikatong/identity';

export type CardStatus = 'ACTIVE' | 'FROZEN' | 'CANCELLED';
export type CardHolderKind = 'WORKER' | 'ENTERPRISE' | 'RESPONSIBLE_PERSON';
export type CardAction = 'ISSUE' | 'FREEZE' | 'UNFREEZE' | 'CANCEL';

export interface Card {
  id: string;
  number: string;
  holderKind: CardHolderKind;
  holderName: string;
  enterpriseUscc: string | null;
  regionCode: string;
  status: CardStatus;
  version: number;
  issuedAt: Date;
}

export interface StatusChange {
  id: string;
  cardId: string;
  version: number;
  action: CardAction;
  fromStatus: CardStatus | null;
  toStatus: CardStatus;
  reason: string;
  legalBasis: string;
  authority: string;
  actor: string;
  at: Date;
}

/** What a decision needs to record: why, on which legal basis, by whose authority, done by whom. */
export interface Decision {
  reason: string;
  legalBasis: string;
  authority: string;
  actor: string;
}

/** The aggregate's answer to a command: its next state, the history row and the events to publish. */
export interface CardChange {
  card: Card;
  change: StatusChange;
  events: OutgoingEvent[];
}

function record(card: Card, action: CardAction, toStatus: CardStatus, decision: Decision, at: Date): { card: Card; change: StatusChange } {
  const next: Card = { ...card, status: toStatus, version: card.version + 1 };
  const change: StatusChange = {
    id: randomUUID(),
    cardId: card.id,
    version: next.version,
    action,
    fromStatus: action === 'ISSUE' ? null : card.status,
    toStatus,
    ...decision,
    at,
  };
  return { card: next, change };
}

function eventFacts(card: Card) {
  return {
    cardId: card.id,
    cardNumber: card.number,
    holderKind: card.holderKind,
    enterpriseUscc: card.enterpriseUscc,
    regionCode: card.regionCode,
    version: card.version,
  };
}

/** Issues an enterprise's own card when the enterprise registers (no second data entry). */
export function issueEnterpriseCard(
  enterprise: { uscc: string; name: string; regionCode: string },
  decision: Decision,
  at: Date,
): CardChange {
  const blank: Card = {
    id: randomUUID(),
    number: newCardNumber(),
    holderKind: 'ENTERPRISE',
    holderName: enterprise.name,
    enterpriseUscc: enterprise.uscc,
    regionCode: enterprise.regionCode,
    status: 'ACTIVE',
    version: 0,
    issuedAt: at,
  };
  const { card, change } = record(blank, 'ISSUE', 'ACTIVE', decision, at);
  const event = createEvent(cardIssuedV1, IDENTITY_SOURCE, card.id, { ...eventFacts(card), issuedAt: at.toISOString() }, at);
  return { card, change, events: [outgoing(cardIssuedV1, event as CloudEvent)] };
}

export function freezeCard(card: Card, decision: Decision, at: Date): CardChange {
  if (card.status === 'FROZEN') {
    throw new AppError('CARD_ALREADY_FROZEN', `Card ${card.number} is already frozen; nothing was changed.`, 'cardNumber');
  }
  if (card.status === 'CANCELLED') {
    throw new AppError('CARD_CANCELLED', `Card ${card.number} is cancelled and cannot be frozen.`, 'cardNumber');
  }
  const { card: next, change } = record(card, 'FREEZE', 'FROZEN', decision, at);
  const event = createEvent(cardFrozenV1, IDENTITY_SOURCE, card.id, { ...eventFacts(next), ...decision, at: at.toISOString() }, at);
  return { card: next, change, events: [outgoing(cardFrozenV1, event as CloudEvent)] };
}

export function unfreezeCard(card: Card, decision: Decision, at: Date): CardChange {
  if (card.status !== 'FROZEN') {
    throw new AppError('CARD_NOT_FROZEN', `Card ${card.number} is ${card.status.toLowerCase()}, not frozen; nothing was changed.`, 'cardNumber');
  }
  const { card: next, change } = record(card, 'UNFREEZE', 'ACTIVE', decision, at);
  const event = createEvent(cardUnfrozenV1, IDENTITY_SOURCE, card.id, { ...eventFacts(next), ...decision, at: at.toISOString() }, at);
  return { card: next, change, events: [outgoing(cardUnfrozenV1, event as CloudEvent)] };
}
