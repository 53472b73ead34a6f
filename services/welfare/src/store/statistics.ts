import { regionPrefix, regionRange } from '@yikatong/platform';
import type { WelfareDb } from '../db';

/** Dashboard aggregates of a region: no personal data leaves these functions. */

const rangeOf = (regionCode: string) => regionRange(regionCode) ?? { gte: '', lt: 'A' };

/** Complaints by category and stage, and how many open ones are past their due day, from the tally. */
export function complaintsByStage(db: WelfareDb, regionCode: string, today: string) {
  const range = rangeOf(regionCode);
  return db.$queryRawUnsafe<Array<{ category: string; stage: string; count: number; overdue: number }>>(
    `SELECT category, stage, sum(count)::int AS count, coalesce(sum(count) FILTER (WHERE due_on <> '' AND due_on < $3), 0)::int AS overdue
       FROM complaint_tally WHERE region_code >= $1 AND region_code < $2 GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 1, 2`,
    range.gte,
    range.lt,
    today,
  );
}

/** Live projects in the region with workers on site on the day and no policy covering it. */
export function coverageGaps(db: WelfareDb, regionCode: string, day: string) {
  return db.$queryRawUnsafe<Array<{ projects: number; workers: number }>>(
    `SELECT count(DISTINCT p.project_id)::int AS projects, count(DISTINCT e.worker_id)::int AS workers
       FROM welfare_project p JOIN welfare_enrolment e ON e.project_id = p.project_id
      WHERE p.region_code LIKE $1 AND p.stage NOT IN ('COMPLETED', 'CLOSED')
        AND e.start_date <= $2::date AND (e.end_date IS NULL OR e.end_date >= $2::date)
        AND NOT EXISTS (SELECT 1 FROM injury_policy i WHERE i.project_id = p.project_id AND i.cover_from <= $2::date AND (i.cover_until IS NULL OR i.cover_until >= $2::date))`,
    `${regionPrefix(regionCode)}%`,
    day,
  );
}

/** Workers registered in the region who have not completed safety training. */
export async function workersWithoutSafetyTraining(db: WelfareDb, regionCode: string): Promise<number> {
  const range = rangeOf(regionCode);
  const [row] = await db.$queryRawUnsafe<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM welfare_worker w
      WHERE w.region_code >= $1 AND w.region_code < $2
        AND NOT EXISTS (SELECT 1 FROM training_enrolment e JOIN training_session s ON s.id = e.session_id JOIN training_programme p ON p.id = s.programme_id
                         WHERE e.worker_id = w.worker_id AND e.status = 'COMPLETED' AND p.kind = 'SAFETY')`,
    range.gte,
    range.lt,
  );
  return row?.count ?? 0;
}

/** Completed trainings in the region in a year (China time), by programme. */
export function completionsByProgramme(db: WelfareDb, regionCode: string, year: number) {
  return db.$queryRawUnsafe<Array<{ programme: string; kind: string; completed: number }>>(
    `SELECT p.name AS programme, p.kind, count(*)::int AS completed
       FROM training_enrolment e JOIN training_session s ON s.id = e.session_id JOIN training_programme p ON p.id = s.programme_id
      WHERE e.region_code LIKE $1 AND e.status = 'COMPLETED' AND extract(year FROM e.completed_at AT TIME ZONE 'Asia/Shanghai') = $2
      GROUP BY 1, 2 ORDER BY 1, 2`,
    `${regionPrefix(regionCode)}%`,
    year,
  );
}
