import type { Logger } from '@yikatong/platform';
import type { PayrollDb } from '../db';
import { seedDefaultWarningRules, type WarningJudge } from './warnings';

/**
 * Judges every live project's warnings on a timer, because time alone makes some rules hold (a
 * due date passes, an instalment becomes overdue). Each project is its own small transaction and
 * judging is idempotent, so several instances may run it.
 */
export class WarningClock {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: PayrollDb,
    private readonly warnings: WarningJudge,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.db.$transaction((tx) => seedDefaultWarningRules(tx));
    this.timer = setInterval(() => {
      this.running ??= this.tick().then(() => undefined, (error: unknown) => this.logger.error({ err: error }, 'warning sweep failed')).finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; returns how many warnings were raised and cleared. */
  async tick(now = new Date()): Promise<{ raised: number; cleared: number }> {
    const projects = await this.db.payrollProject.findMany({ where: { stage: { not: 'CLOSED' } }, select: { projectId: true } });
    let raised = 0;
    let cleared = 0;
    for (const { projectId } of projects) {
      const result = await this.db.$transaction((tx) => this.warnings.judge(tx, projectId, now));
      raised += result.raised.length;
      cleared += result.cleared.length;
    }
    if (raised + cleared > 0) this.afterCommit();
    return { raised, cleared };
  }
}
