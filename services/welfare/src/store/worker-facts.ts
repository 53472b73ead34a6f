import type { WelfareDb, WelfareTx } from '../db';
import type { WorkerFacts } from '../domain/eligibility';

/** What welfare knows of a worker for eligibility: registration, training completed, verified wage complaints. */
export async function workerFacts(db: WelfareDb | WelfareTx, workerId: string): Promise<WorkerFacts> {
  const [row] = await db.$queryRawUnsafe<Array<{ region_code: string | null; birth_year: number | null; safety: boolean; skill: number; complaints: number }>>(
    `SELECT w.region_code, w.birth_year,
            EXISTS (SELECT 1 FROM training_enrolment e JOIN training_session s ON s.id = e.session_id JOIN training_programme p ON p.id = s.programme_id
                     WHERE e.worker_id = $1::uuid AND e.status = 'COMPLETED' AND p.kind = 'SAFETY') AS safety,
            coalesce((SELECT max(p.skill_level) FROM training_enrolment e JOIN training_session s ON s.id = e.session_id JOIN training_programme p ON p.id = s.programme_id
                       WHERE e.worker_id = $1::uuid AND e.status = 'COMPLETED' AND p.kind = 'SKILL'), 0)::int AS skill,
            (SELECT count(*) FROM complaint c WHERE c.worker_id = $1::uuid AND c.category = 'WAGE_ARREARS' AND c.amount_owed_fen IS NOT NULL)::int AS complaints
       FROM (SELECT $1::uuid AS worker_id) q LEFT JOIN welfare_worker w ON w.worker_id = q.worker_id`,
    workerId,
  );
  return {
    regionCode: row?.region_code ?? null,
    birthYear: row?.birth_year ?? null,
    safetyTrained: Boolean(row?.safety),
    skillLevel: row?.skill ?? 0,
    verifiedWageComplaints: row?.complaints ?? 0,
  };
}
