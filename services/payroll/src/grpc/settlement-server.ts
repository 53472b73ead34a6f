import {
  createTokenVerifier,
  createWorkLimit,
  invalidInput,
  isUuid,
  loadService,
  requireKind,
  unary,
  unauthenticated,
  type Logger,
  type TokenSettings,
} from '@yikatong/platform';
import type { PayrollDeps } from '../context';
import { markPaidSheets, settleLines, type SettlementReport } from '../store/disbursements';

export const PayrollSettlementService = loadService('payroll/settlement.proto', 'yikatong.payroll.v1.PayrollSettlement');

const MAX_REPORTS_PER_CALL = 5000;

interface WireReport {
  lineId: string;
  outcome: string;
  bankReference: string;
  failureReason: string;
  settledAt: string;
}

/** A report without settled_at counts as settled when it arrived (`receivedAt`). */
function parseReports(reports: readonly WireReport[], receivedAt: Date): SettlementReport[] {
  if (reports.length === 0 || reports.length > MAX_REPORTS_PER_CALL)
    throw invalidInput('INVALID_REPORTS', 'reports', `Send between 1 and ${MAX_REPORTS_PER_CALL} reports.`);
  const seen = new Set<string>();
  return reports.map((report, index) => {
    const field = `reports[${index}]`;
    if (!isUuid(report.lineId)) throw invalidInput('INVALID_LINE_ID', `${field}.line_id`, 'The line id is the UUID from the disbursement event.');
    if (seen.has(report.lineId)) throw invalidInput('DUPLICATE_LINE', `${field}.line_id`, 'A line appears twice in one call; report it once.');
    seen.add(report.lineId);
    if (report.outcome !== 'PAID' && report.outcome !== 'FAILED') throw invalidInput('INVALID_OUTCOME', `${field}.outcome`, 'The outcome is PAID or FAILED.');
    if (report.outcome === 'PAID' && !report.bankReference.trim())
      throw invalidInput('BANK_REFERENCE_REQUIRED', `${field}.bank_reference`, 'A payment needs the bank voucher number.');
    if (report.outcome === 'FAILED' && !report.failureReason.trim())
      throw invalidInput('FAILURE_REASON_REQUIRED', `${field}.failure_reason`, 'Say why the payment failed.');
    const settledAt = report.settledAt ? new Date(report.settledAt) : receivedAt;
    if (Number.isNaN(settledAt.getTime())) throw invalidInput('INVALID_TIME', `${field}.settled_at`, 'settled_at is an RFC 3339 time.');
    return {
      lineId: report.lineId,
      outcome: report.outcome,
      bankReference: report.bankReference.trim() || null,
      failureReason: report.failureReason.trim() || null,
      settledAt,
    };
  });
}

/**
 * How many reports settle at once, and how many more wait: a few connections stay free for the
 * graph, and a bank retrying a whole batch at once is told to come back instead of timing out.
 */
export interface SettlementLimits {
  SETTLEMENT_CALLS_IN_FLIGHT: number;
  SETTLEMENT_CALLS_QUEUED: number;
}

/** Banks report disbursement outcomes; a line is settled once, a repeat changes nothing. */
export function payrollSettlementImplementation(
  deps: Pick<PayrollDeps, 'db' | 'clock' | 'warnings'>,
  settings: TokenSettings & SettlementLimits,
  logger: Logger,
  afterCommit: () => void,
) {
  const { db, clock, warnings } = deps;
  const settling = createWorkLimit({ name: 'settlement reports', inFlight: settings.SETTLEMENT_CALLS_IN_FLIGHT, queued: settings.SETTLEMENT_CALLS_QUEUED });
  const verify = createTokenVerifier(settings);
  const authenticate = async (token: string | undefined) => {
    if (!token) throw unauthenticated();
    return verify(token);
  };
  return {
    ReportSettlements: unary<{ reports: WireReport[] }, unknown>(authenticate, logger, async (request, principal) => {
      const bank = requireKind(principal, 'BANK');
      const now = clock.now();
      const reports = parseReports(request.reports, now);
      const outcomes = await settling.run(() =>
        db.$transaction(
          async (tx) => {
            const result = await settleLines(tx, bank.bankCode!, reports);
            await markPaidSheets(tx, result.sheetIds);
            for (const projectId of result.projectIds) await warnings.judge(tx, projectId, now);
            return result.outcomes;
          },
          { timeout: 120_000 },
        ),
      );
      afterCommit();
      return { results: outcomes };
    }),
  };
}
