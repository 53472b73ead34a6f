import { dateOfDay, dayOf } from '@yikatong/platform';
import type { WelfareDb, WelfareTx } from '../db';
import type { InjuryPolicy } from '../domain/injury-insurance';

type PolicyRow = Omit<InjuryPolicy, 'coverFrom' | 'coverUntil'> & { coverFrom: Date; coverUntil: Date | null };
const toPolicy = (row: PolicyRow): InjuryPolicy => ({ ...row, coverFrom: dayOf(row.coverFrom), coverUntil: row.coverUntil && dayOf(row.coverUntil) });

export async function findPolicies(db: WelfareDb | WelfareTx, projectIds: readonly string[]): Promise<InjuryPolicy[]> {
  return (await db.injuryPolicy.findMany({ where: { projectId: { in: [...projectIds] } }, orderBy: { coverFrom: 'asc' } })).map(toPolicy);
}

export async function insertPolicy(tx: WelfareTx, policy: InjuryPolicy): Promise<void> {
  await tx.injuryPolicy.create({
    data: { ...policy, coverFrom: dateOfDay(policy.coverFrom), coverUntil: policy.coverUntil ? dateOfDay(policy.coverUntil) : null },
  });
}

/** A worker's enrolments as day spans. */
export async function enrolmentSpans(db: WelfareDb, workerId: string) {
  const rows = await db.welfareEnrolment.findMany({ where: { workerId } });
  return rows.map((row) => ({ projectId: row.projectId, startDate: dayOf(row.startDate), endDate: row.endDate && dayOf(row.endDate) }));
}
