import type { EnterpriseDb } from '../db';

type Count = { key: string; count: number };

/** Dashboard counts for enterprises and projects whose region code matches the LIKE pattern. */
export async function enterpriseStatistics(db: EnterpriseDb, regionPattern: string) {
  const [[totals], byReason, byType, projectsByStage] = await Promise.all([
    db.$queryRawUnsafe<Array<{ enterprises: number; ineligible: number }>>(
      `SELECT count(*)::int AS enterprises,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM eligibility_block b WHERE b.uscc = e.uscc))::int AS ineligible
         FROM enterprise e WHERE e.region_code LIKE $1`,
      regionPattern,
    ),
    db.$queryRawUnsafe<Count[]>(
      `SELECT b.rule AS key, count(DISTINCT b.uscc)::int AS count
         FROM eligibility_block b JOIN enterprise e ON e.uscc = b.uscc
        WHERE e.region_code LIKE $1 GROUP BY b.rule ORDER BY b.rule`,
      regionPattern,
    ),
    db.$queryRawUnsafe<Count[]>(
      `SELECT type::text AS key, count(*)::int AS count FROM enterprise WHERE region_code LIKE $1 GROUP BY type ORDER BY type`,
      regionPattern,
    ),
    db.$queryRawUnsafe<Count[]>(
      `SELECT stage::text AS key, count(*)::int AS count FROM project WHERE region_code LIKE $1 GROUP BY stage ORDER BY stage`,
      regionPattern,
    ),
  ]);
  return {
    enterprises: totals!.enterprises,
    eligible: totals!.enterprises - totals!.ineligible,
    ineligible: totals!.ineligible,
    byReason,
    byType,
    projectsByStage,
  };
}
