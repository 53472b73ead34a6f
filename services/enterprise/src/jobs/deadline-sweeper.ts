import { intervalJob, type Clock, type Logger } from '@yikatong/platform';
import type { EnterpriseDb } from '../db';
import type { ObligationPolicy } from '../domain/eligibility';
import type { QualificationPolicy } from '../domain/qualification';
import { expireListings } from '../store/blacklist';
import { sweepProjectObligations } from '../store/obligations';
import { sweepQualifications } from '../store/qualifications';

/**
 * What changes with time alone: listings whose term is over, qualifications expiring or expired,
 * project obligations past their deadline. Each sweep is idempotent, so several instances may run it.
 */
export class DeadlineSweeper {
  private readonly job: ReturnType<typeof intervalJob>;
  private judgedEveryProject = false;

  constructor(
    private readonly db: EnterpriseDb,
    private readonly clock: Clock,
    private readonly policies: { obligations: ObligationPolicy; qualifications: QualificationPolicy },
    logger: Logger,
    intervalMs: number,
  ) {
    this.job = intervalJob('deadline sweep', intervalMs, logger, () => this.tick(this.clock.now()));
  }

  /** One pass over every deadline, as of `now`. */
  async tick(now: Date): Promise<void> {
    await expireListings(this.db, now);
    await sweepQualifications(this.db, this.policies.qualifications, now);
    await sweepProjectObligations(this.db, this.policies.obligations, now, !this.judgedEveryProject);
    this.judgedEveryProject = true;
  }

  async start(): Promise<void> {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }
}
