import { appendToOutbox, loadHolidayCalendar, notFound, type HolidayCalendar, type OutgoingEvent } from '@yikatong/platform';
import type { WelfareTx } from '../db';
import { tallyKey, type Complaint, type ComplaintStep } from '../domain/complaint';

/** Locks the complaint row for the rest of the transaction, then reads it. */
export async function lockComplaint(tx: WelfareTx, complaintId: string): Promise<Complaint> {
  await tx.$executeRawUnsafe('SELECT 1 FROM complaint WHERE id = $1::uuid FOR UPDATE', complaintId);
  const row = await tx.complaint.findUnique({ where: { id: complaintId } });
  if (!row) throw notFound('COMPLAINT_NOT_FOUND', 'No complaint has this id.', 'complaintId');
  return row as Complaint;
}

async function adjustTally(tx: WelfareTx, key: ReturnType<typeof tallyKey>, delta: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO complaint_tally (region_code, category, stage, due_on, count) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (region_code, category, stage, due_on) DO UPDATE SET count = complaint_tally.count + EXCLUDED.count`,
    key.regionCode,
    key.category,
    key.stage,
    key.dueOn,
    delta,
  );
}

/** Saves a new (previous null) or changed complaint with its step, its events and its place in the dashboard tally. */
export async function saveComplaint(
  tx: WelfareTx,
  previous: Complaint | null,
  complaint: Complaint,
  step: ComplaintStep,
  events: OutgoingEvent[] = [],
  warningId: string | null = null,
): Promise<void> {
  const { id, ...data } = complaint;
  await tx.complaint.upsert({ where: { id }, create: { ...complaint, warningId }, update: data });
  const [before, after] = [previous && tallyKey(previous), tallyKey(complaint)];
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    if (before) await adjustTally(tx, before, -1);
    await adjustTally(tx, after, 1);
  }
  await tx.complaintStep.create({ data: step });
  await appendToOutbox(tx, events);
}

export function holidayCalendar(tx: WelfareTx, now: Date): Promise<HolidayCalendar> {
  return loadHolidayCalendar(tx.holidayCalendarDay, now);
}
