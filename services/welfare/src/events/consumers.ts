import {
  arrearsWarningRaisedV1,
  enrolmentEndedV1,
  workerRegisteredV1,
  enrolmentStartedV1,
  projectRegisteredV1,
  projectStageChangedV1,
} from '@yikatong/contracts';
import { dateOfDay, on, startIdempotentConsumer, type EventBus, type Logger } from '@yikatong/platform';
import type { WelfareDeps } from '../context';
import type { WelfareTx } from '../db';
import { fileComplaint } from '../domain/complaint';
import { holidayCalendar, saveComplaint } from '../store/complaints';

/**
 * Welfare follows enterprise's projects, identity's workers (training needs, scheme eligibility) and
 * enrolments (who must be covered, where, from when), and opens a follow-up case for labour inspection on each arrears warning payroll raises.
 */
export function startWelfareConsumers(bus: EventBus, deps: WelfareDeps, logger: Logger, afterCommit: () => void) {
  const { db } = deps;
  return startIdempotentConsumer<WelfareTx>({
    bus,
    db,
    logger,
    consumer: 'welfare.facts',
    handlers: [
      on(projectRegisteredV1, async (tx: WelfareTx, event) => {
        const { projectId, generalContractorUscc, regionCode, registeredAt } = event.data;
        await tx.welfareProject.upsert({
          where: { projectId },
          create: { projectId, generalContractorUscc, regionCode, stage: 'BIDDING', updatedAt: new Date(registeredAt) },
          update: { generalContractorUscc, regionCode },
        });
      }),
      on(projectStageChangedV1, async (tx: WelfareTx, event) => {
        const { projectId, generalContractorUscc, regionCode, to, changedAt } = event.data;
        const at = new Date(changedAt);
        // An older stage change (a replay) never overwrites a newer one.
        const updated = await tx.welfareProject.updateMany({ where: { projectId, updatedAt: { lte: at } }, data: { stage: to, updatedAt: at } });
        if (updated.count === 0 && !(await tx.welfareProject.findUnique({ where: { projectId } }))) {
          await tx.welfareProject.create({ data: { projectId, generalContractorUscc, regionCode, stage: to, updatedAt: at } });
        }
      }),
      on(enrolmentStartedV1, async (tx: WelfareTx, event) => {
        const { enrolmentId, workerId, projectId, startDate, endDate } = event.data;
        await tx.welfareEnrolment.upsert({
          where: { enrolmentId },
          create: { enrolmentId, workerId, projectId, startDate: dateOfDay(startDate), endDate: endDate ? dateOfDay(endDate) : null },
          update: { startDate: dateOfDay(startDate) },
        });
      }),
      on(enrolmentEndedV1, async (tx: WelfareTx, event) => {
        const { enrolmentId, workerId, projectId, endDate } = event.data;
        await tx.welfareEnrolment.upsert({
          where: { enrolmentId },
          create: { enrolmentId, workerId, projectId, startDate: dateOfDay(endDate), endDate: dateOfDay(endDate) },
          update: { endDate: dateOfDay(endDate) },
        });
      }),
      on(workerRegisteredV1, async (tx: WelfareTx, event) => {
        const { workerId, regionCode, tradeCode, birthYear, registeredAt } = event.data;
        await tx.welfareWorker.upsert({
          where: { workerId },
          create: { workerId, regionCode, tradeCode, birthYear, registeredAt: new Date(registeredAt) },
          update: { regionCode, tradeCode, birthYear },
        });
      }),
      on(arrearsWarningRaisedV1, async (tx: WelfareTx, event) => {
        const { warningId, projectId, uscc, colour, message } = event.data;
        if (await tx.complaint.findUnique({ where: { warningId } })) return;
        const project = await tx.welfareProject.findUnique({ where: { projectId } });
        const at = new Date(event.time);
        const { complaint, step } = fileComplaint(
          {
            category: 'WAGE_ARREARS',
            channel: 'ARREARS_WARNING',
            workerId: null,
            employerUscc: uscc,
            projectId,
            regionCode: project?.regionCode ?? '000000',
            periodFrom: null,
            periodTo: null,
            amountClaimedFen: null,
            workersAffected: 1,
            description: `${colour} arrears warning: ${message}`,
            handlerDept: 'LABOUR_INSPECTION',
          },
          'payroll',
          await holidayCalendar(tx, at),
          deps.sla,
          at,
        );
        await saveComplaint(tx, null, complaint, step, [], warningId);
      }),
    ],
    afterCommit,
  });
}
