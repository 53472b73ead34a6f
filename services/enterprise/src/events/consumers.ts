import { cardFrozenV1, cardUnfrozenV1, type CloudEvent, type EventData } from '@yikatong/contracts';
import { on, startIdempotentConsumer, type EventBus, type Logger } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { frozenCardMessage, ruleForFrozenCard } from '../domain/eligibility';
import { acceptNewerFact, changeBlock } from '../store/eligibility';

type CardStatusEvent = CloudEvent<EventData<typeof cardFrozenV1>>;

/** The card facts that matter here: an enterprise's or a responsible person's card, newer than the last seen. */
async function relevantCard(tx: EnterpriseTx, event: CardStatusEvent) {
  const rule = ruleForFrozenCard(event.data.holderKind);
  const uscc = event.data.enterpriseUscc;
  if (!rule || !uscc) return null;
  if (!(await acceptNewerFact(tx, event.data.cardId, event.data.version))) return null;
  if (!(await tx.enterprise.findUnique({ where: { uscc }, select: { uscc: true } }))) {
    throw new Error(`card event for unknown enterprise ${uscc}`);
  }
  return { rule, uscc };
}

async function onCardFrozen(tx: EnterpriseTx, event: CardStatusEvent) {
  const card = await relevantCard(tx, event);
  if (!card) return;
  await changeBlock(tx, card.uscc, {
    set: {
      rule: card.rule,
      subjectId: event.data.cardId,
      message: frozenCardMessage(event.data),
      source: `identity:${event.type}#${event.id}`,
      sourceEventId: event.id,
      since: new Date(event.data.at),
    },
  }, event.id, new Date(event.data.at));
}

async function onCardUnfrozen(tx: EnterpriseTx, event: CardStatusEvent) {
  const card = await relevantCard(tx, event);
  if (!card) return;
  await changeBlock(tx, card.uscc, { lift: { rule: card.rule, subjectId: event.data.cardId } }, event.id, new Date(event.data.at));
}

export function startEnterpriseConsumers(bus: EventBus, db: EnterpriseDb, logger: Logger, afterCommit: () => void) {
  return startIdempotentConsumer<EnterpriseTx>({
    bus,
    db,
    logger,
    consumer: 'enterprise.eligibility',
    handlers: [on(cardFrozenV1, onCardFrozen), on(cardUnfrozenV1, onCardUnfrozen)],
    afterCommit,
  });
}
