import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { callUnary, loadService, type Logger } from '@yikatong/platform';
import type { PaymentOutcome } from './core-banking';

const PayrollSettlement = loadService('payroll/settlement.proto', 'yikatong.payroll.v1.PayrollSettlement');

/** Payroll's answer per line: SETTLED, ALREADY_SETTLED (a repeat), CONFLICT (settled the other way), NOT_FOUND. */
export interface SettlementResult {
  lineId: string;
  result: 'SETTLED' | 'ALREADY_SETTLED' | 'CONFLICT' | 'NOT_FOUND';
  status: string;
}

interface WireResponse {
  results: Array<{ lineId: string; result: string; status: string }>;
}

/** Statuses that mean "nothing was written, send the same call again" (overload, a restart, a slow answer). */
const RETRYABLE = new Set([grpc.status.RESOURCE_EXHAUSTED, grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]);
const RESULTS = new Set(['SETTLED', 'ALREADY_SETTLED', 'CONFLICT', 'NOT_FOUND']);

const isServiceError = (error: unknown): error is grpc.ServiceError => error instanceof Error && 'code' in error && 'metadata' in error;
const isResult = (result: string): result is SettlementResult['result'] => RESULTS.has(result);

export interface ReporterOptions {
  address: string;
  credentials: grpc.ChannelCredentials;
  /** Read for every call, so the bank's token can be renewed without a restart. */
  tokenFile: string;
  logger: Logger;
  maxBackoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Reports outcomes to payroll over gRPC (ReportSettlements). A refusal that means "retry" is retried
 * with backoff, honouring payroll's `retry-after-ms`, for as long as it takes: resending is always
 * safe, each line keeps its one outcome. Any other refusal (a bad token, a malformed report) is thrown.
 */
export class SettlementReporter {
  private readonly client: grpc.Client;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ReporterOptions) {
    this.client = new PayrollSettlement(options.address, options.credentials);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async report(outcomes: readonly PaymentOutcome[]): Promise<SettlementResult[]> {
    const reports = outcomes.map((outcome) => ({
      lineId: outcome.lineId,
      outcome: outcome.outcome,
      bankReference: outcome.outcome === 'PAID' ? outcome.bankReference : '',
      failureReason: outcome.outcome === 'FAILED' ? outcome.failureReason : '',
      settledAt: outcome.settledAt,
    }));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const token = readFileSync(this.options.tokenFile, 'utf8').trim();
        const response = await callUnary<WireResponse>(this.client, 'ReportSettlements', { reports }, { token, deadlineMs: 30_000 });
        return response.results.map((entry) => {
          if (!isResult(entry.result)) throw new Error(`payroll answered an unknown result ${entry.result} for line ${entry.lineId}`);
          return { lineId: entry.lineId, result: entry.result, status: entry.status };
        });
      } catch (error) {
        if (!isServiceError(error) || !RETRYABLE.has(error.code)) throw error;
        const hinted = Number(error.metadata.get('retry-after-ms')[0] ?? 0);
        const backoff = Math.min(this.options.maxBackoffMs, Math.max(hinted, 100 * 2 ** Math.min(attempt, 10)));
        this.options.logger.warn(
          { code: grpc.status[error.code], attempt, backoffMs: backoff, lines: reports.length },
          'payroll asked for the report again later',
        );
        await this.sleep(backoff);
      }
    }
  }

  close(): void {
    this.client.close();
  }
}
