import { cardFrozenV1, cardIssuedV1, cardUnfrozenV1, enrolmentEndedV1, enrolmentStartedV1, type CloudEvent, type EventData } from '@yikatong/contracts';
import { on } from '@yikatong/platform';
import type { EnterpriseTx } from '../db';
import { creditFromLateRegistration } from '../domain/credit';
import { frozenCardMessage, ruleForFrozenCard, type ObligationPolicy } from '../domain/eligibility';
import { acceptNewerFact, changeBlocks, eventCause } from '../store/eligibility';
import { requireKnownEnterprise } from '../store/locks';
import { reconcileProjectObligations } from '../store/obligations';

type CardStatusEvent = CloudEvent<EventData<typeof cardFrozenV1>>;
type EnrolmentEvent = CloudEvent<EventData<typeof enrolmentStartedV1> | EventData<typeof enrolmentEndedV1>>;

/** The card facts that matter here: an enterprise's or a responsible person's card, newer than the last seen. */
async function relevantCard(tx: EnterpriseTx, event: CardStatusEvent) {
  const rule = ruleForFrozenCard(event.data.holderKind);
  const uscc = event.data.enterpriseUscc;
  if (!rule || !uscc) return null;
  if (!(await acceptNewerFact(tx, event.data.cardId, event.data.version))) return null;
  await requireKnownEnterprise(tx, uscc, 'card event');
  return { rule, uscc };
}

async function onCardFrozen(tx: EnterpriseTx, event: CardStatusEvent) {
  const card = await relevantCard(tx, event);
  if (!card) return;
  const cause = eventCause('identity', event);
  await changeBlocks(
    tx,
    card.uscc,
    {
      set: [
        {
          rule: card.rule,
          subjectId: event.data.cardId,
          message: frozenCardMessage(event.data),
          source: cause.label,
          sourceEventId: event.id,
          since: new Date(event.data.at),
        },
      ],
    },
    cause,
    new Date(event.data.at),
  );
}

async function onCardUnfrozen(tx: EnterpriseTx, event: CardStatusEvent) {
  const card = await relevantCard(tx, event);
  if (!card) return;
  await changeBlocks(tx, card.uscc, { lift: [{ rule: card.rule, subjectId: event.data.cardId }] }, eventCause('identity', event), new Date(event.data.at));
}

/** A responsible person's card names who answers for the enterprise; they are listed with it. */
async function onCardIssued(tx: EnterpriseTx, event: CloudEvent<EventData<typeof cardIssuedV1>>) {
  const { holderKind, enterpriseUscc, personId, cardId, issuedAt } = event.data;
  if (holderKind !== 'RESPONSIBLE_PERSON' || !enterpriseUscc || !personId) return;
  await tx.responsiblePerson.upsert({
    where: { uscc_personId: { uscc: enterpriseUscc, personId } },
    create: { uscc: enterpriseUscc, personId, cardId, since: new Date(issuedAt) },
    update: { cardId },
  });
}

/**
 * Real-name enrolments on a project: the general contractor's real-name obligation is judged again,
 * and a registration past the deadline becomes a bad credit record for the employer.
 */
function onEnrolment(active: boolean, policy: ObligationPolicy) {
  return async (tx: EnterpriseTx, event: EnrolmentEvent) => {
    const { enrolmentId, projectId, employerUscc } = event.data;
    if ('registeredLateByDays' in event.data && event.data.registeredLateByDays > 0) {
      const record = creditFromLateRegistration(event.data, eventCause('identity', event).label, event.id, new Date(event.time));
      await tx.creditRecord.createMany({ data: [record], skipDuplicates: true });
    }
    // An end that overtook its start keeps the enrolment inactive.
    const existing = await tx.projectEnrolment.findUnique({ where: { enrolmentId } });
    if (existing && !existing.active && active) return;
    await tx.projectEnrolment.upsert({ where: { enrolmentId }, create: { enrolmentId, projectId, employerUscc, active }, update: { active } });
    await reconcileProjectObligations(tx, projectId, policy, eventCause('identity', event), new Date(event.time));
  };
}

export const identityFactHandlers = (policy: ObligationPolicy) => [
  on(cardFrozenV1, onCardFrozen),
  on(cardUnfrozenV1, onCardUnfrozen),
  on(cardIssuedV1, onCardIssued),
  on(enrolmentStartedV1, onEnrolment(true, policy)),
  on(enrolmentEndedV1, onEnrolment(false, policy)),
];
