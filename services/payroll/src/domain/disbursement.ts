import { randomUUID } from 'node:crypto';
import { createEvent, disbursementRequestedV1, disbursementTopic, isConnectedBank, type BankCode, type CloudEvent } from '@yikatong/contracts';
import { AppError, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { batchReserved, type Transfer } from './ledger';
import { yuan } from './money';
import type { WageSheet } from './wage-sheet';
import { PAYROLL_SOURCE } from './wage-account';

/**
 * An approved sheet is paid as one batch per bank holding the workers' cards: each line is one
 * payment instruction to that bank, and the batch reconciles as expected = paid + failed + pending.
 */
export type LineStatus = 'PENDING' | 'PAID' | 'FAILED';

export interface PayableLine {
  /** The wage line paid. */
  wageLineId: string;
  workerId: string;
  netFen: bigint;
  card: { holderName: string; bankCode: string; cardNumber: string } | null;
}

export interface DisbursementBatch {
  id: string;
  sheetId: string;
  projectId: string;
  period: string;
  bankCode: string;
  expectedCount: number;
  expectedTotalFen: bigint;
  createdAt: Date;
}

export interface DisbursementLine {
  id: string;
  wageLineId: string;
  batchId: string;
  sheetId: string;
  projectId: string;
  workerId: string;
  bankCode: string;
  amountFen: bigint;
  status: LineStatus;
}

export interface Disbursement {
  batches: DisbursementBatch[];
  lines: DisbursementLine[];
  transfers: Transfer[];
  events: OutgoingEvent[];
}

export function disburse(
  sheet: WageSheet,
  lines: readonly PayableLine[],
  payer: { bankCode: string; accountNumber: string },
  availableFen: bigint,
  at: Date,
): Disbursement {
  const cardless = lines.filter((line) => !line.card);
  if (cardless.length) {
    throw new AppError(
      'WAGE_CARD_UNKNOWN',
      `Payroll has not received the wage card of ${cardless.length} worker(s) yet (${cardless
        .slice(0, 3)
        .map((l) => l.workerId)
        .join(', ')}…); try again shortly.`,
      'sheetId',
    );
  }
  const payable = lines.filter((line) => line.netFen > 0n);
  const unconnected = [...new Set(payable.map((line) => line.card!.bankCode).filter((bank) => !isConnectedBank(bank)))];
  if (unconnected.length) {
    throw new AppError(
      'BANK_NOT_CONNECTED',
      `Cards at ${unconnected.join(', ')} cannot be paid: that bank is not connected to the system. The workers concerned change to a card at a connected bank first.`,
      'sheetId',
    );
  }
  const total = payable.reduce((sum, line) => sum + line.netFen, 0n);
  if (total > availableFen) {
    throw new AppError(
      'INSUFFICIENT_FUNDS',
      `The wage account holds ${yuan(availableFen)}, the sheet needs ${yuan(total)}: the client must fund ${yuan(total - availableFen)} more.`,
      'sheetId',
    );
  }
  const byBank = new Map<BankCode, PayableLine[]>();
  for (const line of payable) {
    const bank = line.card!.bankCode;
    if (isConnectedBank(bank)) byBank.set(bank, [...(byBank.get(bank) ?? []), line]);
  }
  const result: Disbursement = { batches: [], lines: [], transfers: [], events: [] };
  for (const [bankCode, bankLines] of byBank) {
    const batch: DisbursementBatch = {
      id: randomUUID(),
      sheetId: sheet.id,
      projectId: sheet.projectId,
      period: sheet.period,
      bankCode,
      expectedCount: bankLines.length,
      expectedTotalFen: bankLines.reduce((sum, line) => sum + line.netFen, 0n),
      createdAt: at,
    };
    result.batches.push(batch);
    result.transfers.push(batchReserved(sheet.projectId, batch.id, batch.expectedTotalFen, at));
    for (const line of bankLines) {
      const instructionId = randomUUID();
      result.lines.push({
        id: instructionId,
        wageLineId: line.wageLineId,
        batchId: batch.id,
        sheetId: sheet.id,
        projectId: sheet.projectId,
        workerId: line.workerId,
        bankCode,
        amountFen: line.netFen,
        status: 'PENDING',
      });
      const event = createEvent(
        disbursementRequestedV1,
        PAYROLL_SOURCE,
        batch.id,
        {
          lineId: instructionId,
          batchId: batch.id,
          sheetId: sheet.id,
          projectId: sheet.projectId,
          period: sheet.period,
          workerId: line.workerId,
          holderName: line.card!.holderName,
          bankCode,
          cardNumber: line.card!.cardNumber,
          amountFen: line.netFen.toString(),
          payerBankCode: payer.bankCode,
          payerAccountNumber: payer.accountNumber,
          requestedAt: at.toISOString(),
        },
        at,
      );
      result.events.push(outgoing(disbursementRequestedV1, event as CloudEvent, disbursementTopic(bankCode)));
    }
  }
  return result;
}

export type SettlementResult = 'SETTLED' | 'ALREADY_SETTLED' | 'CONFLICT' | 'NOT_FOUND';

/** What a bank's report does to a line: settle a pending one, acknowledge a repeat, refuse a contradiction. */
export function judgeReport(current: LineStatus | null, outcome: 'PAID' | 'FAILED'): SettlementResult {
  if (current === null) return 'NOT_FOUND';
  if (current === 'PENDING') return 'SETTLED';
  return current === outcome ? 'ALREADY_SETTLED' : 'CONFLICT';
}
