import { AppError } from '@yikatong/platform';
import type { PayCycle } from './pay-cycle';
import type { OtherHalf, VerifiedWorker } from './pay-rules';

/**
 * A worker's day is paid on at most one live (not returned) sheet of a project, whoever prepares
 * it: a MONTH sheet and a half-month sheet of the same month overlap, the two halves do not. The
 * store reads these lines and writes the new sheet under one lock per project, so of two sheets
 * prepared at once for the same days, one is refused here.
 */
export interface LineOnLiveSheet {
  workerId: string;
  sheetId: string;
  employerUscc: string;
  cycleKind: string;
  firstDay: string;
  lastDay: string;
  status: string;
  days: number;
  rateKind: string;
  basePayFen: bigint;
}

export interface SheetWorkers {
  workers: VerifiedWorker[];
  /** For a half-month sheet: each worker's line on the month's other half, which shares monthly amounts with it. */
  otherHalf: Map<string, OtherHalf>;
}

/** At most this many workers are named in a refusal; the rest are counted. */
const NAMED_WORKERS = 20;

const overlaps = (cycle: Pick<PayCycle, 'firstDay' | 'lastDay'>, line: Pick<LineOnLiveSheet, 'firstDay' | 'lastDay'>) =>
  line.firstDay <= cycle.lastDay && line.lastDay >= cycle.firstDay;

/**
 * The sheet's workers, without those whose days in the cycle are already on a live sheet. Listed
 * workers (`listed`) are the clerk's choice: any of them already paid refuses the sheet. By
 * default they are left out, and a sheet that would then pay nobody is refused the same way.
 */
export function workersNotYetPaid(
  candidates: readonly VerifiedWorker[],
  cycle: PayCycle,
  onLiveSheets: readonly LineOnLiveSheet[],
  listed: boolean,
): SheetWorkers {
  const paid = new Map<string, LineOnLiveSheet>();
  const otherHalf = new Map<string, OtherHalf>();
  for (const line of onLiveSheets) {
    if (overlaps(cycle, line)) paid.set(line.workerId, line);
    else otherHalf.set(line.workerId, { days: line.days, rateKind: line.rateKind, basePayFen: line.basePayFen });
  }
  const alreadyPaid = candidates.filter((worker) => paid.has(worker.workerId));
  if (alreadyPaid.length > 0 && (listed || alreadyPaid.length === candidates.length)) {
    throw daysAlreadyOnSheet(alreadyPaid, paid, cycle, listed ? 'workerIds' : 'cycle');
  }
  return { workers: candidates.filter((worker) => !paid.has(worker.workerId)), otherHalf };
}

function daysAlreadyOnSheet(workers: readonly VerifiedWorker[], paid: ReadonlyMap<string, LineOnLiveSheet>, cycle: PayCycle, field: string): AppError {
  const bySheet = new Map<string, { line: LineOnLiveSheet; names: string[] }>();
  for (const worker of workers.slice(0, NAMED_WORKERS)) {
    const line = paid.get(worker.workerId)!;
    const entry = bySheet.get(line.sheetId) ?? { line, names: [] };
    entry.names.push(worker.holderName || worker.workerId);
    bySheet.set(line.sheetId, entry);
  }
  const sheets = [...bySheet.values()].map(
    ({ line, names }) =>
      `${names.join(', ')} on the ${line.cycleKind} sheet ${line.firstDay} to ${line.lastDay} of ${line.employerUscc} (${line.status.toLowerCase()}, id ${line.sheetId})`,
  );
  const more = workers.length > NAMED_WORKERS ? `; and ${workers.length - NAMED_WORKERS} more worker(s)` : '';
  return new AppError(
    'DAYS_ALREADY_ON_SHEET',
    `${workers.length} worker(s) already have days from ${cycle.firstDay} to ${cycle.lastDay} on a live sheet of the project: ${sheets.join('; ')}${more}. ` +
      'A day is paid once: leave these workers out, or return that sheet first.',
    field,
  );
}
