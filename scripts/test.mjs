#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Brings up its own Kafka (and PostgreSQL if none
// answers), generates the Prisma clients, type-checks, then runs every workspace's jest suites
// (unit + integration on real PostgreSQL/Kafka) and the repository's end-to-end tests.
// Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.data', 'test-results');
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
const npx = (args, cwd = root) => spawnSync('npx', ['--no-install', ...args], { cwd, env, stdio: 'inherit' });

function step(title, run) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = run();
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

if (!step('infrastructure (Kafka, PostgreSQL, migrations)', () => npx(['tsx', 'infra/infra.ts', 'up']))) process.exit(1);
if (!step('prisma generate + typecheck', () => npx(['turbo', 'run', 'typecheck', '--output-logs=errors-only']))) process.exit(1);
if (!step('typecheck repository tests, benchmarks and infra', () => npx(['tsc', '-p', 'tsconfig.json']))) process.exit(1);

const suites = [
  ['packages/contracts', []],
  ['packages/platform', ['--runInBand']],
  ['services/identity', ['--runInBand']],
  ['services/enterprise', ['--runInBand']],
  ['services/payroll', ['--runInBand']],
  ['services/welfare', []],
  ['gateway', []],
  ['.', ['--runInBand', '--forceExit']],
];

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;
for (const [workspace, flags] of suites) {
  const output = path.join(resultsDir, `${workspace.replace(/[/.]/g, '_') || 'root'}.json`);
  const ok = step(`jest ${workspace}`, () => npx(['jest', '--ci', '--json', `--outputFile=${output}`, ...flags], path.join(root, workspace)));
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) broken = true; // a suite that failed to run at all
  } catch {
    broken = true;
  }
}
// The test broker is the suite's own: leave no Kafka behind to block the next checkout's run.
step('stop the test broker', () => npx(['tsx', 'infra/infra.ts', 'down']));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
