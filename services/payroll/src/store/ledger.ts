import { AppError } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import { LEDGER_ACCOUNTS, NON_NEGATIVE_ACCOUNTS, type LedgerAccount, type Transfer } from '../domain/ledger';

/** Appends transfers in one statement (a bank's settlement call moves money for 1,000 lines). */
export async function recordTransfers(tx: PayrollTx, transfers: readonly Transfer[]): Promise<void> {
  if (transfers.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ledger_transfer (project_id, debit, credit, amount_fen, cause, cause_id, at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::timestamptz[])`,
    transfers.map((t) => t.projectId),
    transfers.map((t) => t.debit),
    transfers.map((t) => t.credit),
    transfers.map((t) => t.amountFen.toString()),
    transfers.map((t) => t.cause),
    transfers.map((t) => t.causeId),
    transfers.map((t) => t.at.toISOString()),
  );
}

/** Balances of the projects' accounts, derived from their transfers. */
export async function projectBalances(db: PayrollDb | PayrollTx, projectIds: readonly string[]): Promise<Map<string, Map<LedgerAccount, bigint>>> {
  const rows = await db.$queryRawUnsafe<Array<{ project_id: string; account: LedgerAccount; balance: bigint }>>(
    `SELECT project_id::text, account, sum(amount)::bigint AS balance FROM (
       SELECT project_id, debit AS account, amount_fen AS amount FROM ledger_transfer WHERE project_id = ANY($1::uuid[])
       UNION ALL
       SELECT project_id, credit, -amount_fen FROM ledger_transfer WHERE project_id = ANY($1::uuid[])) movements
     GROUP BY 1, 2`,
    [...projectIds],
  );
  const result = new Map<string, Map<LedgerAccount, bigint>>(
    projectIds.map((id) => [id, new Map(Object.values(LEDGER_ACCOUNTS).map((account) => [account, 0n]))]),
  );
  for (const row of rows) result.get(row.project_id)?.set(row.account, BigInt(row.balance));
  return result;
}

/**
 * The last check before a money-moving transaction commits: an account that holds money is never
 * below zero. Whatever the code above did, a violation rolls the whole transaction back.
 */
export async function assertNoNegativeBalance(tx: PayrollTx, projectIds: readonly string[]): Promise<void> {
  for (const [projectId, accounts] of await projectBalances(tx, projectIds)) {
    for (const account of NON_NEGATIVE_ACCOUNTS) {
      if ((accounts.get(account) ?? 0n) < 0n)
        throw new AppError('LEDGER_WOULD_GO_NEGATIVE', `This would take ${account} of project ${projectId} below zero; nothing was changed.`);
    }
  }
}
