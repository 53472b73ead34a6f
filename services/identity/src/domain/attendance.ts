import { attendanceMonthClosedV1, createEvent, type CloudEvent } from '@yikatong/contracts';
import { AppError, chinaDay, chinaPeriod, instantPlusDays, outgoing, PERIOD_PATTERN, type OutgoingEvent } from '@yikatong/platform';
import { IDENTITY_SOURCE } from './card';
import type { Enrolment } from './enrolment';

export const ATTENDANCE_METHODS = ['FACE', 'FINGERPRINT', 'IRIS', 'GEOFENCE'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** One clock-in as a gate device (or a geofence) reports it. */
export interface ClockIn {
  /** The device's own record id: a resend of the same id creates nothing twice. */
  deviceRecordId: string;
  /** The gate device, or the geofence for geofence clock-ins. */
  deviceId: string;
  workerId: string;
  projectId: string;
  method: AttendanceMethod;
  at: Date;
  photoHash: string | null;
}

/** Province policy (config): clock drift tolerated and how late a device may upload. */
export interface AttendancePolicy {
  maxClockSkewMinutes: number;
  maxUploadDelayDays: number;
}

export type Judgement = { accepted: true; enrolmentId: string; outsideEnrolmentDates: boolean } | { accepted: false; code: string; message: string };

const reject = (code: string, message: string): Judgement => ({ accepted: false, code, message });

/**
 * Accepts a clock-in from a worker enrolled on the project (at any time: a clock-in outside the
 * enrolment's dates is kept and flagged, because it may be evidence of unpaid work); rejects the rest.
 */
export function judgeClockIn(
  clockIn: ClockIn,
  enrolmentsOnProject: readonly Enrolment[],
  closedPeriods: ReadonlySet<string>,
  policy: AttendancePolicy,
  now: Date,
): Judgement {
  if (Number.isNaN(clockIn.at.getTime())) return reject('INVALID_TIME', 'The clock-in time is not a valid timestamp.');
  if (clockIn.at.getTime() > now.getTime() + policy.maxClockSkewMinutes * 60_000) {
    return reject('TIME_IN_FUTURE', 'The clock-in time is in the future; check the device clock.');
  }
  if (clockIn.at.getTime() < instantPlusDays(now, -policy.maxUploadDelayDays).getTime()) {
    return reject(
      'UPLOAD_TOO_LATE',
      `Clock-ins older than ${policy.maxUploadDelayDays} days are no longer accepted from devices; a clerk must correct attendance.`,
    );
  }
  if (clockIn.method === 'FACE' && !clockIn.photoHash) return reject('PHOTO_HASH_MISSING', 'A face clock-in must carry the hash of its photo.');
  if (enrolmentsOnProject.length === 0)
    return reject('NOT_ENROLLED', 'The worker is not enrolled on this project; register them (实名登记) before they clock in.');
  const day = chinaDay(clockIn.at);
  if (closedPeriods.has(day.slice(0, 7))) return reject('MONTH_CLOSED', `Attendance for ${day.slice(0, 7)} on this project is closed.`);
  const covering = enrolmentsOnProject.find((enrolment) => enrolment.startDate <= day && (enrolment.endDate === null || day <= enrolment.endDate));
  const enrolment = covering ?? enrolmentsOnProject.at(-1)!;
  return { accepted: true, enrolmentId: enrolment.id, outsideEnrolmentDates: !covering };
}

/** Closes a project's month for payroll: only once the month is over, and then with its totals as the event. */
export function closeAttendanceMonth(
  projectId: string,
  period: string,
  workers: Array<{ workerId: string; days: number; hours: number }>,
  closedBy: string,
  at: Date,
): { close: { projectId: string; period: string; workers: number; closedBy: string; closedAt: Date }; events: OutgoingEvent[] } {
  if (!PERIOD_PATTERN.test(period)) throw new AppError('INVALID_PERIOD', 'The period is a month written YYYY-MM.', 'period');
  if (period >= chinaPeriod(at)) throw new AppError('MONTH_NOT_OVER', `${period} is not over yet; close it from the first day of the next month.`, 'period');
  const event = createEvent(attendanceMonthClosedV1, IDENTITY_SOURCE, projectId, { projectId, period, workers, closedBy, closedAt: at.toISOString() }, at);
  return {
    close: { projectId, period, workers: workers.length, closedBy, closedAt: at },
    events: [outgoing(attendanceMonthClosedV1, event as CloudEvent)],
  };
}
