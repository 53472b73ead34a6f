import { createEvent, depositGuaranteeExpiringV1, type CloudEvent } from '@yikatong/contracts';
import { addDays, appendToOutbox, chinaDay, intervalJob, outgoing, type Clock, type Logger } from '@yikatong/platform';
import type { PayrollDb } from '../db';
import { DEFAULT_DEPOSIT_POLICY } from '../domain/deposit-rate';
import { PAYROLL_SOURCE } from '../domain/wage-account';
import { seedDefaultWarningRules, type WarningJudge } from '../store/warnings';

/** Days before a bank guarantee expires that the contractor is reminded (DOMAIN.md: 30). */
const GUARANTEE_REMINDER_DAYS = 30;

/**
 * What time alone changes, on a timer: every live project's warnings are judged again (a due date
 * passes, an instalment becomes overdue) and bank guarantees near expiry are announced once.
 * Each project is its own small transaction and both are idempotent, so several instances may run it.
 */
export class PayrollSweeper {
  private readonly job: ReturnType<typeof intervalJob>;

  constructor(
    private readonly db: PayrollDb,
    private readonly clock: Clock,
    private readonly warnings: WarningJudge,
    logger: Logger,
    intervalMs: number,
    private readonly afterCommit: () => void = () => undefined,
  ) {
    this.job = intervalJob('payroll sweep', intervalMs, logger, () => this.tick(this.clock.now()));
  }

  /** Seeds the national defaults of the config tables on a fresh installation, then starts the timer. */
  async start(): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await seedDefaultWarningRules(tx);
      await tx.depositPolicy.createMany({ data: [{ provinceCode: '00', ...DEFAULT_DEPOSIT_POLICY }], skipDuplicates: true });
    });
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep as of `now`; returns what changed. */
  async tick(now: Date): Promise<{ raised: number; cleared: number; reminded: number }> {
    const projects = await this.db.payrollProject.findMany({ where: { stage: { not: 'CLOSED' } }, select: { projectId: true } });
    let raised = 0;
    let cleared = 0;
    for (const { projectId } of projects) {
      const result = await this.db.$transaction((tx) => this.warnings.judge(tx, projectId, now));
      raised += result.raised.length;
      cleared += result.cleared.length;
    }
    const reminded = await this.remindExpiringGuarantees(now);
    if (raised + cleared + reminded > 0) this.afterCommit();
    return { raised, cleared, reminded };
  }

  private async remindExpiringGuarantees(now: Date): Promise<number> {
    const horizon = addDays(chinaDay(now), GUARANTEE_REMINDER_DAYS);
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRawUnsafe<Array<{ id: string; project_id: string; uscc: string; valid_until: string }>>(
        `UPDATE deposit SET guarantee_reminded_at = $2::timestamptz
          WHERE form = 'BANK_GUARANTEE' AND status = 'HELD' AND guarantee_reminded_at IS NULL AND guarantee_valid_until <= $1
          RETURNING id::text, project_id::text, uscc, guarantee_valid_until AS valid_until`,
        horizon,
        now.toISOString(),
      );
      await appendToOutbox(
        tx,
        due.map((row) =>
          outgoing(
            depositGuaranteeExpiringV1,
            createEvent(
              depositGuaranteeExpiringV1,
              PAYROLL_SOURCE,
              row.project_id,
              {
                depositId: row.id,
                projectId: row.project_id,
                uscc: row.uscc,
                validUntil: row.valid_until,
                remindedAt: now.toISOString(),
              },
              now,
            ) as CloudEvent,
          ),
        ),
      );
      return due.length;
    });
  }
}
