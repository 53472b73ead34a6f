import { arrearsWarningClearedV1, arrearsWarningRaisedV1, depositPlacedV1, wageAccountOpenedV1, type CloudEvent, type EventData } from '@yikatong/contracts';
import { on } from '@yikatong/platform';
import type { EnterpriseTx } from '../db';
import { RULES, type ObligationPolicy } from '../domain/eligibility';
import { acceptNewerFact, changeBlocks, eventCause } from '../store/eligibility';
import { requireKnownEnterprise } from '../store/locks';
import { recordSafeguard } from '../store/project-facts';

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

export const payrollFactHandlers = (policy: ObligationPolicy) => [
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
