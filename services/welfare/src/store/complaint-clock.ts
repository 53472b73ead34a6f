import type { Logger } from '@yikatong/platform';
import type { WelfareDb } from '../db';
import { escalateIfOverdue, type Complaint } from '../domain/complaint';
import { lockComplaint, saveComplaint } from './complaints';

/** Escalates open complaints past their deadline, once each; idempotent, so several instances may run it. */
export class ComplaintClock {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly db: WelfareDb, private readonly logger: Logger, private readonly intervalMs: number) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => {
      this.running ??= this.tick().then(() => undefined, (error: unknown) => this.logger.error({ err: error }, 'complaint sweep failed')).finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; returns how many cases were escalated. */
  async tick(now = new Date()): Promise<number> {
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = await this.db.complaint.findMany({
      where: { stage: { in: ['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED'] }, escalatedAt: null, dueOn: { lt: today } },
      select: { id: true },
    });
    let escalated = 0;
    for (const { id } of due) {
      escalated += await this.db.$transaction(async (tx) => {
        const result = escalateIfOverdue(await lockComplaint(tx, id) as Complaint, now);
        if (!result) return 0;
        await saveComplaint(tx, result.complaint, result.step);
        return 1;
      });
    }
    return escalated;
  }
}
