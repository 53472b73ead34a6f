// npm run bench:welfare — issue #6's target: with 1,000,000 complaints, the dashboard's aggregate
// queries through the gateway (complaints by category and stage with the overdue count, for a
// district, a city and the province; the overdue list of a district) report p50 and p99; target
// p99 under 300 ms. The complaints are written straight to the database (not measured): 20
// districts of one province, categories, stages and deadlines spread over two years.
import os from 'node:os';
import { SCOPES, testing } from '@yikatong/platform';
import { freshDatabases, graphqlClient, startSystem, tokenFor, withDatabase } from '../test/support/system';
import { percentile } from './percentile';

const COMPLAINTS = Number(process.env.COMPLAINTS ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const DISTRICTS = Array.from({ length: 20 }, (_, i) => `13${String(1 + (i % 10)).padStart(2, '0')}${String(2 + Math.floor(i / 10)).padStart(2, '0')}`);

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  let started = performance.now();
  await withDatabase(config, 'welfare', async (client) => {
    await client.query(
      `INSERT INTO complaint (id, category, channel, worker_id, employer_uscc, region_code, workers_affected, description, stage, handler_dept, complex, received_at, due_on, filed_by)
       SELECT gen_random_uuid(), (ARRAY['WAGE_ARREARS', 'WAGE_ARREARS', 'WAGE_ARREARS', 'OTHER'])[1 + n % 4], 'SELF', gen_random_uuid(), '91350100M000100Y43',
              ($2::text[])[1 + n % 20], 1 + n % 7, '工资未发', (ARRAY['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'REJECTED', 'RESOLVED', 'CLOSED', 'CLOSED'])[1 + (n / 20) % 8],
              'LABOUR_INSPECTION', n % 10 = 0, now() - (n % 730) * interval '1 day', to_char(current_date - (n % 730) + 84, 'YYYY-MM-DD'), 'bench'
         FROM generate_series(1, $1::int) AS n`,
      [COMPLAINTS, DISTRICTS],
    );
    // The dashboard tally, as the migration backfills it for complaints filed before it existed.
    await client.query(
      `INSERT INTO complaint_tally (region_code, category, stage, due_on, count)
       SELECT region_code, category, stage, CASE WHEN stage IN ('NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED') THEN due_on ELSE '' END, count(*)::int FROM complaint GROUP BY 1, 2, 3, 4`,
    );
    await client.query('ANALYZE complaint');
    await client.query('ANALYZE complaint_tally');
  });
  console.log(
    `setup: ${COMPLAINTS.toLocaleString('en-US')} complaints in ${DISTRICTS.length} districts in ${((performance.now() - started) / 1000).toFixed(1)} s (not measured)`,
  );

  const system = await startSystem(config, { LOG_LEVEL: 'error' });
  try {
    const dashboard = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'dashboard', kind: 'ANALYTICS', regions: ['130000'] }));
    const handler = graphqlClient(
      system.gatewayUrl,
      await tokenFor(config, { sub: 'inspector', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130000'], scope: SCOPES.complaintHandle }),
    );
    const scopes = [...DISTRICTS, '130100', '130500', '130000'];
    const queries: Array<{ name: string; run: (region: string) => Promise<unknown> }> = [
      {
        name: 'complaintStatistics (by category, stage, overdue)',
        run: (region) => dashboard(`query ($r: String!) { complaintStatistics(regionCode: $r) { byStage { category stage count overdue } } }`, { r: region }),
      },
      {
        name: 'complaints(overdueOnly, first 20) for handlers',
        run: (region) =>
          handler(`query ($r: String!) { complaints(regionCode: $r, overdueOnly: true, first: 20) { nodes { id dueOn stage } } }`, { r: region }),
      },
    ];
    for (const query of queries) {
      for (let i = 0; i < 10; i += 1) await query.run(scopes[i % scopes.length]!);
      const latencies: number[] = [];
      let next = 0;
      started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < QUERIES) {
            const region = scopes[next++ % scopes.length]!;
            const t = performance.now();
            const result = (await query.run(region)) as { errors?: unknown };
            if (result.errors) throw new Error(JSON.stringify(result.errors));
            latencies.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `${query.name}: ${QUERIES} queries, ${CONCURRENCY} in flight, ${Math.round(QUERIES / seconds)}/s — p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 < 300 ms)`,
      );
    }
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  } finally {
    await system.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
