import { randomUUID } from 'node:crypto';
import { appendToOutbox, dateOfDay, dayOf, type OutgoingEvent } from '@yikatong/platform';
import type { IdentityDb, IdentityTx } from '../db';
import type { Enrolment } from '../domain/enrolment';
import type { Prisma } from '../generated/prisma/client';

type EnrolmentRow = Prisma.EnrolmentGetPayload<object>;

export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    workerId: row.workerId,
    projectId: row.projectId,
    employerUscc: row.employerUscc,
    regionCode: row.regionCode,
    contractType: row.contractType,
    tradeCode: row.tradeCode,
    rateKind: row.rateKind,
    rateFen: row.rateFen,
    employmentKind: row.employmentKind,
    team: row.team,
    startDate: dayOf(row.startDate),
    endDate: row.endDate ? dayOf(row.endDate) : null,
    status: row.status,
    registeredLateByDays: row.registeredLateByDays,
  };
}

export async function findEnrolments(db: IdentityDb | IdentityTx, where: Prisma.EnrolmentWhereInput): Promise<Enrolment[]> {
  return (await db.enrolment.findMany({ where, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] })).map(toEnrolment);
}

/** Saves a new or changed enrolment, its entry or exit movement and its events, in the caller's transaction. */
export async function saveEnrolment(
  tx: IdentityTx,
  enrolment: Enrolment,
  movement: { kind: 'ENTRY' | 'EXIT'; day: string; reason: string; actor: string; at: Date },
  events: OutgoingEvent[],
): Promise<void> {
  const { startDate, endDate, ...rest } = enrolment;
  const dates = { startDate: dateOfDay(startDate), endDate: endDate ? dateOfDay(endDate) : null };
  if (movement.kind === 'ENTRY') {
    await tx.enrolment.create({ data: { ...rest, ...dates, createdBy: movement.actor, createdAt: movement.at } });
  } else {
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: enrolment.status, endDate: dates.endDate } });
  }
  await tx.enrolmentMovement.create({
    data: {
      id: randomUUID(),
      enrolmentId: enrolment.id,
      kind: movement.kind,
      day: dateOfDay(movement.day),
      reason: movement.reason,
      actor: movement.actor,
      at: movement.at,
    },
  });
  await appendToOutbox(tx, events);
}
