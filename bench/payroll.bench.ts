// npm run bench:payroll — issue #5's target: a city month, 2,000 projects and 100,000 workers with
// attendance, from sheet generation through disbursement events to settlement of every line, in
// under 2 minutes. The four services and the gateway run as separate processes on real PostgreSQL
// and Kafka (test/support/system), as in the end-to-end tests.
//  1. prepare: the general contractor prepares every project's sheet through the gateway (payroll
//     asks identity's VerifyWorkers over gRPC for each project's month).
//  2. review + approve through the gateway: approval reserves the money and writes one
//     disbursement event per line to the outbox.
//  3. settle: until payroll holds every line settled. The bank is the reference connector
//     (tools/bank-connector) as its own process: ICBC's Kafka user over TLS + SCRAM, paying each line
//     in its core-banking journal and reporting over gRPC with mutual TLS, 1,000 lines a call. Every
//     service talks gRPC over mutual TLS too, unless BENCH_GRPC=plaintext (for measuring what TLS costs).
// Not measured: setup written straight to the databases (workers, enrolments, clock-ins, wage
// cards, funded wage accounts) and the workers' own confirmations, which people make on their
// phones over days (marked in one UPDATE here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_NAMES } from '@yikatong/contracts';
import { addMonthsToPeriod, chinaPeriod, makeLocalCertificates } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { startBankConnector } from '../test/support/bank-connector';
import { seededContractorClerks, seedPayrollMonth } from '../test/support/payroll-month';
import { freshDatabases, startSystem, withDatabase } from '../test/support/system';

const PROJECTS = Number(process.env.PAYROLL_PROJECTS ?? 2_000);
const WORKERS = Number(process.env.PAYROLL_WORKERS ?? 100_000);
const DAYS_WORKED = Number(process.env.DAYS_WORKED ?? 22);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const REPORTS_PER_CALL = 1_000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');

/** Runs `task` over items with `concurrency` in flight; returns each call's duration. */
async function inParallel<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Peak resident memory (VmHWM, MiB) and CPU seconds used so far by each service process. */
function processUsage(): Record<string, { peakMiB: number; cpuSeconds: number }> {
  const ticksPerSecond = 100;
  const result: Record<string, { peakMiB: number; cpuSeconds: number }> = {};
  for (const name of ['identity', 'enterprise', 'payroll', 'welfare', 'gateway']) {
    const entry = name === 'gateway' ? 'gateway/src/main.ts' : `services/${name}/src/main.ts`;
    const pids = execFileSync('pgrep', ['-f', entry], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    let peakKiB = 0;
    let ticks = 0;
    for (const pid of pids) {
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    result[name] = { peakMiB: Math.round(peakKiB / 1024), cpuSeconds: Math.round(ticks / ticksPerSecond) };
  }
  return result;
}

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  let started = performance.now();
  const { projectIds, month } = await seedPayrollMonth(config, {
    projects: PROJECTS,
    workers: WORKERS,
    daysWorked: DAYS_WORKED,
    period: addMonthsToPeriod(chinaPeriod(new Date()), -1),
  });
  console.log(
    `setup: ${WORKERS.toLocaleString('en-US')} workers × ${DAYS_WORKED} days of clock-ins on ${PROJECTS.toLocaleString('en-US')} projects in ${seconds(performance.now() - started)} s (not measured)`,
  );

  const certificates = makeLocalCertificates(mkdtempSync(path.join(os.tmpdir(), 'bench-certs-')), [
    ...SERVICE_NAMES.map((name) => `service:${name}`),
    'bank:ICBC',
  ]);
  const grpcTls = process.env.BENCH_GRPC !== 'plaintext';
  const system = await startSystem(config, { LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '20' }, undefined, grpcTls ? certificates : undefined);
  console.log(`gRPC: ${grpcTls ? 'mutual TLS' : 'plaintext'}; Kafka: TLS + SASL/SCRAM-SHA-512 (always)`);
  // The bank is the reference connector (its own process, ICBC's Kafka user, gRPC with its certificate).
  const bank = await startBankConnector(config, {
    bankCode: 'ICBC',
    dir: mkdtempSync(path.join(os.tmpdir(), 'bench-icbc-')),
    tls: grpcTls ? { ca: certificates.ca, ...certificates.of('bank:ICBC') } : undefined,
    settings: { LOG_LEVEL: 'info', REPORT_BATCH_SIZE: String(REPORTS_PER_CALL) },
  });
  try {
    const clerks = await seededContractorClerks(system);
    const sheetIds: string[] = [];
    started = performance.now();
    await inParallel(projectIds, CONCURRENCY, async (projectId) => void sheetIds.push(await clerks.prepare(projectId, month.period)));
    const prepareMs = performance.now() - started;
    const lines = await clerks.confirmEveryLine();
    console.log(`1. prepare: ${sheetIds.length} sheets, ${lines.toLocaleString('en-US')} lines in ${seconds(prepareMs)} s — ${rate(lines, prepareMs)} lines/s`);

    // The connector pays and reports while instructions arrive; payroll's lines are watched until all are settled.
    started = performance.now();
    let settleMs = 0;
    const watching = (async () => {
      while (settleMs === 0) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const settled = await withDatabase(config, 'payroll', async (db) =>
          Number((await db.query("SELECT count(*) FROM disbursement_line WHERE status = 'PAID'")).rows[0].count),
        );
        if (settled >= lines) settleMs = performance.now() - started;
        if (performance.now() - started > 900_000) throw new Error(`only ${settled} of ${lines} lines settled after 15 minutes`);
      }
    })();
    await inParallel(sheetIds, CONCURRENCY, (id) => clerks.reviewAndApprove(id));
    const approveMs = performance.now() - started;
    console.log(`2. review + approve: ${sheetIds.length} sheets in ${seconds(approveMs)} s — ${rate(lines, approveMs)} lines/s (the bank paying meanwhile)`);
    await watching;
    const endToEndMs = prepareMs + settleMs;
    console.log(`3. settle: the last line settled ${seconds(settleMs)} s after approvals began, ${seconds(settleMs - approveMs)} s after they ended`);

    const check = await withDatabase(
      config,
      'payroll',
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT count(*) FROM disbursement_line WHERE status <> 'PAID')::int AS unpaid,
              (SELECT count(*) FROM wage_sheet WHERE status <> 'PAID')::int AS unpaid_sheets,
              (SELECT coalesce(sum(CASE WHEN debit = 'WORKERS_PAID' THEN amount_fen ELSE 0 END), 0) FROM ledger_transfer)::bigint AS paid,
              (SELECT sum(total_net_fen) FROM wage_sheet)::bigint AS due,
              (SELECT count(*) FROM arrears_warning WHERE status = 'OPEN')::int AS open_warnings`,
          )
        ).rows[0],
    );
    console.log(
      `check: unpaid lines ${check.unpaid}, unpaid sheets ${check.unpaid_sheets}, paid ${check.paid} fen of ${check.due} due, open warnings ${check.open_warnings}`,
    );
    console.log(`whole month (prepare → last settlement): ${seconds(endToEndMs)} s — ${rate(lines, endToEndMs)} lines/s (target < 120 s)`);
    console.log(
      `per process: ${JSON.stringify(processUsage())}; bench process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
  } finally {
    await bank.stop();
    await system.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
