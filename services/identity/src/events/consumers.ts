import { enterpriseRegisteredV1 } from '@yikatong/contracts';
import { on, startIdempotentConsumer, type EventBus, type Logger } from '@yikatong/platform';
import type { IdentityDb, IdentityTx } from '../db';
import { issueEnterpriseCard } from '../domain/card';
import { saveCardChange } from '../store/cards';

/** Issues an enterprise's real-name card as soon as the enterprise is registered. */
async function onEnterpriseRegistered(tx: IdentityTx, event: { id: string; data: { uscc: string; name: string; regionCode: string } }) {
  const existing = await tx.realNameCard.findFirst({ where: { enterpriseUscc: event.data.uscc, holderKind: 'ENTERPRISE' } });
  if (existing) return;
  const change = issueEnterpriseCard(
    event.data,
    { reason: 'Enterprise registered', legalBasis: '建筑工人实名制管理办法', authority: 'enterprise registry', actor: `event:${event.id}` },
    new Date(),
  );
  await saveCardChange(tx, change);
}

export function startIdentityConsumers(bus: EventBus, db: IdentityDb, logger: Logger, afterCommit: () => void) {
  return startIdempotentConsumer<IdentityTx>({
    bus,
    db,
    logger,
    consumer: 'identity.enterprise-cards',
    handlers: [on(enterpriseRegisteredV1, onEnterpriseRegistered)],
    afterCommit,
  });
}
