import { appendToOutbox, type OutgoingEvent } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import type { WageAccount } from '../domain/wage-account';

export async function findAccounts(db: PayrollDb | PayrollTx, where: { id?: string; projectId?: string }): Promise<WageAccount[]> {
  return db.wageAccount.findMany({ where, orderBy: { requestedAt: 'asc' } });
}

/** The projects whose wage accounts (open or closed) this bank holds. */
export async function projectsBankedAt(db: PayrollDb, bankCode: string): Promise<string[]> {
  const accounts = await db.wageAccount.findMany({ where: { bankCode }, select: { projectId: true }, distinct: ['projectId'] });
  return accounts.map((account) => account.projectId);
}

/** The project's newest account: the open one if there is one (at most one is, by a unique index). */
export async function currentAccount(tx: PayrollTx, projectId: string): Promise<WageAccount | null> {
  return tx.wageAccount.findFirst({ where: { projectId }, orderBy: { requestedAt: 'desc' } });
}

export async function saveAccount(tx: PayrollTx, account: WageAccount, events: OutgoingEvent[]): Promise<void> {
  await tx.wageAccount.upsert({ where: { id: account.id }, create: account, update: account });
  await appendToOutbox(tx, events);
}
