import { appendToOutbox, calendarFromDays, calendarWindow, notFound, type HolidayCalendar, type OutgoingEvent } from '@yikatong/platform';
import type { WelfareTx } from '../db';
import type { Complaint, ComplaintStep } from '../domain/complaint';

/** Locks the complaint row for the rest of the transaction, then reads it. */
export async function lockComplaint(tx: WelfareTx, complaintId: string): Promise<Complaint> {
  await tx.$executeRawUnsafe('SELECT 1 FROM complaint WHERE id = $1::uuid FOR UPDATE', complaintId);
  const row = await tx.complaint.findUnique({ where: { id: complaintId } });
  if (!row) throw notFound('COMPLAINT_NOT_FOUND', 'No complaint has this id.', 'complaintId');
  return row as Complaint;
}

export async function saveComplaint(tx: WelfareTx, complaint: Complaint, step: ComplaintStep, events: OutgoingEvent[] = [], warningId: string | null = null): Promise<void> {
  const { id, ...data } = complaint;
  await tx.complaint.upsert({ where: { id }, create: { ...complaint, warningId }, update: data });
  await tx.complaintStep.create({ data: step });
  await appendToOutbox(tx, events);
}

export async function holidayCalendar(tx: WelfareTx, now: Date): Promise<HolidayCalendar> {
  return calendarFromDays(await tx.holidayCalendarDay.findMany({ where: { day: calendarWindow(now) } }));
}
