import { attendanceMonthClosedV1, projectRegisteredV1, projectStageChangedV1, wageCardChangedV1 } from '@yikatong/contracts';
import { on, startIdempotentConsumer, type EventBus, type Logger, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import { applyWageCardChange } from '../store/wage-cards';
import type { WarningJudge } from '../store/warnings';

export interface ConsumerDeps {
  db: PayrollDb;
  pii: PiiProtector;
  warnings: WarningJudge;
}

/**
 * The facts payroll keeps from other services: enterprise's projects (general contractor, region,
 * stage), identity's wage cards (where each worker is paid) and closed attendance months (how many
 * worked, the denominator of the arrears warnings).
 */
export function startPayrollConsumers(bus: EventBus, deps: ConsumerDeps, logger: Logger, afterCommit: () => void) {
  return startIdempotentConsumer<PayrollTx>({
    bus,
    db: deps.db,
    logger,
    consumer: 'payroll.facts',
    handlers: [
      on(projectRegisteredV1, async (tx: PayrollTx, event) => {
        const { projectId, generalContractorUscc, regionCode, registeredAt } = event.data;
        await tx.payrollProject.upsert({
          where: { projectId },
          create: { projectId, generalContractorUscc, regionCode, stage: 'BIDDING', updatedAt: new Date(registeredAt) },
          update: { generalContractorUscc, regionCode },
        });
      }),
      on(projectStageChangedV1, async (tx: PayrollTx, event) => {
        const { projectId, generalContractorUscc, regionCode, to, changedAt } = event.data;
        const at = new Date(changedAt);
        // An older stage change (a replay) never overwrites a newer one.
        const updated = await tx.payrollProject.updateMany({ where: { projectId, updatedAt: { lte: at } }, data: { stage: to, updatedAt: at } });
        if (updated.count === 0 && !(await tx.payrollProject.findUnique({ where: { projectId } }))) {
          await tx.payrollProject.create({ data: { projectId, generalContractorUscc, regionCode, stage: to, updatedAt: at } });
        }
      }),
      on(wageCardChangedV1, (tx: PayrollTx, event) => applyWageCardChange(tx, deps.pii, event.data)),
      on(attendanceMonthClosedV1, async (tx: PayrollTx, event) => {
        const { projectId, period, workers, closedAt } = event.data;
        const worked = workers.filter((worker) => worker.days > 0).length;
        await tx.attendanceMonth.upsert({
          where: { projectId_period: { projectId, period } },
          create: { projectId, period, workers: worked, closedAt: new Date(closedAt) },
          update: { workers: worked, closedAt: new Date(closedAt) },
        });
        await deps.warnings.judge(tx, projectId, new Date());
      }),
    ],
    afterCommit,
  });
}
