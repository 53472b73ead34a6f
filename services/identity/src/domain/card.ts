import { randomUUID } from 'node:crypto';
import { cardCancelledV1, cardFrozenV1, cardIssuedV1, cardUnfrozenV1, createEvent, type CloudEvent } from '@yikatong/contracts';
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
  /** The registered person holding a worker's or responsible person's card. */
  personId: string | null;
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
    personId: card.personId,
    regionCode: card.regionCode,
    version: card.version,
  };
}

export interface CardHolder {
  kind: CardHolderKind;
  name: string;
  enterpriseUscc: string | null;
  personId: string | null;
  regionCode: string;
}

/** Issues a new active card with a random number (no second data entry: holders come from registrations). */
export function issueCard(holder: CardHolder, decision: Decision, at: Date): CardChange {
  const blank: Card = {
    id: randomUUID(),
    number: newCardNumber(),
    holderKind: holder.kind,
    holderName: holder.name,
    enterpriseUscc: holder.enterpriseUscc,
    personId: holder.personId,
    regionCode: holder.regionCode,
    status: 'ACTIVE',
    version: 0,
    issuedAt: at,
  };
  const { card, change } = record(blank, 'ISSUE', 'ACTIVE', decision, at);
  const event = createEvent(cardIssuedV1, IDENTITY_SOURCE, card.id, { ...eventFacts(card), issuedAt: at.toISOString() }, at);
  return { card, change, events: [outgoing(cardIssuedV1, event as CloudEvent)] };
}

/** An enterprise's own card, issued when the enterprise registers. */
export const issueEnterpriseCard = (enterprise: { uscc: string; name: string; regionCode: string }, decision: Decision, at: Date) =>
  issueCard({ kind: 'ENTERPRISE', name: enterprise.name, enterpriseUscc: enterprise.uscc, personId: null, regionCode: enterprise.regionCode }, decision, at);

type StatusEvent = typeof cardFrozenV1 | typeof cardUnfrozenV1 | typeof cardCancelledV1;

function transition(card: Card, action: CardAction, toStatus: CardStatus, definition: StatusEvent, decision: Decision, at: Date): CardChange {
  const { card: next, change } = record(card, action, toStatus, decision, at);
  const event = createEvent(definition, IDENTITY_SOURCE, card.id, { ...eventFacts(next), ...decision, at: at.toISOString() }, at);
  return { card: next, change, events: [outgoing(definition, event as CloudEvent)] };
}

export function freezeCard(card: Card, decision: Decision, at: Date): CardChange {
  if (card.status === 'FROZEN') {
    throw new AppError('CARD_ALREADY_FROZEN', `Card ${card.number} is already frozen; nothing was changed.`, 'cardNumber');
  }
  if (card.status === 'CANCELLED') {
    throw new AppError('CARD_CANCELLED', `Card ${card.number} is cancelled and cannot be frozen.`, 'cardNumber');
  }
  return transition(card, 'FREEZE', 'FROZEN', cardFrozenV1, decision, at);
}

export function unfreezeCard(card: Card, decision: Decision, at: Date): CardChange {
  if (card.status !== 'FROZEN') {
    throw new AppError('CARD_NOT_FROZEN', `Card ${card.number} is ${card.status.toLowerCase()}, not frozen; nothing was changed.`, 'cardNumber');
  }
  return transition(card, 'UNFREEZE', 'ACTIVE', cardUnfrozenV1, decision, at);
}

/** Cancelling is final: a cancelled card is never reactivated; the holder gets a new card. */
export function cancelCard(card: Card, decision: Decision, at: Date): CardChange {
  if (card.status === 'CANCELLED') {
    throw new AppError('CARD_CANCELLED', `Card ${card.number} is already cancelled; nothing was changed.`, 'cardNumber');
  }
  return transition(card, 'CANCEL', 'CANCELLED', cardCancelledV1, decision, at);
}
