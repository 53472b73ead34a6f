import DataLoader from 'dataloader';
import { byId, groupBy, type Clock, type PiiProtector, type Principal } from '@yikatong/platform';
import type { PayPolicy } from './domain/pay-rules';
import type { PayrollDb } from './db';
import type { DepositRateInputsSource } from './grpc/enterprise-client';
import type { WorkerVerifier } from './grpc/identity-client';
import type { WarningJudge } from './store/warnings';

/** What every resolver may use: the caller, the database, the clock, identity's answers and the policies from config. */
export interface PayrollDeps {
  db: PayrollDb;
  clock: Clock;
  pii: PiiProtector;
  verifyWorkers: WorkerVerifier;
  depositRateInputs: DepositRateInputsSource;
  payPolicy: PayPolicy;
  warnings: WarningJudge;
}

/** One set of DataLoaders per request: a sheet's batches and a line's payments in one query each. */
export function createPayrollContext(principal: Principal | null, deps: PayrollDeps, nudgeOutbox: () => void) {
  const { db } = deps;
  return {
    ...deps,
    principal,
    nudgeOutbox,
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

export type PayrollContext = ReturnType<typeof createPayrollContext>;
