import { randomUUID } from 'node:crypto';
import { notFound, type PiiProtector } from '@yikatong/platform';
import type { PayrollDb, PayrollTx } from '../db';
import type { ComputedLine } from '../domain/pay-rules';
import type { LineState, WageSheet } from '../domain/wage-sheet';

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

export async function insertSheet(tx: PayrollTx, pii: PiiProtector, sheet: WageSheet, lines: readonly ComputedLine[]): Promise<void> {
  await tx.wageSheet.create({ data: sheet });
  await tx.wageLine.createMany({
    data: lines.map((line) => ({
      id: randomUUID(), sheetId: sheet.id, projectId: sheet.projectId, period: sheet.period, workerId: line.workerId, enrolmentId: line.enrolmentId,
      employerUscc: line.employerUscc, holderNameCipher: pii.encrypt(line.holderName), idNumberCipher: pii.encrypt(line.idNumber), phoneCipher: pii.encrypt(line.phone),
      tradeCode: line.tradeCode, employmentKind: line.employmentKind, rateKind: line.rateKind, rateFen: line.rateFen, days: line.days, hours: line.hours,
      basePayFen: line.basePayFen, additions: json(line.additions), deductions: json(line.deductions), grossFen: line.grossFen, deductionsFen: line.deductionsFen,
      netFen: line.netFen, warnings: json(line.warnings),
    })),
  });
}

/** Locks the sheet row for the rest of the transaction, then reads it. */
export async function lockSheet(tx: PayrollTx, sheetId: string): Promise<WageSheet> {
  await tx.$executeRawUnsafe('SELECT 1 FROM wage_sheet WHERE id = $1::uuid FOR UPDATE', sheetId);
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
