import { complaintVerifiedV1, insuranceBoughtV1 } from '@yikatong/contracts';
import { on } from '@yikatong/platform';
import type { EnterpriseTx } from '../db';
import { creditFromVerifiedComplaint } from '../domain/credit';
import type { ObligationPolicy } from '../domain/eligibility';
import { eventCause } from '../store/eligibility';
import { requireKnownEnterprise } from '../store/locks';
import { recordSafeguard } from '../store/project-facts';

export const welfareFactHandlers = (policy: ObligationPolicy) => [
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
