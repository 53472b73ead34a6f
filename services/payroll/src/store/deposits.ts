import { appendToOutbox, loadHolidayCalendar, type HolidayCalendar, type OutgoingEvent } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import type { Deposit, Drawdown } from '../domain/deposit';
import type { Transfer } from '../domain/ledger';
import { assertNoNegativeBalance, recordTransfers } from './ledger';
import { DEFAULT_DEPOSIT_POLICY, type DepositPolicy } from '../domain/deposit-rate';

/** The project's deposit that is not released, locked for the rest of the transaction. */
export async function lockLiveDeposit(tx: PayrollTx, projectId: string): Promise<Deposit | null> {
  await tx.$executeRawUnsafe(`SELECT 1 FROM deposit WHERE project_id = $1::uuid AND status <> 'RELEASED' FOR UPDATE`, projectId);
  return tx.deposit.findFirst({ where: { projectId, status: { not: 'RELEASED' } } });
}

/** Saves the deposit with its events and the money it moved (checked never to leave a holding account negative). */
export async function saveDeposit(tx: PayrollTx, deposit: Deposit, events: OutgoingEvent[] = [], transfers: readonly Transfer[] = []): Promise<void> {
  const { id, ...data } = deposit;
  await tx.deposit.upsert({ where: { id }, create: deposit, update: data });
  await appendToOutbox(tx, events);
  if (transfers.length) {
    await recordTransfers(tx, transfers);
    await assertNoNegativeBalance(tx, [deposit.projectId]);
  }
}

export async function saveDrawdown(tx: PayrollTx, drawdown: Drawdown): Promise<void> {
  const { id, ...data } = drawdown;
  const payees = drawdown.payees.map((payee) => ({ workerId: payee.workerId, amountFen: payee.amountFen.toString() }));
  await tx.depositDrawdown.upsert({ where: { id }, create: { ...drawdown, payees }, update: { ...data, payees } });
}

/** The province's policy row, or the national one, or the built-in default. */
export async function depositPolicy(tx: PayrollTx, regionCode: string): Promise<DepositPolicy> {
  const rows = await tx.depositPolicy.findMany({ where: { provinceCode: { in: ['00', regionCode.slice(0, 2)] } } });
  return rows.find((row) => row.provinceCode !== '00') ?? rows[0] ?? DEFAULT_DEPOSIT_POLICY;
}

export function holidayCalendar(tx: PayrollTx, now: Date): Promise<HolidayCalendar> {
  return loadHolidayCalendar(tx.holidayCalendarDay, now);
}
