import { chinaDay, intervalJob, type Clock, type Logger } from '@yikatong/platform';
import type { WelfareDb } from '../db';
import { escalateIfOverdue, OPEN_STAGES } from '../domain/complaint';
import { lockComplaint, saveComplaint } from '../store/complaints';

/** Escalates open complaints past their deadline, once each; idempotent, so several instances may run it. */
export class ComplaintSweeper {
  private readonly job: ReturnType<typeof intervalJob>;

  constructor(
    private readonly db: WelfareDb,
    private readonly clock: Clock,
    logger: Logger,
    intervalMs: number,
  ) {
    this.job = intervalJob('complaint sweep', intervalMs, logger, () => this.tick(this.clock.now()));
  }

  async start(): Promise<void> {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep; returns how many cases were escalated. */
  async tick(now: Date): Promise<number> {
    const today = chinaDay(now);
    const due = await this.db.complaint.findMany({
      where: { stage: { in: [...OPEN_STAGES] }, escalatedAt: null, dueOn: { lt: today } },
      select: { id: true },
    });
    let escalated = 0;
    for (const { id } of due) {
      escalated += await this.db.$transaction(async (tx) => {
        const complaint = await lockComplaint(tx, id);
        const result = escalateIfOverdue(complaint, now);
        if (!result) return 0;
        await saveComplaint(tx, complaint, result.complaint, result.step);
        return 1;
      });
    }
    return escalated;
  }
}
