import { randomUUID } from 'node:crypto';
import { AppError, refuseIfAny, type Refusal } from '@yikatong/platform';
import type { PayCycle } from './pay-cycle';
import type { ComputedLine } from './pay-rules';

/**
 * The wage sheet (工资单) of one employer on one project for one pay cycle. Flow: the employer
 * prepares it → each worker confirms their line → the general contractor's labour-wage officer
 * reviews → the general contractor approves (a different person), which pays it. A reviewer or
 * approver may return it; the employer then prepares it again.
 */
export type WageSheetStatus = 'PREPARED' | 'REVIEWED' | 'APPROVED' | 'PAID' | 'RETURNED';

export interface WageSheet {
  id: string;
  projectId: string;
  regionCode: string;
  generalContractorUscc: string;
  employerUscc: string;
  period: string;
  cycleKind: string;
  firstDay: string;
  lastDay: string;
  dueOn: string;
  status: WageSheetStatus;
  lineCount: number;
  totalGrossFen: bigint;
  totalNetFen: bigint;
  preparedBy: string;
  preparedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnReason: string | null;
}

export interface LineState {
  id: string;
  workerId: string;
  confirmedAt: Date | null;
  disputedAt: Date | null;
}

const fail = (code: string, message: string, field?: string) => new AppError(code, message, field);

/** Lines with blocking errors refuse the whole sheet, naming each worker and problem. */
export function prepareSheet(
  facts: { projectId: string; regionCode: string; generalContractorUscc: string; employerUscc: string; cycle: PayCycle; dueOn: string },
  lines: readonly ComputedLine[],
  preparedBy: string,
  at: Date,
): WageSheet {
  if (lines.length === 0)
    throw fail(
      'NO_PAYABLE_WORKERS',
      `No worker of ${facts.employerUscc} worked on this project from ${facts.cycle.firstDay} to ${facts.cycle.lastDay}.`,
      'period',
    );
  const refusals: Refusal[] = lines.flatMap((line) =>
    line.errors.map((error) => ({ code: error.code, message: `${line.holderName || line.workerId}: ${error.message}`, field: `workers.${line.workerId}` })),
  );
  refuseIfAny(refusals);
  return {
    id: randomUUID(),
    projectId: facts.projectId,
    regionCode: facts.regionCode,
    generalContractorUscc: facts.generalContractorUscc,
    employerUscc: facts.employerUscc,
    period: facts.cycle.period,
    cycleKind: facts.cycle.kind,
    firstDay: facts.cycle.firstDay,
    lastDay: facts.cycle.lastDay,
    dueOn: facts.dueOn,
    status: 'PREPARED',
    lineCount: lines.length,
    totalGrossFen: lines.reduce((total, line) => total + line.grossFen, 0n),
    totalNetFen: lines.reduce((total, line) => total + line.netFen, 0n),
    preparedBy,
    preparedAt: at,
    reviewedBy: null,
    reviewedAt: null,
    approvedBy: null,
    approvedAt: null,
    returnedBy: null,
    returnedAt: null,
    returnReason: null,
  };
}

function requireStatus(sheet: WageSheet, expected: WageSheetStatus, action: string): void {
  if (sheet.status !== expected)
    throw fail('WAGE_SHEET_NOT_' + expected, `The sheet is ${sheet.status.toLowerCase()}; it can be ${action} only when ${expected.toLowerCase()}.`, 'sheetId');
}

/** A worker confirms (or disputes) their own line while the sheet awaits review. */
export function answerLine(sheet: WageSheet, line: LineState, answer: { confirm: true } | { confirm: false; reason: string }, at: Date): LineState {
  requireStatus(sheet, 'PREPARED', 'confirmed');
  if (line.confirmedAt || line.disputedAt) throw fail('LINE_ALREADY_ANSWERED', 'You have already confirmed or disputed this line.', 'lineId');
  if (answer.confirm) return { ...line, confirmedAt: at };
  if (answer.reason.trim().length < 2) throw fail('REASON_REQUIRED', 'Say what is wrong with the line.', 'reason');
  return { ...line, disputedAt: at };
}

export function reviewSheet(sheet: WageSheet, lines: readonly LineState[], reviewer: string, at: Date): WageSheet {
  requireStatus(sheet, 'PREPARED', 'reviewed');
  const disputed = lines.filter((line) => line.disputedAt).length;
  const unconfirmed = lines.filter((line) => !line.confirmedAt && !line.disputedAt).length;
  refuseIfAny([
    ...(disputed
      ? [{ code: 'LINES_DISPUTED', message: `${disputed} worker(s) disputed their line: return the sheet to the employer.`, field: 'sheetId' }]
      : []),
    ...(unconfirmed ? [{ code: 'LINES_UNCONFIRMED', message: `${unconfirmed} worker(s) have not confirmed their line yet.`, field: 'sheetId' }] : []),
  ]);
  return { ...sheet, status: 'REVIEWED', reviewedBy: reviewer, reviewedAt: at };
}

export function approveSheet(sheet: WageSheet, approver: string, at: Date): WageSheet {
  requireStatus(sheet, 'REVIEWED', 'approved');
  if (sheet.reviewedBy === approver) throw fail('SAME_PERSON_APPROVAL', 'The person who reviewed the sheet cannot also approve it.', 'sheetId');
  return { ...sheet, status: 'APPROVED', approvedBy: approver, approvedAt: at };
}

export function returnSheet(sheet: WageSheet, by: string, reason: string, at: Date): WageSheet {
  if (sheet.status !== 'PREPARED' && sheet.status !== 'REVIEWED')
    throw fail('WAGE_SHEET_NOT_RETURNABLE', `A ${sheet.status.toLowerCase()} sheet cannot be returned.`, 'sheetId');
  if (reason.trim().length < 2) throw fail('REASON_REQUIRED', 'Say why the sheet goes back to the employer.', 'reason');
  return { ...sheet, status: 'RETURNED', returnedBy: by, returnedAt: at, returnReason: reason.trim() };
}
