import { appendToOutbox, type OutgoingEvent } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import type { WageAccount } from '../domain/wage-account';

export async function findAccounts(db: PayrollDb | PayrollTx, where: { id?: string; projectId?: { in: string[] } | string }): Promise<WageAccount[]> {
  return db.wageAccount.findMany({ where, orderBy: { requestedAt: 'asc' } });
}

/** The project's account that is not closed, locked for this transaction. */
export async function lockCurrentAccount(tx: PayrollTx, projectId: string): Promise<WageAccount | null> {
  await tx.$executeRawUnsafe("SELECT 1 FROM wage_account WHERE project_id = $1::uuid AND status <> 'CLOSED' FOR UPDATE", projectId);
  const open = await tx.wageAccount.findFirst({ where: { projectId, status: { not: 'CLOSED' } } });
  return open ?? (await tx.wageAccount.findFirst({ where: { projectId }, orderBy: { requestedAt: 'desc' } }));
}

export async function saveAccount(tx: PayrollTx, account: WageAccount, events: OutgoingEvent[]): Promise<void> {
  await tx.wageAccount.upsert({ where: { id: account.id }, create: account, update: account });
  await appendToOutbox(tx, events);
}
