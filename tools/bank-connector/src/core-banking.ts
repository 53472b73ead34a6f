import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { disbursementRequestedV1, EventData } from '@yikatong/contracts';
import type { Clock } from '@yikatong/platform';

/** One payment instruction as payroll sent it (the event's data). */
export type PaymentInstruction = EventData<typeof disbursementRequestedV1>;

/** What the bank did with an instruction: paid it (its voucher number) or could not (why). */
const paymentOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ lineId: z.string(), outcome: z.literal('PAID'), bankReference: z.string(), settledAt: z.string() }),
  z.object({ lineId: z.string(), outcome: z.literal('FAILED'), failureReason: z.string(), settledAt: z.string() }),
]);
export type PaymentOutcome = z.infer<typeof paymentOutcomeSchema>;

/**
 * The bank's own system that moves the money, behind one method. It must be idempotent by line id:
 * asked again for a line (a redelivery, a restart after a crash), it answers the outcome it gave the
 * first time and moves nothing. That is what lets the connector promise one outcome per line.
 */
export interface CoreBanking {
  pay(instruction: PaymentInstruction): Promise<PaymentOutcome>;
  close(): Promise<void>;
}

const JOURNAL = 'payments.jsonl';
/** Card numbers of closed accounts, one per line: the demo refuses to pay them. */
export const CLOSED_CARDS_FILE = 'closed-cards.txt';

/**
 * A demo core-banking system on files: every payment is a line of `payments.jsonl`, written and
 * flushed to disk before the outcome is returned, so a crash never forgets a payment it reported.
 * Cards listed in `closed-cards.txt` fail as closed accounts; every other card is paid.
 */
export class FileCoreBanking implements CoreBanking {
  private readonly outcomes = new Map<string, PaymentOutcome>();
  private readonly closedCards: ReadonlySet<string>;
  private readonly journal: number;

  constructor(
    dir: string,
    private readonly bankCode: string,
    private readonly clock: Clock,
    private readonly delayMs = 0,
  ) {
    mkdirSync(dir, { recursive: true });
    const journalFile = path.join(dir, JOURNAL);
    if (existsSync(journalFile)) {
      for (const line of readFileSync(journalFile, 'utf8').split('\n')) {
        // A line cut short by a crash is a payment that was never completed: it is made again.
        const outcome = parseOutcome(line);
        if (outcome) this.outcomes.set(outcome.lineId, outcome);
      }
    }
    const closedFile = path.join(dir, CLOSED_CARDS_FILE);
    this.closedCards = new Set(existsSync(closedFile) ? readFileSync(closedFile, 'utf8').split(/\s+/).filter(Boolean) : []);
    this.journal = openSync(journalFile, 'a');
  }

  /** The payments made so far, by line id. */
  get paid(): ReadonlyMap<string, PaymentOutcome> {
    return this.outcomes;
  }

  async pay(instruction: PaymentInstruction): Promise<PaymentOutcome> {
    const known = this.outcomes.get(instruction.lineId);
    if (known) return known;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const settledAt = this.clock.now().toISOString();
    const outcome: PaymentOutcome = this.closedCards.has(instruction.cardNumber)
      ? { lineId: instruction.lineId, outcome: 'FAILED', failureReason: '收款账户已销户 (the account is closed)', settledAt }
      : { lineId: instruction.lineId, outcome: 'PAID', bankReference: `${this.bankCode}-${String(this.outcomes.size + 1).padStart(8, '0')}`, settledAt };
    writeSync(this.journal, `${JSON.stringify(outcome)}\n`);
    fsyncSync(this.journal);
    this.outcomes.set(outcome.lineId, outcome);
    return outcome;
  }

  async close(): Promise<void> {
    closeSync(this.journal);
  }
}

function parseOutcome(line: string): PaymentOutcome | undefined {
  if (!line.trim()) return undefined;
  try {
    const parsed = paymentOutcomeSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
