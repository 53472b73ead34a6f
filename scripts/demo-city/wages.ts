// Payroll's part of the demo city: month by month since the wage history began, each construction
// project's client funding, its wage sheet from identity's closed attendance (prepared, reviewed,
// approved), the payments to the workers' cards on the day the plan's outcome says — and payroll's own
// warning sweep run at the instants it would have run, so the red, yellow and blue warnings the
// dashboard shows were raised and cleared by the real rules at their real times.
import { randomUUID } from 'node:crypto';
import { addDays, dateOfDay, lastDayOfPeriod, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb } from '../../services/payroll/src/db';
import { batchReserved, fundingReceived, linePaid, type Transfer } from '../../services/payroll/src/domain/ledger';
import { wagesDueOn } from '../../services/payroll/src/domain/pay-cycle';
import { recordTransfers } from '../../services/payroll/src/store/ledger';
import type { PayrollSweeper } from '../../services/payroll/src/jobs/payroll-sweeper';
import { atChinaHour, type CityPlan } from './plan';
import { attendanceOf, type StaffedProject, type Workforce } from './workforce';

/** Days after a month's end: sheet prepared, reviewed, approved; client's instalment received; paid on time; paid late. */
const DAY = { funded: 4, prepared: 3, reviewed: 4, approved: 5, paidOnTime: 8, paidLate: 27 } as const;

interface PendingLine {
  id: string;
  projectId: string;
  sheetId: string;
  amountFen: bigint;
  paidAt: Date | null;
}

/**
 * Writes the wage history and runs the warning sweep through it, month by month; a month already
 * written (its instalments are there) is skipped, so a restarted demo finishes its history.
 */
export async function writeWageHistory(
  db: PayrollDb,
  sweeper: PayrollSweeper,
  dueDaysAfterCycle: number,
  plan: CityPlan,
  projects: readonly StaffedProject[],
  { attendance, staff }: Workforce,
  pii: PiiProtector,
  now: Date,
): Promise<void> {
  const projectIds = projects.map((project) => project.projectId);
  const cards = new Map(
    (await db.workerWageCard.findMany({ where: { workerId: { in: [...attendance.values()].flat().map((entry) => entry.workerId) } } })).map((card) => [
      card.workerId,
      card,
    ]),
  );
  const accounts = new Map((await db.wageAccount.findMany({ where: { projectId: { in: projectIds } } })).map((account) => [account.projectId, account.id]));
  // The client's latest instalment due before today, which the plan's overdue projects did not pay.
  const overdueInstalment = [...plan.months].reverse().find((period) => addDays(lastDayOfPeriod(period), DAY.funded + 1) < plan.today);
  for (const period of plan.months) {
    const lastDay = lastDayOfPeriod(period);
    const dueOn = wagesDueOn({ lastDay }, dueDaysAfterCycle);
    const instalmentDue = dateOfDay(addDays(lastDay, DAY.funded + 1));
    if ((await db.fundingInstalment.count({ where: { projectId: { in: projectIds }, dueOn: instalmentDue } })) > 0) continue;
    const pending: PendingLine[] = [];
    await db.$transaction(
      async (tx) => {
        const transfers: Transfer[] = [];
        for (const project of projects) {
          const outcome = project.planned.pay[period] ?? 'ON_TIME';
          const at = (days: number, hour: number) => atChinaHour(addDays(lastDay, days), hour);
          const worked = attendanceOf(attendance, project.projectId, period);
          const receivedAt = at(DAY.funded, 10);
          const instalmentPaid = !(project.planned.fundingOverdue && period === overdueInstalment) && receivedAt <= now;
          // A month of 27 working days for everyone, and the first month twice over (the client's advance).
          const expectedFen =
            BigInt(project.planned.workers.reduce((sum, worker) => sum + worker.dailyRateFen * 27, 0)) * (period === plan.months[0] ? 2n : 1n);
          await tx.fundingInstalment.create({
            data: {
              id: randomUUID(),
              projectId: project.projectId,
              dueOn: instalmentDue,
              amountFen: expectedFen,
              paidFen: instalmentPaid ? expectedFen : 0n,
            },
          });
          if (instalmentPaid) {
            const receipt = { id: randomUUID(), accountId: accounts.get(project.projectId)!, projectId: project.projectId, amountFen: expectedFen };
            await tx.fundingReceipt.create({ data: { ...receipt, bankReference: `FUND-${period}-${project.planned.key}`, receivedAt, recordedBy: 'bank' } });
            transfers.push(fundingReceived(project.projectId, receipt.id, expectedFen, receivedAt));
          }
          const preparedAt = at(DAY.prepared, 10);
          if (worked.length === 0 || preparedAt > now) continue;
          // An unpaid month's sheet was prepared and then left: nobody reviewed, approved or paid it.
          const reviewedAt = outcome === 'UNPAID' || at(DAY.reviewed, 10) > now ? null : at(DAY.reviewed, 10);
          const approvedAt = reviewedAt && at(DAY.approved, 16) <= now ? at(DAY.approved, 16) : null;
          const sheetId = randomUUID();
          const lines = worked.map((entry) => {
            const { worker: facts, enrolmentId } = staff.get(entry.workerId)!;
            const grossFen = BigInt(entry.days * facts.dailyRateFen);
            return {
              id: randomUUID(),
              sheetId,
              projectId: project.projectId,
              period,
              workerId: entry.workerId,
              enrolmentId,
              employerUscc: project.contractorUscc,
              holderNameCipher: pii.encrypt(facts.name),
              idNumberCipher: pii.encrypt(facts.idNumber),
              phoneCipher: pii.encrypt(facts.phone),
              tradeCode: facts.tradeCode,
              employmentKind: 'FULL_TIME',
              rateKind: 'DAILY',
              rateFen: BigInt(facts.dailyRateFen),
              days: entry.days,
              hours: entry.hours,
              basePayFen: grossFen,
              additions: [],
              deductions: [],
              grossFen,
              deductionsFen: 0n,
              netFen: grossFen,
              warnings: [],
              confirmedAt: at(DAY.prepared + 1, 8),
            };
          });
          const totalFen = lines.reduce((sum, line) => sum + line.netFen, 0n);
          await tx.wageSheet.create({
            data: {
              id: sheetId,
              projectId: project.projectId,
              regionCode: project.planned.regionCode,
              generalContractorUscc: project.contractorUscc,
              employerUscc: project.contractorUscc,
              period,
              cycleKind: 'MONTH',
              firstDay: `${period}-01`,
              lastDay,
              dueOn,
              status: approvedAt ? 'APPROVED' : reviewedAt ? 'REVIEWED' : 'PREPARED',
              lineCount: lines.length,
              totalGrossFen: totalFen,
              totalNetFen: totalFen,
              preparedBy: `${project.contractorUscc}-clerk`,
              preparedAt,
              reviewedBy: reviewedAt && `${project.contractorUscc}-officer`,
              reviewedAt,
              approvedBy: approvedAt && `${project.contractorUscc}-admin`,
              approvedAt,
            },
          });
          await tx.wageLine.createMany({ data: lines });
          if (!approvedAt) continue;
          const byBank = new Map<string, typeof lines>();
          for (const line of lines) {
            const bankCode = cards.get(line.workerId)?.bankCode ?? 'ICBC';
            byBank.set(bankCode, [...(byBank.get(bankCode) ?? []), line]);
          }
          for (const [bankCode, bankLines] of byBank) {
            const batch = {
              id: randomUUID(),
              sheetId,
              projectId: project.projectId,
              period,
              bankCode,
              expectedCount: bankLines.length,
              expectedTotalFen: bankLines.reduce((sum, line) => sum + line.netFen, 0n),
              createdAt: approvedAt,
            };
            await tx.disbursementBatch.create({ data: batch });
            transfers.push(batchReserved(project.projectId, batch.id, batch.expectedTotalFen, batch.createdAt));
            const disbursed = bankLines.map((line) => ({
              id: randomUUID(),
              wageLineId: line.id,
              batchId: batch.id,
              sheetId,
              projectId: project.projectId,
              workerId: line.workerId,
              bankCode,
              amountFen: line.netFen,
              status: 'PENDING' as const,
            }));
            await tx.disbursementLine.createMany({ data: disbursed });
            const lastWorker = lines.at(-1)!.workerId;
            for (const line of disbursed) {
              const paidAt =
                outcome === 'LATE' ? at(DAY.paidLate, 11) : outcome === 'ALL_BUT_ONE' && line.workerId === lastWorker ? null : at(DAY.paidOnTime, 11);
              pending.push({ id: line.id, projectId: project.projectId, sheetId, amountFen: line.amountFen, paidAt: paidAt && paidAt <= now ? paidAt : null });
            }
          }
        }
        await recordTransfers(tx, transfers);
      },
      { timeout: 300_000 },
    );
    // The bank's reports, on time first; the sweep judges the day after the due date, and again once the late ones are in.
    const dueInstant = atChinaHour(addDays(dueOn, 1), 9);
    await settle(
      db,
      pending.filter((line) => line.paidAt && line.paidAt < dueInstant),
    );
    if (dueInstant <= now) await sweeper.tick(dueInstant);
    await settle(
      db,
      pending.filter((line) => line.paidAt && line.paidAt >= dueInstant),
    );
    const afterLate = atChinaHour(addDays(lastDay, DAY.paidLate + 1), 9);
    if (afterLate <= now) await sweeper.tick(afterLate);
  }
  await sweeper.tick(now);
}

/** The bank reports lines paid: each line PAID with its day, the money moved to the workers, a fully paid sheet PAID. */
async function settle(db: PayrollDb, lines: readonly PendingLine[]): Promise<void> {
  if (lines.length === 0) return;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `UPDATE disbursement_line d SET status = 'PAID', settled_at = p.at, bank_reference = 'DEMO-' || left(d.id::text, 8)
           FROM unnest($1::uuid[], $2::timestamptz[]) AS p(id, at) WHERE d.id = p.id`,
        lines.map((line) => line.id),
        lines.map((line) => line.paidAt!.toISOString()),
      );
      await recordTransfers(
        tx,
        lines.map((line) => linePaid(line.projectId, line.id, line.amountFen, line.paidAt!)),
      );
      await tx.$executeRawUnsafe(
        `UPDATE wage_sheet s SET status = 'PAID' WHERE s.id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM disbursement_line d WHERE d.sheet_id = s.id AND d.status <> 'PAID')`,
        [...new Set(lines.map((line) => line.sheetId))],
      );
    },
    { timeout: 120_000 },
  );
}
