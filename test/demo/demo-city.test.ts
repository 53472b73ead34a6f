import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chinaYear } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { graphqlClient, ROOT } from '../support/system';

/**
 * `npm start`'s demo city: after the first part, the city fills in behind it; every dashboard figure
 * then has something true to show, and a second start on the same data finds the city and adds nothing.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'yk-demo-city-'));
const env = {
  ...process.env,
  EMBEDDED_DATA_DIR: dataDir,
  EMBEDDED_DB_PORT: '28431',
  GATEWAY_PORT: '23000',
  IDENTITY_PORT: '23001',
  ENTERPRISE_PORT: '23002',
  PAYROLL_PORT: '23003',
  WELFARE_PORT: '23004',
  IDENTITY_GRPC_PORT: '23051',
  ENTERPRISE_GRPC_PORT: '23052',
  PAYROLL_GRPC_PORT: '23053',
  WEB_PORT: '23100',
  LOG_LEVEL: 'warn',
};
const children: ChildProcess[] = [];

function start(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'embedded.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function cityReady(started: ReturnType<typeof start>): Promise<void> {
  await testing.eventually(
    async () => (/demo city: (ready|seeding stopped)/.test(started.output()) || started.child.exitCode !== null ? true : undefined),
    480_000,
    'the demo city',
  );
  if (!started.output().includes('demo city: ready')) throw new Error(`the demo city was not seeded:\n${started.output()}`);
}

const tokenOf = (output: string, who: string) => new RegExp(`\\n  ${who}[^\\n]*:\\n\\s+(\\S+)`).exec(output)![1]!;

const STATISTICS = `query ($year: Int!) {
  identityStatistics(regionCode: "130500", from: "2020-01", to: "2040-12") { registeredWorkers activeEnrolments }
  enterpriseStatistics(regionCode: "130500") { ineligible byReason { key count } projectsByStage { key count } }
  payrollStatistics(regionCode: "130500") { periods { period due paid } warnings { colour raised open } }
  complaintStatistics(regionCode: "130500") { byStage { stage count } }
  trainingProgress(regionCode: "130500", year: $year) { target completed }
  insuranceCoverageGaps(regionCode: "130500") { projects workers }
}`;

afterAll(async () => {
  for (const child of children) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
});

it('fills every dashboard figure with a city, and a second start adds nothing to it', async () => {
  const first = start();
  await cityReady(first);
  const dashboard = graphqlClient('http://127.0.0.1:23000/graphql', tokenOf(first.output(), 'ANALYTICS'));
  // The child runs on the system clock, as npm start does.
  const year = chinaYear(testing.testStart());
  const { data, errors } = await dashboard<any>(STATISTICS, { year });
  expect(errors).toBeUndefined();
  const count = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((row) => [row.key, row.count]));
  expect(count(data.enterpriseStatistics.projectsByStage)).toMatchObject({ AWARDED: 12, PERMITTED: 12, CONSTRUCTION: 144, COMPLETED: 12, CLOSED: 12 });
  expect(data.identityStatistics.registeredWorkers).toBeGreaterThan(2_000);
  expect(data.identityStatistics.activeEnrolments).toBeGreaterThan(2_000);
  // Months of wages on record, nearly all of them paid.
  const paidMonths = data.payrollStatistics.periods.filter((period: { due: string; paid: string }) => BigInt(period.paid) > 0n);
  expect(paidMonths.length).toBeGreaterThanOrEqual(2);
  for (const colour of ['RED', 'YELLOW', 'BLUE']) {
    const rows = data.payrollStatistics.warnings.filter((row: { colour: string }) => row.colour === colour);
    expect(rows.reduce((sum: number, row: { open: number }) => sum + row.open, 0)).toBeGreaterThan(0);
  }
  // Some warnings were raised in the past and cleared once the late wages were paid.
  expect(data.payrollStatistics.warnings.some((row: { raised: number; open: number }) => row.raised > row.open)).toBe(true);
  // The contractors that left a month unpaid may not bid.
  expect(count(data.enterpriseStatistics.byReason).RED_ARREARS_WARNING).toBeGreaterThan(0);
  const stages = new Set(data.complaintStatistics.byStage.map((row: { stage: string }) => row.stage));
  for (const stage of ['NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'REJECTED', 'RESOLVED', 'CLOSED']) expect(stages).toContain(stage);
  expect(data.trainingProgress.target).toBeGreaterThan(0);
  expect(data.trainingProgress.completed).toBeGreaterThan(0);
  expect(data.insuranceCoverageGaps.projects).toBeGreaterThan(0);
  await stop(first.child);

  const second = start();
  await cityReady(second);
  const again = await graphqlClient('http://127.0.0.1:23000/graphql', tokenOf(second.output(), 'ANALYTICS'))<any>(STATISTICS, { year });
  expect(again.data.identityStatistics).toEqual(data.identityStatistics);
  expect(again.data.enterpriseStatistics.projectsByStage).toEqual(data.enterpriseStatistics.projectsByStage);
  expect(again.data.complaintStatistics).toEqual(data.complaintStatistics);
  expect(again.data.trainingProgress).toEqual(data.trainingProgress);
}, 900_000);
