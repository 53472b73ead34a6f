// npm run bench:welfare — issue #6's target: with 1,000,000 complaints, the dashboard's aggregate
// queries through the gateway (complaints by category and stage with the overdue count, for a
// district, a city and the province; the overdue list of a district) report p50 and p99; target
// p99 under 300 ms. The complaints are written straight to the database (not measured): 20
// districts of one province, categories, stages and deadlines spread over two years.
import os from 'node:os';
import { SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { freshDatabases, graphqlClient, startSystem, tokenFor } from '../test/support/system';
import { DISTRICTS, seedComplaints } from './complaints-data';
import { percentile } from './percentile';

const COMPLAINTS = Number(process.env.COMPLAINTS ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  let started = performance.now();
  await seedComplaints(config, COMPLAINTS, DISTRICTS);
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
