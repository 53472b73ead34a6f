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
 * Pays an approved sheet from the project's dedicated wage account: the account row is locked so
 * two approvals on one project cannot both spend the same balance.
 */
export async function approveAndDisburse(tx: PayrollTx, pii: PiiProtector, sheet: WageSheet, at: Date): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT 1 FROM wage_account WHERE project_id = $1::uuid AND status IN ('ACTIVE', 'CLOSING') FOR UPDATE`, sheet.projectId);
  const account = await tx.wageAccount.findFirst({ where: { projectId: sheet.projectId, status: { in: ['ACTIVE', 'CLOSING'] } } });
  if (!account?.accountNumber) throw new AppError('WAGE_ACCOUNT_NOT_ACTIVE', 'The project has no active dedicated wage account to pay from.', 'sheetId');
  const lines = await tx.wageLine.findMany({ where: { sheetId: sheet.id }, select: { id: true, workerId: true, netFen: true } });
  const cards = await loadWageCards(tx, pii, lines.map((line) => line.workerId));
  const available = (await projectBalances(tx, [sheet.projectId])).get(sheet.projectId)!.get(LEDGER_ACCOUNTS.wageAccount)!;
  const disbursement = disburse(
    sheet,
    lines.map((line) => ({ wageLineId: line.id, workerId: line.workerId, netFen: line.netFen, card: cards.get(line.workerId) ?? null })),
    { bankCode: account.bankCode, accountNumber: account.accountNumber },
    available,
    at,
  );
  await saveSheet(tx, sheet);
  await saveDisbursement(tx, disbursement);
  await assertNoNegativeBalance(tx, [sheet.projectId]);
}
