import { maskBankCard, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';

export interface WageCardChange {
  workerId: string;
  holderName: string;
  bankCode: string;
  cardNumber: string;
  luhnValid: boolean;
  version: number;
  changedAt: string;
}

/** Keeps the newest card per worker: an older version arriving late changes nothing. */
export async function applyWageCardChange(tx: PayrollTx, pii: PiiProtector, change: WageCardChange): Promise<void> {
  const data = {
    holderNameCipher: pii.encrypt(change.holderName),
    bankCode: change.bankCode,
    cardNumberCipher: pii.encrypt(change.cardNumber),
    cardMasked: maskBankCard(change.cardNumber),
    luhnValid: change.luhnValid,
    version: change.version,
    changedAt: new Date(change.changedAt),
  };
  const updated = await tx.workerWageCard.updateMany({ where: { workerId: change.workerId, version: { lt: change.version } }, data });
  if (updated.count === 0) await tx.workerWageCard.createMany({ data: [{ workerId: change.workerId, ...data }], skipDuplicates: true });
}

export interface PayableCard {
  holderName: string;
  bankCode: string;
  cardNumber: string;
}

export async function loadWageCards(db: PayrollDb | PayrollTx, pii: PiiProtector, workerIds: readonly string[]): Promise<Map<string, PayableCard>> {
  const rows = await db.workerWageCard.findMany({ where: { workerId: { in: [...workerIds] } } });
  return new Map(
    rows.map((row) => [row.workerId, { holderName: pii.decrypt(row.holderNameCipher), bankCode: row.bankCode, cardNumber: pii.decrypt(row.cardNumberCipher) }]),
  );
}
