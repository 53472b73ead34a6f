import {
  arrearsWarningClearedV1,
  arrearsWarningRaisedV1,
  cardFrozenV1,
  cardIssuedV1,
  cardUnfrozenV1,
  type CloudEvent,
  complaintVerifiedV1,
  depositPlacedV1,
  enrolmentEndedV1,
  enrolmentStartedV1,
  type EventData,
  insuranceBoughtV1,
  wageAccountOpenedV1,
} from '@yikatong/contracts';
import { type EventBus, type Logger, on, startIdempotentConsumer } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { creditFromLateRegistration, creditFromVerifiedComplaint } from '../domain/credit';
import { frozenCardMessage, type ObligationPolicy, ruleForFrozenCard, RULES } from '../domain/eligibility';
import { acceptNewerFact, changeBlocks, eventCause } from '../store/eligibility';
import { requireKnownEnterprise } from '../store/locks';
import { reconcileProjectObligations } from '../store/obligations';
import { recordSafeguard } from '../store/project-facts';

// Facts from identity: cards and enrolments.
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

const identityFactHandlers = (policy: ObligationPolicy) => [
  on(cardFrozenV1, onCardFrozen),
  on(cardUnfrozenV1, onCardUnfrozen),
  on(cardIssuedV1, onCardIssued),
  on(enrolmentStartedV1, onEnrolment(true, policy)),
  on(enrolmentEndedV1, onEnrolment(false, policy)),
];

// Facts from payroll: arrears warnings.
type Raised = CloudEvent<EventData<typeof arrearsWarningRaisedV1>>;
type Cleared = CloudEvent<EventData<typeof arrearsWarningClearedV1>>;

/** A red warning blocks bidding until payroll clears it; every colour is kept for closing and deposit rates. */
async function onWarningRaised(tx: EnterpriseTx, event: Raised) {
  const { warningId, colour, projectId, uscc, ruleCode, message, version, raisedAt } = event.data;
  if (!(await acceptNewerFact(tx, warningId, version))) return;
  await requireKnownEnterprise(tx, uscc, 'arrears warning');
  const at = new Date(raisedAt);
  await tx.arrearsWarning.upsert({
    where: { id: warningId },
    create: { id: warningId, uscc, projectId, colour, ruleCode, message, raisedAt: at, clearedAt: null },
    update: { colour, ruleCode, message, raisedAt: at, clearedAt: null },
  });
  if (colour !== 'RED') return;
  const cause = eventCause('payroll', event);
  await changeBlocks(
    tx,
    uscc,
    {
      set: [
        {
          rule: RULES.redArrearsWarning,
          subjectId: warningId,
          message: `Red arrears warning (红色预警) on project ${projectId}: ${message}`,
          source: cause.label,
          sourceEventId: event.id,
          since: at,
        },
      ],
    },
    cause,
    at,
  );
}

async function onWarningCleared(tx: EnterpriseTx, event: Cleared) {
  const { warningId, colour, projectId, uscc, version, clearedAt } = event.data;
  if (!(await acceptNewerFact(tx, warningId, version))) return;
  const at = new Date(clearedAt);
  await tx.arrearsWarning.upsert({
    where: { id: warningId },
    // A clearance that overtook its raise is still kept: the warning existed.
    create: { id: warningId, uscc, projectId, colour, ruleCode: 'UNKNOWN', message: event.data.reason, raisedAt: at, clearedAt: at },
    update: { clearedAt: at },
  });
  await changeBlocks(tx, uscc, { lift: [{ rule: RULES.redArrearsWarning, subjectId: warningId }] }, eventCause('payroll', event), at);
}

const payrollFactHandlers = (policy: ObligationPolicy) => [
  on(arrearsWarningRaisedV1, onWarningRaised),
  on(arrearsWarningClearedV1, onWarningCleared),
  on(wageAccountOpenedV1, (tx: EnterpriseTx, event) =>
    recordSafeguard(
      tx,
      {
        projectId: event.data.projectId,
        kind: 'WAGE_ACCOUNT',
        subjectId: event.data.accountId,
        detail: `dedicated wage account at ${event.data.bankName}`,
        at: new Date(event.data.openedAt),
      },
      eventCause('payroll', event),
      policy,
    ),
  ),
  on(depositPlacedV1, (tx: EnterpriseTx, event) =>
    recordSafeguard(
      tx,
      {
        projectId: event.data.projectId,
        kind: 'DEPOSIT',
        subjectId: event.data.depositId,
        detail:
          event.data.form === 'EXEMPT' ? 'deposit exempted' : `deposit of ${event.data.amountFen} fen as ${event.data.form.toLowerCase().replace('_', ' ')}`,
        at: new Date(event.data.placedAt),
      },
      eventCause('payroll', event),
      policy,
    ),
  ),
];

// Facts from welfare: verified complaints and injury insurance.
const welfareFactHandlers = (policy: ObligationPolicy) => [
  // A verified complaint feeds enterprise credit (a wage complaint counts as arrears for the deposit rate).
  on(complaintVerifiedV1, async (tx: EnterpriseTx, event) => {
    await requireKnownEnterprise(tx, event.data.uscc, 'verified complaint');
    await tx.creditRecord.createMany({ data: [creditFromVerifiedComplaint(event.data, eventCause('welfare', event).label, event.id)], skipDuplicates: true });
  }),
  on(insuranceBoughtV1, (tx: EnterpriseTx, event) =>
    recordSafeguard(
      tx,
      {
        projectId: event.data.projectId,
        kind: 'INJURY_INSURANCE',
        subjectId: event.data.policyId,
        detail: `work-injury insurance ${event.data.policyNumber} with ${event.data.insurer} from ${event.data.coverFrom}`,
        at: new Date(event.data.boughtAt),
      },
      eventCause('welfare', event),
      policy,
    ),
  ),
];

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
