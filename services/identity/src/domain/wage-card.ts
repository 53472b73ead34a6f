import { randomUUID } from 'node:crypto';
import { BANK_CODES, createEvent, isConnectedBank, wageCardChangedV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { parseBankCard } from './bank-card';
import { IDENTITY_SOURCE } from './card';

/**
 * Who may change a worker's wage card: the worker, or a service-centre agent with the worker
 * present. Nobody else — a foreman holding a worker's card is one of the abuses this prevents.
 */
export type WageCardActor = { kind: 'SELF'; subject: string } | { kind: 'AGENT'; subject: string; serviceCentreId: string; workerPresent: boolean };

export interface WageCardChange {
  id: string;
  workerId: string;
  version: number;
  bankCode: string;
  cardNumber: string;
  luhnValid: boolean;
  actorKind: 'SELF' | 'AGENT';
  actor: string;
  serviceCentreId: string | null;
  at: Date;
}

export function changeWageCard(
  worker: { id: string; name: string; wageCardVersion: number },
  request: { bankCode: string; cardNumber: string },
  actor: WageCardActor,
  at: Date,
): { change: WageCardChange; events: OutgoingEvent[] } {
  if (actor.kind === 'SELF' && actor.subject !== worker.id) {
    throw new AppError('FORBIDDEN', 'Only the worker themself, or a service-centre agent with the worker present, can change a wage card.');
  }
  if (actor.kind === 'AGENT' && !actor.workerPresent) {
    throw new AppError('WORKER_NOT_PRESENT', 'An agent can change a wage card only with the worker present; confirm that they are.', 'workerPresent');
  }
  if (!/^[A-Z0-9]{2,12}$/.test(request.bankCode)) {
    throw new AppError('INVALID_BANK_CODE', 'The bank code is 2–12 capital letters or digits (e.g. ICBC).', 'bankCode');
  }
  if (!isConnectedBank(request.bankCode)) {
    throw new AppError(
      'BANK_NOT_CONNECTED',
      `${request.bankCode} is not connected to the system: wages can be paid only to a card at ${BANK_CODES.join(', ')}.`,
      'bankCode',
    );
  }
  const card = parseBankCard(request.cardNumber);
  if (!card) throw new AppError('INVALID_BANK_CARD', 'A bank card number has 16 to 19 digits.', 'cardNumber');
  const change: WageCardChange = {
    id: randomUUID(),
    workerId: worker.id,
    version: worker.wageCardVersion + 1,
    bankCode: request.bankCode,
    cardNumber: card.cardNumber,
    luhnValid: card.luhnValid,
    actorKind: actor.kind,
    actor: actor.subject,
    serviceCentreId: actor.kind === 'AGENT' ? actor.serviceCentreId : null,
    at,
  };
  const event = createEvent(
    wageCardChangedV1,
    IDENTITY_SOURCE,
    worker.id,
    {
      workerId: worker.id,
      holderName: worker.name,
      bankCode: change.bankCode,
      cardNumber: change.cardNumber,
      luhnValid: change.luhnValid,
      version: change.version,
      changedAt: at.toISOString(),
    },
    at,
  );
  return { change, events: [outgoing(wageCardChangedV1, event as CloudEvent)] };
}
