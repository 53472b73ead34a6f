import type { WelfareDb, WelfareTx } from '../db';
import type { InjuryPolicy } from '../domain/injury-insurance';

type PolicyRow = Omit<InjuryPolicy, 'coverFrom' | 'coverUntil'> & { coverFrom: Date; coverUntil: Date | null };
const dayText = (date: Date) => date.toISOString().slice(0, 10);
const toPolicy = (row: PolicyRow): InjuryPolicy => ({ ...row, coverFrom: dayText(row.coverFrom), coverUntil: row.coverUntil && dayText(row.coverUntil) });

export async function findPolicies(db: WelfareDb | WelfareTx, projectIds: readonly string[]): Promise<InjuryPolicy[]> {
  return (await db.injuryPolicy.findMany({ where: { projectId: { in: [...projectIds] } }, orderBy: { coverFrom: 'asc' } })).map(toPolicy);
}

export async function insertPolicy(tx: WelfareTx, policy: InjuryPolicy): Promise<void> {
  await tx.injuryPolicy.create({ data: { ...policy, coverFrom: new Date(`${policy.coverFrom}T00:00:00Z`), coverUntil: policy.coverUntil ? new Date(`${policy.coverUntil}T00:00:00Z`) : null } });
}

/** A worker's enrolments as day spans. */
export async function enrolmentSpans(db: WelfareDb, workerId: string) {
  const rows = await db.welfareEnrolment.findMany({ where: { workerId } });
  return rows.map((row) => ({ projectId: row.projectId, startDate: dayText(row.startDate), endDate: row.endDate && dayText(row.endDate) }));
}
