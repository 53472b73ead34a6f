import type { WarningColour } from '../domain/arrears-rules';
import { regionPrefix } from '@yikatong/platform';
import type { PayrollDb } from '../db';

/** Dashboard aggregates of a region: no personal data leaves this function. */
export async function payrollStatistics(db: PayrollDb, regionCode: string) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const periods = await db.$queryRawUnsafe<Array<{ period: string; due: bigint; paid: bigint; workers_paid: number }>>(
    `SELECT s.period,
            coalesce(sum(s.total_net_fen) FILTER (WHERE s.status IN ('APPROVED', 'PAID')), 0)::bigint AS due,
            coalesce((SELECT sum(d.amount_fen) FROM disbursement_line d JOIN wage_sheet x ON x.id = d.sheet_id
                       WHERE x.region_code LIKE $1 AND x.period = s.period AND d.status = 'PAID'), 0)::bigint AS paid,
            (SELECT count(DISTINCT d.worker_id) FROM disbursement_line d JOIN wage_sheet x ON x.id = d.sheet_id
              WHERE x.region_code LIKE $1 AND x.period = s.period AND d.status = 'PAID')::int AS workers_paid
       FROM wage_sheet s WHERE s.region_code LIKE $1 GROUP BY s.period ORDER BY s.period DESC LIMIT 24`,
    prefix,
  );
  const warnings = await db.$queryRawUnsafe<Array<{ month: string; colour: WarningColour; raised: number; open: number }>>(
    `SELECT to_char(raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, colour::text, count(*)::int AS raised,
            count(*) FILTER (WHERE status = 'OPEN')::int AS open
       FROM arrears_warning WHERE region_code LIKE $1 GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
    prefix,
  );
  return {
    regionCode,
    periods: periods.map((row) => ({ period: row.period, due: BigInt(row.due), paid: BigInt(row.paid), workersPaid: row.workers_paid })),
    warnings,
  };
}
