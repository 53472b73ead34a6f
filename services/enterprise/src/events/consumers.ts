import { startIdempotentConsumer, type EventBus, type Logger } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import type { ObligationPolicy } from '../domain/eligibility';
import { identityFactHandlers } from './identity-facts';
import { payrollFactHandlers } from './payroll-facts';
import { welfareFactHandlers } from './welfare-facts';

/** One consumer group for every fact the eligibility read model and the project lifecycle follow. */
export function startEnterpriseConsumers(bus: EventBus, db: EnterpriseDb, logger: Logger, afterCommit: () => void, policy: ObligationPolicy) {
  return startIdempotentConsumer<EnterpriseTx>({
    bus,
    db,
    logger,
    consumer: 'enterprise.eligibility',
    handlers: [...identityFactHandlers(policy), ...payrollFactHandlers(policy), ...welfareFactHandlers(policy)],
    afterCommit,
  });
}
