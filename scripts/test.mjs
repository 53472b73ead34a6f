#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Brings up its own Kafka (and PostgreSQL if none
// answers), generates the Prisma clients and resolver types, type-checks, lints (ESLint) and checks the formatting
// (Prettier), then runs every workspace's jest suites (unit + integration on real PostgreSQL/Kafka)
// and the repository's end-to-end tests, then the calendar runs: the suites that reason about dates
// again with the clock pinned at each awkward instant of CALENDAR_INSTANTS. `npm run test:calendar` (`--calendar-only`) runs just those.
// Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.data', 'test-results');
const calendarOnly = process.argv.includes('--calendar-only');
// The suite runs its own Kafka broker on port 19092 (it stops and restarts it on purpose), apart from
// a developer's on 9092, and its own databases (yktest_*, yke2e_*, never the development ones).
const kafkaPort = process.env.TEST_KAFKA_PORT ?? '19092';
const env = {
  ...process.env,
  KAFKA_PORT: kafkaPort,
  KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
  DATABASE_NAME_PREFIX: process.env.DATABASE_NAME_PREFIX ?? 'yktest',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  FORCE_COLOR: '0',
};
const npx = (args, cwd = root, extraEnv = {}) => spawnSync('npx', ['--no-install', ...args], { cwd, env: { ...env, ...extraEnv }, stdio: 'inherit' });

/**
 * Instants at which date rules and tests have broken before (business time is China's, UTC+8).
 * Without YIKATONG_TEST_NOW the ordinary run takes today's date, printed below, so a failure on
 * some other day can be re-run at that instant.
 */
const CALENDAR_INSTANTS = [
  ['2026-12-31T16:30:00Z', 'the 1st, 00:30 China time (still the 31st in UTC), a new year', { e2e: true }],
  ['2027-03-01T01:00:00Z', 'the 1st, 09:00 China time'],
  ['2027-04-14T04:00:00Z', 'the 14th'],
  ['2027-04-15T04:00:00Z', 'the 15th'],
  ['2027-04-16T04:00:00Z', 'the 16th'],
  ['2027-04-30T15:59:00Z', 'the last day of a month, 23:59 China time', { e2e: true }],
  ['2028-02-29T04:00:00Z', '29 February'],
  ['2027-12-31T16:30:00Z', '31 December 16:30 UTC (1 January in China)'],
  ['2031-01-01T04:00:00Z', '1 January 2031', { e2e: true }],
];
// The suites whose rules reason about days, months and years, at every instant; the end-to-end flows
// (two minutes a run) at the instants marked e2e, which between them cover a new year, a month's
// last minute and a year past today's hard-coded dates.
const CALENDAR_SUITES = [
  ['services/identity', ['--runInBand']],
  ['services/enterprise', ['--runInBand']],
  ['services/payroll', ['--runInBand']],
  ['services/welfare', []],
];
const E2E_SUITE = ['.', ['--runInBand', '--forceExit', 'test/e2e']];

function step(title, run) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = run();
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

if (!step('infrastructure (Kafka, PostgreSQL, migrations)', () => npx(['tsx', 'infra/infra.ts', 'up']))) process.exit(1);
if (!step('generate (Prisma clients, resolver types) + typecheck', () => npx(['turbo', 'run', 'typecheck', '--output-logs=errors-only']))) process.exit(1);
if (!calendarOnly && !step('build the web app (the browser tests serve it)', () => npx(['vite', 'build', '--logLevel', 'warn'], path.join(root, 'web'))))
  process.exit(1);
if (!calendarOnly && !step('typecheck repository tests, benchmarks and infra', () => npx(['tsc', '-p', 'tsconfig.json']))) process.exit(1);
if (
  !calendarOnly &&
  !step('lint (ESLint) and format (Prettier) checks', () => spawnSync('npm', ['run', 'lint', '--silent'], { cwd: root, env, stdio: 'inherit' }))
)
  process.exit(1);

const suites = [
  ['packages/contracts', []],
  ['packages/platform', ['--runInBand']],
  ['services/identity', ['--runInBand']],
  ['services/enterprise', ['--runInBand']],
  ['services/payroll', ['--runInBand']],
  ['services/welfare', []],
  ['gateway', []],
  ['tools/bank-connector', []],
  ['.', ['--runInBand', '--forceExit']],
];

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;
const failures = [];

function jest(workspace, flags, instant) {
  const label = instant ? `${workspace} at ${instant}` : workspace;
  const output = path.join(resultsDir, `${label.replace(/[/.:]/g, '_').replace(/ /g, '') || 'root'}.json`);
  const ok = step(`jest ${label}`, () =>
    npx(['jest', '--ci', '--json', `--outputFile=${output}`, ...flags], path.join(root, workspace), instant ? { YIKATONG_TEST_NOW: instant } : {}),
  );
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok) failures.push(label);
    if (!ok && report.numFailedTests === 0) broken = true; // a suite that failed to run at all
  } catch {
    failures.push(label);
    broken = true;
  }
}

if (!calendarOnly) {
  console.log(
    `\nBusiness time of this run: ${process.env.YIKATONG_TEST_NOW ?? `${new Date().toISOString()} (now; re-run a failure with YIKATONG_TEST_NOW=<instant>)`}`,
  );
  for (const [workspace, flags] of suites) jest(workspace, flags, process.env.YIKATONG_TEST_NOW);
}
for (const [instant, why, { e2e = false } = {}] of CALENDAR_INSTANTS) {
  console.log(`\n--- calendar: ${instant} (${why})`);
  for (const [workspace, flags] of [...CALENDAR_SUITES, ...(e2e ? [E2E_SUITE] : [])]) jest(workspace, flags, instant);
}
// The test broker is the suite's own: leave no Kafka behind to block the next checkout's run.
step('stop the test broker', () => npx(['tsx', 'infra/infra.ts', 'down']));
if (failures.length > 0) console.log(`\nfailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
