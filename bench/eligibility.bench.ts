// npm run bench:eligibility — issue #4's target for external trading platforms:
// ENTERPRISES (default 10,000) enterprises, one in ten blocked; CALLERS (default 50) concurrent gRPC
// clients, each on its own connection, call CheckBiddingEligibility CHECKS (default 100,000) times in
// all against the enterprise process (separate OS process, real PostgreSQL). Reports checks/s, p50, p99.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { callUnary, grpc, SCOPES, testing } from '@yikatong/platform';
import { BiddingEligibilityService } from '../services/enterprise/src/grpc/eligibility-server';
import { usccFor } from '../test/support/flows';
import { freshDatabases, PORTS, startSystem, tokenFor, withDatabase } from '../test/support/system';

const ENTERPRISES = Number(process.env.ENTERPRISES ?? 10_000);
const CALLERS = Number(process.env.CALLERS ?? 50);
const CHECKS = Number(process.env.CHECKS ?? 100_000);
const WARMUP = 2_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  const usccs = Array.from({ length: ENTERPRISES }, (_, n) => usccFor(n + 1));
  await withDatabase(config, 'enterprise', async (client) => {
    await client.query(
      `INSERT INTO enterprise (uscc, name, type, region_code, legal_representative, registered_by)
       SELECT u, '基准企业', 'SUBCONTRACTOR', '130502', '赵六', 'bench' FROM unnest($1::text[]) AS u`, [usccs]);
    const blocked = usccs.filter((_, n) => n % 10 === 0);
    await client.query(
      `INSERT INTO eligibility_block (uscc, rule, subject_id, message, source, source_event_id, since)
       SELECT u, 'ENTERPRISE_CARD_FROZEN', u, 'The enterprise''s real-name card is frozen.', 'identity:cn.yikatong.identity.card.frozen.v1', $2::uuid, now()
         FROM unnest($1::text[]) AS u`, [blocked, randomUUID()]);
    await client.query('ANALYZE');
  });

  const system = await startSystem(config);
  const clients = Array.from({ length: CALLERS }, () =>
    new BiddingEligibilityService(`127.0.0.1:${PORTS.enterpriseGrpc}`, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
  try {
    const token = await tokenFor(config, { sub: 'trading-platform', kind: 'SERVICE', scope: SCOPES.eligibilityCheck });
    const check = async (client: grpc.Client, n: number) => {
      const uscc = usccs[n % ENTERPRISES]!;
      const verdict = await callUnary<{ eligible: boolean }>(client, 'CheckBiddingEligibility', { uscc, tenderId: '' }, { token, deadlineMs: 5_000 });
      if (verdict.eligible !== (n % ENTERPRISES) % 10 > 0) throw new Error(`wrong verdict for ${uscc}`);
    };
    for (let n = 0; n < WARMUP; n += 1) await check(clients[n % CALLERS]!, n);

    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(clients.map(async (client) => {
      for (;;) {
        const n = next;
        next += 1;
        if (n >= CHECKS) return;
        const began = performance.now();
        await check(client, Math.floor(Math.random() * ENTERPRISES));
        latencies.push(performance.now() - began);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`CheckBiddingEligibility: ${CHECKS} checks over ${ENTERPRISES} enterprises from ${CALLERS} concurrent callers in ${seconds.toFixed(1)} s`);
    console.log(`throughput ${(CHECKS / seconds).toFixed(0)} checks/s (target ≥ 2,000); latency p50=${percentile(latencies, 50).toFixed(2)} ms p99=${percentile(latencies, 99).toFixed(2)} ms max=${latencies.at(-1)!.toFixed(2)} ms (target p99 < 20 ms)`);
  } finally {
    for (const client of clients) client.close();
    await system.stop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
