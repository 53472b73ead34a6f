// npm run bench:eligibility — issue #4's target for external trading platforms:
// ENTERPRISES (default 10,000) enterprises, one in ten blocked; CALLERS (default 50) concurrent gRPC
// clients, each on its own HTTP/2 connection (bench/lean-grpc-caller.ts), call CheckBiddingEligibility
// against the enterprise process (separate OS process, real PostgreSQL). Two phases, each reporting checks/s, p50 and p99:
// 1. saturation — every caller sends its next check as soon as the last returns (CHECKS, 100,000);
// 2. paced — the callers together offer RATE checks/s (default 2,000, the target throughput) for
//    PACED_SECONDS (30). Latency is taken from the moment a check was due, not when it was sent, so a
//    server that falls behind shows it (no coordinated omission).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { BiddingEligibilityService } from '../services/enterprise/src/grpc/eligibility-server';
import { usccFor } from '../test/support/flows';
import { LeanUnaryCaller } from './lean-grpc-caller';
import { freshDatabases, PORTS, startSystem, tokenFor, withDatabase } from '../test/support/system';
import { percentile } from './percentile';

const ENTERPRISES = Number(process.env.ENTERPRISES ?? 10_000);
const CALLERS = Number(process.env.CALLERS ?? 50);
const CHECKS = Number(process.env.CHECKS ?? 100_000);
const RATE = Number(process.env.RATE ?? 2_000);
const PACED_SECONDS = Number(process.env.PACED_SECONDS ?? 30);
const WARMUP = 2_000;

interface PhaseResult {
  seconds: number;
  latencies: number[];
  /** The load generator's own event-loop delay p99 (ms): a stall here shows up as server latency. */
  callerLoopDelayP99: number;
}

/** Runs `checks` checks over the callers, at once or, given a rate, check n due n/rate seconds after the start. */
async function runPhase(
  clients: LeanUnaryCaller[],
  checks: number,
  rate: number | undefined,
  check: (client: LeanUnaryCaller, n: number) => Promise<void>,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let next = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (;;) {
        const n = next;
        next += 1;
        if (n >= checks) return;
        const due = rate ? started + (n * 1000) / rate : undefined;
        const wait = (due ?? 0) - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // A timer may fire up to a few ms before `due` (libuv measures from the loop's cached time);
        // such a check is timed from when it was sent, or its latency would come out negative.
        const began = Math.min(due ?? Infinity, performance.now());
        await check(client, Math.floor(Math.random() * ENTERPRISES));
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, callerLoopDelayP99: loopDelay.percentile(99) / 1e6 };
}

function report(title: string, { seconds, latencies, callerLoopDelayP99 }: PhaseResult) {
  console.log(title);
  console.log(
    `  ${(latencies.length / seconds).toFixed(0)} checks/s (target ≥ 2,000); p50=${percentile(latencies, 50).toFixed(2)} ms p99=${percentile(latencies, 99).toFixed(2)} ms max=${latencies.at(-1)!.toFixed(2)} ms (target p99 < 20 ms)`,
  );
  console.log(`  the load generator's own event loop was delayed up to ${callerLoopDelayP99.toFixed(1)} ms at p99`);
}

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  const usccs = Array.from({ length: ENTERPRISES }, (_, n) => usccFor(n + 1));
  await withDatabase(config, 'enterprise', async (client) => {
    await client.query(
      `INSERT INTO enterprise (uscc, name, type, region_code, legal_representative, registered_by)
       SELECT u, '基准企业', 'SUBCONTRACTOR', '130502', '赵六', 'bench' FROM unnest($1::text[]) AS u`,
      [usccs],
    );
    const blocked = usccs.filter((_, n) => n % 10 === 0);
    await client.query(
      `INSERT INTO eligibility_block (uscc, rule, subject_id, message, source, source_event_id, since)
       SELECT u, 'ENTERPRISE_CARD_FROZEN', u, 'The enterprise''s real-name card is frozen.', 'identity:cn.yikatong.identity.card.frozen.v1', $2::uuid, now()
         FROM unnest($1::text[]) AS u`,
      [blocked, randomUUID()],
    );
    await client.query('ANALYZE');
  });

  const system = await startSystem(config);
  const token = await tokenFor(config, { sub: 'trading-platform', kind: 'TRADING_PLATFORM', scope: SCOPES.eligibilityCheck });
  const clients = Array.from({ length: CALLERS }, () => new LeanUnaryCaller(`127.0.0.1:${PORTS.enterpriseGrpc}`, BiddingEligibilityService, token));
  try {
    const check = async (client: LeanUnaryCaller, n: number) => {
      const uscc = usccs[n % ENTERPRISES]!;
      const verdict = await client.call<{ eligible: boolean }>('CheckBiddingEligibility', { uscc, tenderId: '' });
      if (verdict.eligible !== (n % ENTERPRISES) % 10 > 0) throw new Error(`wrong verdict for ${uscc}`);
    };
    for (let n = 0; n < WARMUP; n += 1) await check(clients[n % CALLERS]!, n);

    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    const saturation = await runPhase(clients, CHECKS, undefined, check);
    report(`saturation: ${CHECKS} checks over ${ENTERPRISES} enterprises from ${CALLERS} callers, each sending as soon as its last check returned`, saturation);
    const pacedChecks = RATE * PACED_SECONDS;
    const paced = await runPhase(clients, pacedChecks, RATE, check);
    report(`paced: ${pacedChecks} checks offered at ${RATE} checks/s by ${CALLERS} callers, latency from when each check was due`, paced);
  } finally {
    for (const client of clients) client.close();
    await system.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
