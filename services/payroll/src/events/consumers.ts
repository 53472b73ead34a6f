import {
  attendanceMonthClosedV1,
  complaintClosedV1,
  complaintFiledV1,
  complaintVerifiedV1,
  enrolmentEndedV1,
  enterpriseBlacklistedV1,
  projectRegisteredV1,
  projectStageChangedV1,
  wageCardChangedV1,
} from '@yikatong/contracts';
import { on, startIdempotentConsumer, type Clock, type EventBus, type Logger, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import { DEFAULT_DEPOSIT_DEADLINES, reassess, startDrawdown } from '../domain/deposit';
import { assessDeposit } from '../domain/deposit-rate';
import { depositPolicy, holidayCalendar, lockLiveDeposit, saveDeposit, saveDrawdown } from '../store/deposits';
import { applyWageCardChange } from '../store/wage-cards';
import type { WarningJudge } from '../store/warnings';

export interface ConsumerDeps {
  db: PayrollDb;
  clock: Clock;
  pii: PiiProtector;
  warnings: WarningJudge;
}

/**
 * The facts payroll keeps from other services: enterprise's projects (general contractor, region,
 * stage), identity's wage cards (where each worker is paid) and closed attendance months (how many
 * worked, the denominator of the arrears warnings). A verified wage complaint with an amount owed
 * draws on the project's deposit (welfare's labour inspection has ordered payment by then); a
 * listing on the dishonesty list raises the contractor's held deposits to the +100 % rate. Open
 * complaints and workers who left feed the warnings.
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
        const contractValueFen = event.data.contractValueFen === undefined ? null : BigInt(event.data.contractValueFen);
        await tx.payrollProject.upsert({
          where: { projectId },
          create: { projectId, generalContractorUscc, regionCode, stage: 'BIDDING', contractValueFen, updatedAt: new Date(registeredAt) },
          update: { generalContractorUscc, regionCode, contractValueFen },
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
        await deps.warnings.judge(tx, projectId, deps.clock.now());
      }),
      on(complaintVerifiedV1, async (tx: PayrollTx, event) => {
        const { complaintId, projectId, category, amountOwedFen } = event.data;
        if (category !== 'WAGE_ARREARS' || !projectId || !amountOwedFen || BigInt(amountOwedFen) === 0n) return;
        const deposit = await lockLiveDeposit(tx, projectId);
        const cause = `complaint:${complaintId}`;
        if (!deposit || deposit.status !== 'HELD' || deposit.heldFen === 0n || (await tx.depositDrawdown.count({ where: { depositId: deposit.id, cause } })))
          return;
        const at = new Date(event.time);
        const result = startDrawdown(deposit, BigInt(amountOwedFen), cause, [], await holidayCalendar(tx, at), DEFAULT_DEPOSIT_DEADLINES, at);
        await saveDeposit(tx, result.deposit, result.events, result.transfers);
        await saveDrawdown(tx, result.drawdown);
      }),
      on(complaintFiledV1, async (tx: PayrollTx, event) => {
        const { complaintId, projectId, filedAt } = event.data;
        if (!projectId) return;
        await tx.openComplaint.createMany({ data: [{ complaintId, projectId, filedAt: new Date(filedAt) }], skipDuplicates: true });
        await deps.warnings.judge(tx, projectId, deps.clock.now());
      }),
      on(complaintClosedV1, async (tx: PayrollTx, event) => {
        const { complaintId, projectId } = event.data;
        if (!projectId) return;
        await tx.openComplaint.deleteMany({ where: { complaintId } });
        await deps.warnings.judge(tx, projectId, deps.clock.now());
      }),
      on(enrolmentEndedV1, async (tx: PayrollTx, event) => {
        const { enrolmentId, workerId, projectId, endDate } = event.data;
        await tx.leaver.upsert({ where: { enrolmentId }, create: { enrolmentId, workerId, projectId, endDate }, update: { endDate } });
        await deps.warnings.judge(tx, projectId, deps.clock.now());
      }),
      on(enterpriseBlacklistedV1, async (tx: PayrollTx, event) => {
        const at = new Date(event.time);
        const deposits = await tx.deposit.findMany({ where: { uscc: event.data.uscc, status: 'HELD' }, select: { projectId: true } });
        for (const { projectId } of deposits) {
          const project = await tx.payrollProject.findUnique({ where: { projectId } });
          const deposit = await lockLiveDeposit(tx, projectId);
          if (!project?.contractValueFen || !deposit) continue;
          // Listed: the blacklist surcharge applies whatever else the record says.
          const assessment = assessDeposit(
            project.contractValueFen,
            { cleanYears: 0, arrearsInLastTwoYears: true, listed: true, compliantRealNameAndWageAccount: false },
            await depositPolicy(tx, project.regionCode),
          );
          await saveDeposit(tx, reassess(deposit, assessment, await holidayCalendar(tx, at), DEFAULT_DEPOSIT_DEADLINES, at));
        }
      }),
    ],
    afterCommit,
  });
}
