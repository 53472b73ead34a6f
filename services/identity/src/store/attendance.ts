import type { IdentityDb, IdentityTx } from '../db';
import type { ClockIn } from '../domain/attendance';
import { chinaDayRange, periodBounds } from '../domain/calendar';
import type { WorkedTime } from '../domain/verification';

export interface AcceptedClockIn extends ClockIn {
  enrolmentId: string;
  outsideEnrolmentDates: boolean;
}

/**
 * Inserts a batch with one statement; a record a device already sent (same device and record
 * id) is skipped by the unique key, so a resend creates nothing twice. Returns how many were new.
 * `receivedAt`, the service clock's time, is when the batch arrived and its anomalies were found.
 */
export async function insertClockIns(
  tx: IdentityTx,
  clockIns: readonly AcceptedClockIn[],
  twoSitesWindowMinutes: number,
  receivedAt: Date,
): Promise<{ inserted: number; anomalies: number }> {
  if (clockIns.length === 0) return { inserted: 0, anomalies: 0 };
  const inserted = await tx.$queryRawUnsafe<Array<{ id: bigint; device_id: string; device_record_id: string }>>(
    `INSERT INTO attendance_record (device_id, device_record_id, worker_id, project_id, enrolment_id, method, at, photo_hash, received_at)
     SELECT *, $9::timestamptz FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::"AttendanceMethod"[], $7::timestamptz[], $8::varchar[])
     ON CONFLICT (device_id, device_record_id) DO NOTHING
     RETURNING id, device_id, device_record_id`,
    clockIns.map((c) => c.deviceId),
    clockIns.map((c) => c.deviceRecordId),
    clockIns.map((c) => c.workerId),
    clockIns.map((c) => c.projectId),
    clockIns.map((c) => c.enrolmentId),
    clockIns.map((c) => c.method),
    clockIns.map((c) => c.at.toISOString()),
    clockIns.map((c) => c.photoHash),
    receivedAt.toISOString(),
  );
  if (inserted.length === 0) return { inserted: 0, anomalies: 0 };
  const outside = new Set(clockIns.filter((c) => c.outsideEnrolmentDates).map((c) => `${c.deviceId}\u0000${c.deviceRecordId}`));
  const ids = inserted.map((row) => row.id.toString());
  const outsideIds = inserted.filter((row) => outside.has(`${row.device_id}\u0000${row.device_record_id}`)).map((row) => row.id.toString());
  // One lookup per new row through the (worker_id, at) and photo_hash indexes (LATERAL … LIMIT 1),
  // so the cost stays per batch however large the table grows.
  const anomalies = await tx.$executeRawUnsafe(
    `WITH batch AS (SELECT n.*, e.region_code FROM attendance_record n JOIN enrolment e ON e.id = n.enrolment_id WHERE n.id = ANY($1::bigint[]))
     INSERT INTO attendance_anomaly (kind, attendance_id, worker_id, project_id, region_code, other_worker_id, other_project_id, at, detected_at)
     SELECT 'OUTSIDE_ENROLMENT_DATES'::"AnomalyKind", b.id, b.worker_id, b.project_id, b.region_code, NULL::uuid, NULL::uuid, b.at, b.received_at
       FROM batch b WHERE b.id = ANY($2::bigint[])
     UNION ALL
     SELECT 'TWO_SITES_AT_ONCE'::"AnomalyKind", b.id, b.worker_id, b.project_id, b.region_code, NULL::uuid, o.project_id, b.at, b.received_at
       FROM batch b CROSS JOIN LATERAL (
         SELECT project_id FROM attendance_record o
          WHERE o.worker_id = b.worker_id AND o.project_id <> b.project_id
            AND o.at BETWEEN b.at - make_interval(mins => $3) AND b.at + make_interval(mins => $3)
          LIMIT 1) o
     UNION ALL
     SELECT 'PHOTO_ON_TWO_IDS'::"AnomalyKind", b.id, b.worker_id, b.project_id, b.region_code, o.worker_id, o.project_id, b.at, b.received_at
       FROM batch b CROSS JOIN LATERAL (
         SELECT worker_id, project_id FROM attendance_record o
          WHERE o.photo_hash = b.photo_hash AND o.worker_id <> b.worker_id
          LIMIT 1) o
       WHERE b.photo_hash IS NOT NULL
     ON CONFLICT (attendance_id, kind) DO NOTHING`,
    ids,
    outsideIds,
    twoSitesWindowMinutes,
  );
  return { inserted: inserted.length, anomalies };
}

/** Closed months (YYYY-MM) per project. */
export async function closedPeriods(db: IdentityDb | IdentityTx, projectIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await db.attendanceMonthClose.findMany({ where: { projectId: { in: [...projectIds] } }, select: { projectId: true, period: true } });
  const periods = new Map<string, Set<string>>();
  for (const row of rows) periods.set(row.projectId, (periods.get(row.projectId) ?? new Set()).add(row.period));
  return periods;
}

/**
 * Days and hours per worker on a project in a month, or in part of it (China days). A day counts
 * once however many clock-ins it has; its hours run from the first clock-in to the last. The
 * longest day and week are what part-time limits are judged on.
 */
export async function monthlyAttendance(
  db: IdentityDb | IdentityTx,
  projectId: string,
  period: string,
  workerIds?: readonly string[],
  cycle: { first: string; last: string } = periodBounds(period),
): Promise<WorkedTime[]> {
  const { from, to } = chinaDayRange(cycle.first, cycle.last);
  const rows = await db.$queryRawUnsafe<Array<{ worker_id: string; days: number; hours: number; longest_day: number; longest_week: number }>>(
    `WITH per_day AS (
       SELECT worker_id, (at AT TIME ZONE 'Asia/Shanghai')::date AS day, extract(epoch FROM max(at) - min(at)) / 3600 AS hours
         FROM attendance_record
        WHERE project_id = $1::uuid AND at >= $2::timestamptz AND at < $3::timestamptz
          AND ($4::uuid[] IS NULL OR worker_id = ANY($4::uuid[]))
        GROUP BY 1, 2),
     per_week AS (SELECT worker_id, date_trunc('week', day) AS week, sum(hours) AS hours FROM per_day GROUP BY 1, 2)
     SELECT d.worker_id::text, d.days, d.hours, d.longest_day, w.longest_week
       FROM (SELECT worker_id, count(*)::int AS days, round(sum(hours)::numeric, 2)::float8 AS hours,
                    round(max(hours)::numeric, 2)::float8 AS longest_day
               FROM per_day GROUP BY worker_id) d
       JOIN (SELECT worker_id, round(max(hours)::numeric, 2)::float8 AS longest_week FROM per_week GROUP BY worker_id) w USING (worker_id)
      ORDER BY d.worker_id`,
    projectId,
    from.toISOString(),
    to.toISOString(),
    workerIds ? [...workerIds] : null,
  );
  return rows.map((row) => ({
    workerId: row.worker_id,
    days: row.days,
    hours: row.hours,
    longestDayHours: row.longest_day,
    longestWeekHours: row.longest_week,
  }));
}

/** Each worker's last day on any site (China day), for the safety-retraining rule. */
export async function lastClockInDay(db: IdentityDb | IdentityTx, workerId: string): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<Array<{ day: string | null }>>(
    `SELECT to_char(max(at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM attendance_record WHERE worker_id = $1::uuid`,
    workerId,
  );
  return rows[0]?.day ?? null;
}
