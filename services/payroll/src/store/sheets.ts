import { notFound, requireUuid, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import type { LineOnLiveSheet } from '../domain/paid-days';
import type { ComputedLine } from '../domain/pay-rules';
import type { LineState, WageSheet } from '../domain/wage-sheet';

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

/** The sheet and its lines: the lines in one statement (a city month is 100,000 of them). */
export async function insertSheet(tx: PayrollTx, pii: PiiProtector, sheet: WageSheet, lines: readonly ComputedLine[]): Promise<void> {
  await tx.wageSheet.create({ data: sheet });
  const column = <T>(pick: (line: ComputedLine) => T) => lines.map(pick);
  await tx.$executeRawUnsafe(
    `INSERT INTO wage_line (id, sheet_id, project_id, period, worker_id, enrolment_id, employer_uscc, holder_name_cipher, id_number_cipher, phone_cipher,
                            trade_code, employment_kind, rate_kind, rate_fen, days, hours, base_pay_fen, additions, deductions, gross_fen, deductions_fen, net_fen, warnings)
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3, l.* FROM unnest(
       $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::int[], $15::float8[],
       $16::bigint[], $17::jsonb[], $18::jsonb[], $19::bigint[], $20::bigint[], $21::bigint[], $22::jsonb[]) AS l`,
    sheet.id,
    sheet.projectId,
    sheet.period,
    column((l) => l.workerId),
    column((l) => l.enrolmentId),
    column((l) => l.employerUscc),
    column((l) => pii.encrypt(l.holderName)),
    column((l) => pii.encrypt(l.idNumber)),
    column((l) => pii.encrypt(l.phone)),
    column((l) => l.tradeCode),
    column((l) => l.employmentKind),
    column((l) => l.rateKind),
    column((l) => l.rateFen.toString()),
    column((l) => l.days),
    column((l) => l.hours),
    column((l) => l.basePayFen.toString()),
    column((l) => JSON.stringify(json(l.additions))),
    column((l) => JSON.stringify(json(l.deductions))),
    column((l) => l.grossFen.toString()),
    column((l) => l.deductionsFen.toString()),
    column((l) => l.netFen.toString()),
    column((l) => JSON.stringify(json(l.warnings))),
  );
}

/**
 * Sheets of a project are prepared one at a time: its row is locked for the rest of the
 * transaction (the warning judgement that follows locks it too), so the workers' days on live
 * sheets read next cannot change before the new sheet commits.
 */
export async function lockProjectSheets(tx: PayrollTx, projectId: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT 1 FROM payroll_project WHERE project_id = $1::uuid FOR UPDATE', projectId);
}

export async function liveSheetExists(tx: PayrollTx, of: { projectId: string; employerUscc: string; period: string; cycleKind: string }): Promise<boolean> {
  return (await tx.wageSheet.count({ where: { ...of, status: { not: 'RETURNED' } } })) > 0;
}

/** The workers' lines on live sheets of the project in the period, whoever prepared them. */
export async function linesOnLiveSheets(tx: PayrollTx, projectId: string, period: string, workerIds: readonly string[]): Promise<LineOnLiveSheet[]> {
  if (workerIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<Array<Omit<LineOnLiveSheet, 'basePayFen'> & { basePayFen: string }>>(
    `SELECT l.worker_id::text AS "workerId", s.id::text AS "sheetId", s.employer_uscc AS "employerUscc", s.cycle_kind AS "cycleKind",
            s.first_day AS "firstDay", s.last_day AS "lastDay", s.status::text AS status, l.days, l.rate_kind AS "rateKind", l.base_pay_fen::text AS "basePayFen"
       FROM wage_line l JOIN wage_sheet s ON s.id = l.sheet_id
      WHERE l.project_id = $1::uuid AND l.period = $2 AND s.status <> 'RETURNED' AND l.worker_id = ANY($3::uuid[])`,
    projectId,
    period,
    [...workerIds],
  );
  return rows.map((row) => ({ ...row, basePayFen: BigInt(row.basePayFen) }));
}

/** Locks the sheet row for the rest of the transaction, then reads it. */
export async function lockSheet(tx: PayrollTx, sheetId: string): Promise<WageSheet> {
  await tx.$executeRawUnsafe('SELECT 1 FROM wage_sheet WHERE id = $1::uuid FOR UPDATE', requireUuid(sheetId, 'sheetId'));
  const sheet = await tx.wageSheet.findUnique({ where: { id: sheetId } });
  if (!sheet) throw notFound('WAGE_SHEET_NOT_FOUND', 'No wage sheet has this id.', 'sheetId');
  return sheet;
}

export async function saveSheet(tx: PayrollTx, sheet: WageSheet): Promise<void> {
  await tx.wageSheet.update({ where: { id: sheet.id }, data: sheet });
}

export async function lineStates(db: PayrollDb | PayrollTx, sheetId: string): Promise<LineState[]> {
  return db.wageLine.findMany({ where: { sheetId }, select: { id: true, workerId: true, confirmedAt: true, disputedAt: true } });
}
