// Identity's part of the demo city: every construction project's workers registered by real name
// (with their real-name cards), their wage cards, their enrolments, their clock-ins since the wage
// history began, and each closed month's attendance — decided by identity's own domain and store
// functions, saved in one transaction with the events payroll, welfare and enterprise build on.
import { randomUUID } from 'node:crypto';
import { addDays, appendToOutbox, dateOfDay, maskBankCard, maskIdNumber, maskPhone, type OutgoingEvent, type PiiProtector } from '@yikatong/platform';
import type { IdentityPolicy } from '../../services/identity/src/config';
import type { IdentityDb } from '../../services/identity/src/db';
import { closeAttendanceMonth } from '../../services/identity/src/domain/attendance';
import { startEnrolment } from '../../services/identity/src/domain/enrolment';
import { changeWageCard } from '../../services/identity/src/domain/wage-card';
import { registerWorker } from '../../services/identity/src/domain/worker';
import { monthlyAttendance } from '../../services/identity/src/store/attendance';
import { atChinaHour, nextMonthStart, type CityPlan, type PlannedProject, type PlannedWorker } from './plan';

export interface StaffedProject {
  planned: PlannedProject;
  projectId: string;
  contractorUscc: string;
}

/** Who worked how many days on a project in a closed month, as identity counts them from the clock-ins. */
export type MonthAttendance = Map<string, Array<{ workerId: string; days: number; hours: number }>>;

export interface Workforce {
  attendance: MonthAttendance;
  /** Each registered worker's plan and enrolment, by worker id. */
  staff: Map<string, { worker: PlannedWorker; enrolmentId: string }>;
}

const monthKey = (projectId: string, period: string) => `${projectId}/${period}`;

function hire(project: StaffedProject, plan: CityPlan, policy: IdentityPolicy, pii: PiiProtector) {
  const entered = addDays(`${plan.months[0]}-01`, -10);
  const registeredAt = atChinaHour(addDays(entered, -2), 10);
  return project.planned.workers.map((planned, i) => {
    const { worker, card, events } = registerWorker(
      { ...planned, education: 'JUNIOR_SECONDARY', skillLevel: 1 + (i % 4), regionCode: project.planned.regionCode },
      policy.workingAge,
      { subject: `${project.contractorUscc}-clerk`, enterpriseUscc: project.contractorUscc },
      registeredAt,
      addDays(entered, -2),
    );
    const wageCard = changeWageCard(
      { id: worker.id, name: worker.name, wageCardVersion: 0 },
      { bankCode: planned.bankCode, cardNumber: planned.cardNumber },
      { kind: 'SELF', subject: worker.id },
      atChinaHour(addDays(entered, -2), 11),
    );
    const enrolment = startEnrolment(
      {
        workerId: worker.id,
        projectId: project.projectId,
        employerUscc: project.contractorUscc,
        contractType: 'LABOUR_CONTRACT',
        tradeCode: planned.tradeCode,
        rateKind: 'DAILY',
        rateFen: planned.dailyRateFen,
        employmentKind: 'FULL_TIME',
        team: `${['钢筋', '木工', '瓦工', '混凝土'][i % 4]}班组`,
        startDate: entered,
        endDate: null,
      },
      {
        project: { id: project.projectId, regionCode: project.planned.regionCode, participants: [project.contractorUscc] },
        workerCardStatus: 'ACTIVE',
        safetyTrainedOn: addDays(entered, -1),
        lastActiveOn: null,
        activeEnrolments: [],
      },
      policy.enrolment,
      atChinaHour(addDays(entered, -1), 9),
    );
    const row = {
      id: worker.id,
      name: worker.name,
      idNumberCipher: pii.encrypt(worker.idNumber),
      idNumberHash: pii.lookupHash(worker.idNumber),
      idNumberMasked: maskIdNumber(worker.idNumber),
      birthDate: dateOfDay(worker.birthDate),
      sex: worker.sex,
      phoneCipher: pii.encrypt(worker.phone),
      phoneMasked: maskPhone(worker.phone),
      education: worker.education,
      tradeCode: worker.tradeCode,
      skillLevel: worker.skillLevel,
      regionCode: worker.regionCode,
      registeredByUscc: worker.registeredByUscc,
      registeredBy: worker.registeredBy,
      registeredAt: worker.registeredAt,
      safetyTrainedOn: dateOfDay(addDays(entered, -1)),
      wageBankCode: wageCard.change.bankCode,
      wageCardCipher: pii.encrypt(wageCard.change.cardNumber),
      wageCardMasked: maskBankCard(wageCard.change.cardNumber),
      wageCardLuhnValid: wageCard.change.luhnValid,
      wageCardVersion: wageCard.change.version,
    };
    const { startDate, endDate, ...rest } = enrolment.enrolment;
    return {
      planned,
      row,
      card,
      wageCard: {
        id: wageCard.change.id,
        workerId: worker.id,
        version: wageCard.change.version,
        bankCode: wageCard.change.bankCode,
        cardCipher: row.wageCardCipher,
        cardMasked: row.wageCardMasked,
        luhnValid: wageCard.change.luhnValid,
        actorKind: wageCard.change.actorKind,
        actor: wageCard.change.actor,
        serviceCentreId: wageCard.change.serviceCentreId,
        at: wageCard.change.at,
      },
      enrolment: {
        ...rest,
        startDate: dateOfDay(startDate),
        endDate: endDate ? dateOfDay(endDate) : null,
        createdBy: `${project.contractorUscc}-clerk`,
        createdAt: atChinaHour(addDays(entered, -1), 9),
      },
      events: [...events, ...card.events, ...wageCard.events, ...enrolment.events] as OutgoingEvent[],
    };
  });
}

/**
 * Writes the workforce and returns each closed month's attendance per project. Skipped (the
 * attendance read back) when the first project's workers are there already.
 */
export async function writeWorkforce(
  db: IdentityDb,
  plan: CityPlan,
  projects: readonly StaffedProject[],
  policy: IdentityPolicy,
  pii: PiiProtector,
): Promise<Workforce> {
  const already = (await db.enrolment.count({ where: { projectId: { in: projects.map((project) => project.projectId) } } })) > 0;
  const staff: Workforce['staff'] = new Map();
  if (already) {
    const planned = new Map(projects.flatMap((project) => project.planned.workers).map((worker) => [pii.lookupHash(worker.idNumber), worker]));
    const rows = await db.worker.findMany({
      where: { idNumberHash: { in: [...planned.keys()] } },
      select: { id: true, idNumberHash: true, enrolments: { select: { id: true } } },
    });
    for (const row of rows) staff.set(row.id, { worker: planned.get(row.idNumberHash)!, enrolmentId: row.enrolments[0]!.id });
  } else {
    const hired = projects.flatMap((project) => hire(project, plan, policy, pii));
    for (const { planned, row, enrolment } of hired) staff.set(row.id, { worker: planned, enrolmentId: enrolment.id });
    await db.$transaction(
      async (tx) => {
        await tx.worker.createMany({ data: hired.map(({ row }) => row) });
        await tx.realNameCard.createMany({ data: hired.map(({ card }) => card.card) });
        await tx.cardStatusChange.createMany({ data: hired.map(({ card }) => card.change) });
        await tx.wageCardChange.createMany({ data: hired.map(({ wageCard }) => wageCard) });
        await tx.enrolment.createMany({ data: hired.map(({ enrolment }) => enrolment) });
        await tx.enrolmentMovement.createMany({
          data: hired.map(({ enrolment }) => ({
            id: randomUUID(),
            enrolmentId: enrolment.id,
            kind: 'ENTRY' as const,
            day: enrolment.startDate,
            reason: '进场',
            actor: enrolment.createdBy,
            at: enrolment.createdAt,
          })),
        });
        // In at 07:30 and out at 17:30 China time on six days a week, one day in ten away, until yesterday.
        await tx.$executeRawUnsafe(
          `INSERT INTO attendance_record (device_id, device_record_id, worker_id, project_id, enrolment_id, method, at, received_at)
           SELECT 'gate-' || left(e.project_id::text, 8), e.id::text || '-' || d::date || '-' || io, e.worker_id, e.project_id, e.id, 'FACE',
                  (d::date + CASE io WHEN 0 THEN interval '7 hours 30 minutes' ELSE interval '17 hours 30 minutes' END) AT TIME ZONE 'Asia/Shanghai',
                  (d::date + CASE io WHEN 0 THEN interval '7 hours 31 minutes' ELSE interval '17 hours 31 minutes' END) AT TIME ZONE 'Asia/Shanghai'
             FROM enrolment e
             CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS d
             CROSS JOIN (VALUES (0), (1)) AS t(io)
            WHERE e.project_id = ANY($3::uuid[]) AND extract(isodow FROM d) <> 7 AND abs(hashtext(e.id::text || d::date::text)) % 10 <> 0`,
          `${plan.months[0]}-01`,
          addDays(plan.today, -1),
          projects.map((project) => project.projectId),
        );
        await appendToOutbox(
          tx,
          hired.flatMap(({ events }) => events),
        );
      },
      { timeout: 300_000 },
    );
  }
  await db.$executeRawUnsafe('ANALYZE attendance_record');
  const attendance: MonthAttendance = new Map();
  for (const project of projects) {
    for (const period of plan.months) {
      const workers = await monthlyAttendance(db, project.projectId, period);
      attendance.set(
        monthKey(project.projectId, period),
        workers.map(({ workerId, days, hours }) => ({ workerId, days, hours })),
      );
    }
  }
  return { attendance, staff };
}

export const attendanceOf = (attendance: MonthAttendance, projectId: string, period: string) => attendance.get(monthKey(projectId, period)) ?? [];

/** Closes each project's months for payroll, as its clerk did on the first of the next month. Skipped when they are closed already. */
export async function closeMonths(db: IdentityDb, plan: CityPlan, projects: readonly StaffedProject[], { attendance }: Workforce): Promise<void> {
  if ((await db.attendanceMonthClose.count({ where: { projectId: { in: projects.map((project) => project.projectId) } } })) > 0) return;
  const closes = projects.flatMap((project) =>
    plan.months.map((period) =>
      closeAttendanceMonth(
        project.projectId,
        period,
        attendanceOf(attendance, project.projectId, period),
        `${project.contractorUscc}-clerk`,
        atChinaHour(nextMonthStart(`${period}-01`), 9),
      ),
    ),
  );
  await db.$transaction(
    async (tx) => {
      await tx.attendanceMonthClose.createMany({ data: closes.map(({ close }) => close) });
      await appendToOutbox(
        tx,
        closes.flatMap(({ events }) => events),
      );
    },
    { timeout: 120_000 },
  );
}
