import {
  enterpriseBlacklistedV1,
  enterpriseDelistedV1,
  enterpriseRegisteredV1,
  projectParticipantAddedV1,
  projectRegisteredV1,
  trainingCompletedV1,
  type CloudEvent,
  type EventData,
} from '@yikatong/contracts';
import { chinaDay, dateOfDay, on, startIdempotentConsumer, type Clock, type EventBus, type Logger, type Subscription } from '@yikatong/platform';
import type { IdentityDeps } from '../context';
import type { IdentityTx } from '../db';
import { freezeCard, issueEnterpriseCard, unfreezeCard } from '../domain/card';
import { findCardsByEnterprises, saveCardChange } from '../store/cards';

type Event<D extends Parameters<typeof on>[0]> = CloudEvent<EventData<D>>;

/** Issues an enterprise's real-name card as soon as the enterprise is registered. */
async function onEnterpriseRegistered(tx: IdentityTx, event: Event<typeof enterpriseRegisteredV1>, clock: Clock) {
  const existing = await tx.realNameCard.findFirst({ where: { enterpriseUscc: event.data.uscc, holderKind: 'ENTERPRISE' } });
  if (existing) return;
  const change = issueEnterpriseCard(
    event.data,
    { reason: 'Enterprise registered', legalBasis: '建筑工人实名制管理办法', authority: 'enterprise registry', actor: `event:${event.id}` },
    clock.now(),
  );
  await saveCardChange(tx, change);
}

/** Freezes made because of a listing carry it as their actor, so the removal lifts exactly those. */
const listingActor = (listingId: string) => `listing:${listingId}`;

/**
 * A listing on the dishonesty list freezes the enterprise's card and its responsible persons'
 * cards, with the listing as the legal basis. Worker cards are never touched (wages must flow).
 */
async function onEnterpriseBlacklisted(tx: IdentityTx, event: Event<typeof enterpriseBlacklistedV1>, clock: Clock) {
  const cards = await findCardsByEnterprises(tx, [event.data.uscc]);
  for (const card of cards.filter((candidate) => candidate.status === 'ACTIVE')) {
    await saveCardChange(
      tx,
      freezeCard(
        card,
        {
          reason: `Listed on the wage-arrears dishonesty list until ${chinaDay(new Date(event.data.until))}: ${event.data.reason}`,
          legalBasis: `失信联合惩戒名单 ${event.data.decision}（《保障农民工工资支付条例》第四十八条）`,
          authority: event.data.authority,
          actor: listingActor(event.data.listingId),
        },
        clock.now(),
      ),
    );
  }
}

/** Removal from the list unfreezes the cards that the listing froze, and only those. */
async function onEnterpriseDelisted(tx: IdentityTx, event: Event<typeof enterpriseDelistedV1>, clock: Clock) {
  const cards = (await findCardsByEnterprises(tx, [event.data.uscc])).filter((card) => card.status === 'FROZEN');
  for (const card of cards) {
    const last = await tx.cardStatusChange.findFirst({ where: { cardId: card.id }, orderBy: { version: 'desc' } });
    if (last?.action !== 'FREEZE' || last.actor !== listingActor(event.data.listingId)) continue;
    await saveCardChange(
      tx,
      unfreezeCard(
        card,
        {
          reason: event.data.reason === 'EARLY_REMOVAL' ? 'Removed early from the dishonesty list (pledge accepted)' : 'The dishonesty-list term ended',
          legalBasis: last.legalBasis,
          authority: last.authority,
          actor: `event:${event.id}`,
        },
        clock.now(),
      ),
    );
  }
}

async function onProjectRegistered(tx: IdentityTx, event: Event<typeof projectRegisteredV1>) {
  const { projectId, name, regionCode, generalContractorUscc } = event.data;
  await tx.project.upsert({
    where: { id: projectId },
    create: { id: projectId, name, regionCode, generalContractorUscc },
    update: { name, regionCode, generalContractorUscc },
  });
}

async function onParticipantAdded(tx: IdentityTx, event: Event<typeof projectParticipantAddedV1>) {
  const { projectId, uscc, role } = event.data;
  // Projects and participants travel on one topic keyed by project id, so the project arrives first.
  await tx.projectParticipant.upsert({ where: { projectId_uscc: { projectId, uscc } }, create: { projectId, uscc, role }, update: { role } });
}

/** Safety training satisfies the site-entry precondition; a skill certificate raises the skill level. */
async function onTrainingCompleted(tx: IdentityTx, event: Event<typeof trainingCompletedV1>) {
  const data = event.data;
  const worker = await tx.worker.findUnique({ where: { id: data.workerId }, select: { skillLevel: true, safetyTrainedOn: true } });
  if (!worker) throw new Error(`training completed for unknown worker ${data.workerId}`);
  // Welfare may publish the same completion again under a new event id: it is recorded once.
  if (await tx.trainingRecord.findUnique({ where: { id: data.completionId }, select: { id: true } })) return;
  const completedAt = new Date(data.completedAt);
  await tx.trainingRecord.create({
    data: {
      id: data.completionId,
      workerId: data.workerId,
      kind: data.kind,
      programme: data.programme,
      hours: data.hours,
      tradeCode: data.tradeCode,
      skillLevel: data.skillLevel,
      certificateNumber: data.certificateNumber,
      completedAt,
    },
  });
  const day = dateOfDay(chinaDay(completedAt));
  await tx.worker.update({
    where: { id: data.workerId },
    data: {
      ...(data.kind === 'SAFETY' && (!worker.safetyTrainedOn || worker.safetyTrainedOn < day) ? { safetyTrainedOn: day } : {}),
      ...(data.skillLevel !== null && (worker.skillLevel ?? 0) < data.skillLevel ? { skillLevel: data.skillLevel } : {}),
    },
  });
}

export async function startIdentityConsumers({ db, clock }: IdentityDeps, bus: EventBus, logger: Logger, afterCommit: () => void): Promise<Subscription[]> {
  const consumer = (name: string, handlers: Parameters<typeof startIdempotentConsumer<IdentityTx>>[0]['handlers']) =>
    startIdempotentConsumer<IdentityTx>({ bus, db, logger, consumer: name, handlers, afterCommit });
  return Promise.all([
    consumer('identity.enterprise-cards', [
      on(enterpriseRegisteredV1, (tx: IdentityTx, event) => onEnterpriseRegistered(tx, event, clock)),
      on(enterpriseBlacklistedV1, (tx: IdentityTx, event) => onEnterpriseBlacklisted(tx, event, clock)),
      on(enterpriseDelistedV1, (tx: IdentityTx, event) => onEnterpriseDelisted(tx, event, clock)),
    ]),
    consumer('identity.projects', [on(projectRegisteredV1, onProjectRegistered), on(projectParticipantAddedV1, onParticipantAdded)]),
    consumer('identity.training', [on(trainingCompletedV1, onTrainingCompleted)]),
  ]);
}
