import DataLoader from 'dataloader';
import { byId, groupBy } from '@yikatong/platform';
import type { PayrollDb } from '../db';

/** One set of loaders per request: a sheet's batches and a line's payments in one query each. */
export function createPayrollLoaders(db: PayrollDb) {
  return {
    batchesBySheet: new DataLoader(async (sheetIds: readonly string[]) =>
      groupBy(
        sheetIds,
        await db.disbursementBatch.findMany({ where: { sheetId: { in: [...sheetIds] } }, orderBy: { bankCode: 'asc' } }),
        (batch) => batch.sheetId,
      ),
    ),
    paymentsByWageLine: new DataLoader(async (lineIds: readonly string[]) =>
      groupBy(lineIds, await db.disbursementLine.findMany({ where: { wageLineId: { in: [...lineIds] } } }), (payment) => payment.wageLineId),
    ),
    accountsByProject: new DataLoader(async (projectIds: readonly string[]) =>
      groupBy(projectIds, await db.wageAccount.findMany({ where: { projectId: { in: [...projectIds] } } }), (account) => account.projectId),
    ),
    warningById: new DataLoader(async (ids: readonly string[]) => byId(ids, await db.arrearsWarning.findMany({ where: { id: { in: [...ids] } } }))),
    drawdownsByDeposit: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await db.depositDrawdown.findMany({ where: { depositId: { in: [...ids] } }, orderBy: { startedAt: 'asc' } }),
        (drawdown) => drawdown.depositId,
      ),
    ),
    batchTotals: new DataLoader(async (batchIds: readonly string[]) => {
      const rows = await db.disbursementLine.groupBy({
        by: ['batchId', 'status'],
        where: { batchId: { in: [...batchIds] } },
        _count: { _all: true },
        _sum: { amountFen: true },
      });
      return groupBy(batchIds, rows, (row) => row.batchId);
    }),
  };
}

export type PayrollLoaders = ReturnType<typeof createPayrollLoaders>;
