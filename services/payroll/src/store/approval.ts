import { AppError, type PiiProtector } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import { disburse } from '../domain/disbursement';
import { LEDGER_ACCOUNTS } from '../domain/ledger';
import type { WageSheet } from '../domain/wage-sheet';
import { saveDisbursement } from './disbursements';
import { assertNoNegativeBalance, projectBalances } from './ledger';
import { saveSheet } from './sheets';
import { loadWageCards } from './wage-cards';

/**
 * Pays wage lines from the project's dedicated wage account: the account row is locked so two
 * payments on one project cannot both spend the same balance.
 */
async function disburseLines(
  tx: PayrollTx,
  pii: PiiProtector,
  sheet: WageSheet,
  lines: ReadonlyArray<{ id: string; workerId: string; netFen: bigint }>,
  at: Date,
): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT 1 FROM wage_account WHERE project_id = $1::uuid AND status IN ('ACTIVE', 'CLOSING') FOR UPDATE`, sheet.projectId);
  const account = await tx.wageAccount.findFirst({ where: { projectId: sheet.projectId, status: { in: ['ACTIVE', 'CLOSING'] } } });
  if (!account?.accountNumber) throw new AppError('WAGE_ACCOUNT_NOT_ACTIVE', 'The project has no active dedicated wage account to pay from.', 'sheetId');
  const cards = await loadWageCards(
    tx,
    pii,
    lines.map((line) => line.workerId),
  );
  const available = (await projectBalances(tx, [sheet.projectId])).get(sheet.projectId)!.get(LEDGER_ACCOUNTS.wageAccount)!;
  const disbursement = disburse(
    sheet,
    lines.map((line) => ({ wageLineId: line.id, workerId: line.workerId, netFen: line.netFen, card: cards.get(line.workerId) ?? null })),
    { bankCode: account.bankCode, accountNumber: account.accountNumber },
    available,
    at,
  );
  await saveDisbursement(tx, disbursement);
  await assertNoNegativeBalance(tx, [sheet.projectId]);
}

/** Pays an approved sheet: every line, one batch per bank. */
export async function approveAndDisburse(tx: PayrollTx, pii: PiiProtector, sheet: WageSheet, at: Date): Promise<void> {
  await saveSheet(tx, sheet);
  await disburseLines(tx, pii, sheet, await tx.wageLine.findMany({ where: { sheetId: sheet.id }, select: { id: true, workerId: true, netFen: true } }), at);
}

/**
 * Sends again the lines whose payment failed (a closed card, a wrong number) once the worker's
 * card is fixed: lines with a live instruction are never sent twice (a unique index decides).
 */
export async function reissueFailed(tx: PayrollTx, pii: PiiProtector, sheet: WageSheet, at: Date): Promise<number> {
  if (sheet.status !== 'APPROVED')
    throw new AppError(
      'WAGE_SHEET_NOT_APPROVED',
      `The sheet is ${sheet.status.toLowerCase()}; only an approved sheet's failed payments are sent again.`,
      'sheetId',
    );
  const lines = await tx.$queryRawUnsafe<Array<{ id: string; worker_id: string; net_fen: bigint }>>(
    `SELECT l.id::text, l.worker_id::text, l.net_fen FROM wage_line l
      WHERE l.sheet_id = $1::uuid AND l.net_fen > 0
        AND EXISTS (SELECT 1 FROM disbursement_line d WHERE d.wage_line_id = l.id AND d.status = 'FAILED')
        AND NOT EXISTS (SELECT 1 FROM disbursement_line d WHERE d.wage_line_id = l.id AND d.status <> 'FAILED')`,
    sheet.id,
  );
  if (lines.length === 0) throw new AppError('NO_FAILED_PAYMENTS', 'No payment of this sheet is waiting to be sent again.', 'sheetId');
  await disburseLines(
    tx,
    pii,
    sheet,
    lines.map((line) => ({ id: line.id, workerId: line.worker_id, netFen: BigInt(line.net_fen) })),
    at,
  );
  return lines.length;
}
