import { appendToOutbox } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import { judgeReport, type Disbursement, type LineStatus, type SettlementResult } from '../domain/disbursement';
import { lineFailed, linePaid } from '../domain/ledger';
import { assertNoNegativeBalance, recordTransfers } from './ledger';

export async function saveDisbursement(tx: PayrollTx, disbursement: Disbursement): Promise<void> {
  await tx.disbursementBatch.createMany({ data: disbursement.batches });
  const lines = disbursement.lines;
  await tx.$executeRawUnsafe(
    `INSERT INTO disbursement_line (id, wage_line_id, batch_id, sheet_id, project_id, worker_id, bank_code, amount_fen, status)
     SELECT *, 'PENDING'::"DisbursementStatus" FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::bigint[])`,
    lines.map((l) => l.id),
    lines.map((l) => l.wageLineId),
    lines.map((l) => l.batchId),
    lines.map((l) => l.sheetId),
    lines.map((l) => l.projectId),
    lines.map((l) => l.workerId),
    lines.map((l) => l.bankCode),
    lines.map((l) => l.amountFen.toString()),
  );
  await recordTransfers(tx, disbursement.transfers);
  await appendToOutbox(tx, disbursement.events);
}

export interface SettlementReport {
  lineId: string;
  outcome: 'PAID' | 'FAILED';
  bankReference: string | null;
  failureReason: string | null;
  settledAt: Date;
}

export interface SettlementOutcome {
  lineId: string;
  result: SettlementResult;
  status: LineStatus | '';
}

/**
 * Settles a bank's reports in one statement: only PENDING lines addressed to this bank change, so
 * of two concurrent reports for a line exactly one settles it (the other waits on the row lock,
 * then finds it settled). Each settled line moves its money once in the ledger.
 */
export async function settleLines(
  tx: PayrollTx,
  bankCode: string,
  reports: readonly SettlementReport[],
): Promise<{ outcomes: SettlementOutcome[]; projectIds: string[]; sheetIds: string[] }> {
  const settled = await tx.$queryRawUnsafe<
    Array<{ id: string; project_id: string; sheet_id: string; amount_fen: bigint; status: LineStatus; settled_at: Date }>
  >(
    `UPDATE disbursement_line l
        SET status = r.outcome::"DisbursementStatus", bank_reference = r.reference, failure_reason = r.reason, settled_at = r.at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS r(id, outcome, reference, reason, at)
      WHERE l.id = r.id AND l.bank_code = $6 AND l.status = 'PENDING'
      RETURNING l.id::text, l.project_id::text, l.sheet_id::text, l.amount_fen, l.status::text AS status, l.settled_at`,
    reports.map((r) => r.lineId),
    reports.map((r) => r.outcome),
    reports.map((r) => r.bankReference),
    reports.map((r) => r.failureReason),
    reports.map((r) => r.settledAt.toISOString()),
    bankCode,
  );
  await recordTransfers(
    tx,
    settled.map((line) => (line.status === 'PAID' ? linePaid : lineFailed)(line.project_id, line.id, BigInt(line.amount_fen), line.settled_at)),
  );
  const settledIds = new Set(settled.map((line) => line.id));
  const others = reports.filter((report) => !settledIds.has(report.lineId)).map((report) => report.lineId);
  const current = new Map(
    (await tx.disbursementLine.findMany({ where: { id: { in: others }, bankCode }, select: { id: true, status: true } })).map((line) => [line.id, line.status]),
  );
  const outcomes = reports.map((report): SettlementOutcome => {
    if (settledIds.has(report.lineId)) return { lineId: report.lineId, result: 'SETTLED', status: report.outcome };
    const status = current.get(report.lineId) ?? null;
    return { lineId: report.lineId, result: judgeReport(status, report.outcome), status: status ?? '' };
  });
  const projectIds = [...new Set(settled.map((line) => line.project_id))].sort();
  await assertNoNegativeBalance(tx, projectIds);
  return { outcomes, projectIds, sheetIds: [...new Set(settled.map((line) => line.sheet_id))] };
}

/** Sheets whose every line with money to pay has a PAID instruction (a failed one sent again counts once paid) become PAID. */
export async function markPaidSheets(tx: PayrollTx, sheetIds: readonly string[]): Promise<void> {
  if (sheetIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE wage_sheet s SET status = 'PAID' WHERE s.id = ANY($1::uuid[]) AND s.status = 'APPROVED'
       AND NOT EXISTS (SELECT 1 FROM wage_line l WHERE l.sheet_id = s.id AND l.net_fen > 0
                          AND NOT EXISTS (SELECT 1 FROM disbursement_line d WHERE d.wage_line_id = l.id AND d.status = 'PAID'))`,
    [...sheetIds],
  );
}
