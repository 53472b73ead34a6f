import { projectRegisteredV1, projectStageChangedV1 } from '@yikatong/contracts';
import { on, startIdempotentConsumer, type EventBus, type Logger } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';

/** Payroll follows enterprise's projects: who the general contractor is, and the stage (wage accounts open only on live projects). */
export function startPayrollConsumers(bus: EventBus, db: PayrollDb, logger: Logger, afterCommit: () => void) {
  return startIdempotentConsumer<PayrollTx>({
    bus,
    db,
    logger,
    consumer: 'payroll.projects',
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
    ],
    afterCommit,
  });
}
