import type { Logger } from '@yikatong/platform';
import type { EnterpriseDb } from '../db';
import type { ObligationPolicy } from '../domain/eligibility';
import type { QualificationPolicy } from '../domain/qualification';
import { expireListings } from './blacklist';
import { sweepProjectObligations } from './obligations';
import { sweepQualifications } from './qualifications';

/**
 * What changes with time alone: listings whose term is over, qualifications expiring or expired,
 * project obligations past their deadline. Each sweep is idempotent, so several instances may run it.
 */
export class DeadlineClock {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private judgedEveryProject = false;

  constructor(
    private readonly db: EnterpriseDb,
    private readonly policies: { obligations: ObligationPolicy; qualifications: QualificationPolicy },
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** One pass over every deadline, as of `now`. */
  async tick(now = new Date()): Promise<void> {
    await expireListings(this.db, now);
    await sweepQualifications(this.db, this.policies.qualifications, now);
    await sweepProjectObligations(this.db, this.policies.obligations, now, !this.judgedEveryProject);
    this.judgedEveryProject = true;
  }

  async start(): Promise<void> {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'deadline sweep failed; will retry'))
        .finally(() => { this.running = undefined; });
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
