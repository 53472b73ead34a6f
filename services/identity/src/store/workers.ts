import {
  AppError,
  appendToOutbox,
  conflict,
  dateOfDay,
  maskBankCard,
  maskIdNumber,
  maskPhone,
  type OutgoingEvent,
  type PiiProtector,
} from '@yikatong/platform';
import { Prisma } from '../generated/prisma/client';
import type { IdentityDb, IdentityTx } from '../db';
import type { WageCardChange } from '../domain/wage-card';
import type { WorkerRegistration } from '../domain/worker';
import { saveCardChange } from './cards';

export type WorkerRow = Prisma.WorkerGetPayload<object>;

/**
 * The ID number is registered already. Told as it stands, it names nothing about the person: the
 * resolver tells more only to a caller who may see the registered worker.
 */
export class IdNumberAlreadyRegistered extends AppError {
  constructor() {
    super(
      'WORKER_ALREADY_REGISTERED',
      'This ID number is already in the registry; do not register the person again. To employ them, enrol them with the ID number and name from their ID card (enrolWorker).',
      'idNumber',
    );
  }
}

/** Saves a registration (worker, card, events) in the caller's transaction; one worker per ID number. */
export async function saveRegistration(tx: IdentityTx, pii: PiiProtector, { worker, card, events }: WorkerRegistration): Promise<void> {
  const idNumberHash = pii.lookupHash(worker.idNumber);
  if (await tx.worker.findUnique({ where: { idNumberHash }, select: { id: true } })) throw new IdNumberAlreadyRegistered();
  try {
    await tx.worker.create({
      data: {
        id: worker.id,
        name: worker.name,
        idNumberCipher: pii.encrypt(worker.idNumber),
        idNumberHash,
        idNumberMasked: maskIdNumber(worker.idNumber),
        birthDate: dateOfDay(worker.birthDate),
        sex: worker.sex,
        phoneCipher: pii.encrypt(worker.phone),
        phoneMasked: maskPhone(worker.phone),
        education: worker.education,
        tradeCode: worker.tradeCode,
        skillLevel: worker.skillLevel,
        regionCode: worker.regionCode,
        registeredByUscc: worker.registeredByUscc,
        registeredBy: worker.registeredBy,
        registeredAt: worker.registeredAt,
      },
    });
  } catch (error) {
    // Two clerks registering the same person at the same moment: the unique hash decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new IdNumberAlreadyRegistered();
    throw error;
  }
  await saveCardChange(tx, card);
  await appendToOutbox(tx, events);
}

export function findWorkersByIds(db: IdentityDb | IdentityTx, ids: readonly string[]): Promise<WorkerRow[]> {
  return db.worker.findMany({ where: { id: { in: [...ids] } } });
}

export function findWorkerByIdNumber(db: IdentityDb, pii: PiiProtector, idNumber: string): Promise<WorkerRow | null> {
  return db.worker.findUnique({ where: { idNumberHash: pii.lookupHash(idNumber) } });
}

/** Replaces the active wage card; the version check makes two simultaneous changes a conflict, not a lost update. */
export async function saveWageCardChange(tx: IdentityTx, pii: PiiProtector, change: WageCardChange, events: OutgoingEvent[]) {
  const cardCipher = pii.encrypt(change.cardNumber);
  const cardMasked = maskBankCard(change.cardNumber);
  const updated = await tx.worker.updateMany({
    where: { id: change.workerId, wageCardVersion: change.version - 1 },
    data: {
      wageBankCode: change.bankCode,
      wageCardCipher: cardCipher,
      wageCardMasked: cardMasked,
      wageCardLuhnValid: change.luhnValid,
      wageCardVersion: change.version,
    },
  });
  if (updated.count !== 1)
    throw conflict('WAGE_CARD_CHANGED_CONCURRENTLY', 'The wage card was changed by someone else just now; reload and try again.', 'workerId');
  await tx.wageCardChange.create({
    data: {
      id: change.id,
      workerId: change.workerId,
      version: change.version,
      bankCode: change.bankCode,
      cardCipher,
      cardMasked,
      luhnValid: change.luhnValid,
      actorKind: change.actorKind,
      actor: change.actor,
      serviceCentreId: change.serviceCentreId,
      at: change.at,
    },
  });
  await appendToOutbox(tx, events);
}
