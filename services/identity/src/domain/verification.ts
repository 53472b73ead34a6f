import type { WorkerVerificationMessage } from '@yikatong/contracts';
import type { Enrolment } from './enrolment';

/** What a worker worked on a project in a pay cycle. */
export interface WorkedTime {
  workerId: string;
  days: number;
  hours: number;
  longestDayHours: number;
  longestWeekHours: number;
}

/** The gRPC answer's row without the personal fields, which the server adds from the worker record. */
export type WorkerVerification = Omit<WorkerVerificationMessage, 'holderName' | 'idNumber' | 'phone'>;

/**
 * What payroll needs per worker to build a wage-sheet line. Usable for wages means an active wage
 * bank card: the real-name card's status plays no part, because a freeze never blocks wages
 * (wage regulation art. 31, 33).
 */
export function verifyWorkers(
  workerIds: readonly string[],
  enrolmentsInPeriod: readonly Enrolment[],
  attendance: readonly WorkedTime[],
  workersWithWageCard: ReadonlySet<string>,
): WorkerVerification[] {
  const attendanceByWorker = new Map(attendance.map((row) => [row.workerId, row]));
  return workerIds.map((workerId) => {
    const enrolment = enrolmentsInPeriod.filter((candidate) => candidate.workerId === workerId).at(-1);
    const worked = attendanceByWorker.get(workerId);
    const cardUsableForWages = workersWithWageCard.has(workerId);
    const problems = [
      ...(enrolment ? [] : ['NOT_ENROLLED']),
      ...(cardUsableForWages ? [] : ['NO_WAGE_CARD']),
      ...(worked && worked.days > 0 ? [] : ['NO_ATTENDANCE']),
    ];
    return {
      workerId,
      enrolled: enrolment !== undefined,
      cardUsableForWages,
      days: worked?.days ?? 0,
      hours: worked?.hours ?? 0,
      problems,
      employerUscc: enrolment?.employerUscc ?? '',
      rateKind: enrolment?.rateKind ?? '',
      rateFen: String(enrolment?.rateFen ?? 0),
      employmentKind: enrolment?.employmentKind ?? '',
      tradeCode: enrolment?.tradeCode ?? '',
      enrolmentId: enrolment?.id ?? '',
      longestDayHours: worked?.longestDayHours ?? 0,
      longestWeekHours: worked?.longestWeekHours ?? 0,
    };
  });
}
