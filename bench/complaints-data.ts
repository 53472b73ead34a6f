// Complaints written straight to welfare's database for the benchmarks (bench:welfare, bench:web):
// 20 districts of one province, categories, stages and deadlines spread over two years, and the
// dashboard tally as the migration backfills it.
import type { PlatformConfig } from '@yikatong/platform';
import { withDatabase } from '../test/support/system';

export const DISTRICTS = Array.from({ length: 20 }, (_, i) => `13${String(1 + (i % 10)).padStart(2, '0')}${String(2 + Math.floor(i / 10)).padStart(2, '0')}`);

export async function seedComplaints(config: PlatformConfig, count: number, districts: readonly string[] = DISTRICTS): Promise<void> {
  await withDatabase(config, 'welfare', async (client) => {
    await client.query(
      `INSERT INTO complaint (id, category, channel, worker_id, employer_uscc, region_code, workers_affected, description, stage, handler_dept, complex, received_at, due_on, filed_by)
       SELECT gen_random_uuid(), (ARRAY['WAGE_ARREARS', 'WAGE_ARREARS', 'WAGE_ARREARS', 'OTHER'])[1 + n % 4], 'SELF', gen_random_uuid(), '91350100M000100Y43',
              ($2::text[])[1 + n % array_length($2::text[], 1)], 1 + n % 7, '工资未发', (ARRAY['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'REJECTED', 'RESOLVED', 'CLOSED', 'CLOSED'])[1 + (n / 20) % 8],
              'LABOUR_INSPECTION', n % 10 = 0, now() - (n % 730) * interval '1 day', to_char(current_date - (n % 730) + 84, 'YYYY-MM-DD'), 'bench'
         FROM generate_series(1, $1::int) AS n`,
      [count, districts],
    );
    // The dashboard tally, as the migration backfills it for complaints filed before it existed.
    await client.query(
      `INSERT INTO complaint_tally (region_code, category, stage, due_on, count)
       SELECT region_code, category, stage, CASE WHEN stage IN ('NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED') THEN due_on ELSE '' END, count(*)::int FROM complaint GROUP BY 1, 2, 3, 4`,
    );
    await client.query('ANALYZE complaint');
    await client.query('ANALYZE complaint_tally');
  });
}
