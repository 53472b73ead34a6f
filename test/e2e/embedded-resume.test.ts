import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { graphqlClient, ROOT, tokenFor } from '../support/system';

/**
 * `npm start` killed while it seeds the demo data: the next start on the same data finishes the
 * seed instead of crashing on what the first start left half-done.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'yk-embedded-resume-'));
const GATEWAY = 'http://127.0.0.1:22000/graphql';
const env = {
  ...process.env,
  EMBEDDED_DATA_DIR: dataDir,
  EMBEDDED_DB_PORT: '27431',
  GATEWAY_PORT: '22000',
  IDENTITY_PORT: '22001',
  ENTERPRISE_PORT: '22002',
  PAYROLL_PORT: '22003',
  WELFARE_PORT: '22004',
  IDENTITY_GRPC_PORT: '22051',
  ENTERPRISE_GRPC_PORT: '22052',
  PAYROLL_GRPC_PORT: '22053',
  LOG_LEVEL: 'warn',
  DEMO_CITY: 'off',
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

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('a start stopped half-way through seeding is finished by the next start', async () => {
  const portal = graphqlClient(
    GATEWAY,
    await tokenFor(testing.testConfig(), {
      sub: 'seed-check',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.enterpriseRegister} ${SCOPES.workerRegister}`,
    }),
  );
  const count = async () => {
    const answer = await portal<{ enterprises: { nodes: unknown[] }; workers: { nodes: unknown[] } }>(
      '{ enterprises { nodes { uscc } } workers { nodes { id } } }',
    ).catch(() => undefined);
    return answer?.data ? { enterprises: answer.data.enterprises.nodes.length, workers: answer.data.workers.nodes.length } : undefined;
  };

  // Killed as soon as the first enterprise is in, before the rest of the demo data.
  const first = start();
  const partial = await testing.eventually(
    async () => {
      const seen = await count();
      return seen && seen.enterprises > 0 ? seen : undefined;
    },
    120_000,
    'the first enterprise to be seeded',
  );
  first.child.kill('SIGKILL');
  await exited(first.child);
  expect(first.output()).not.toContain('Demo tokens');
  expect(partial.workers).toBe(0);

  const second = start();
  await testing.eventually(
    async () => (second.output().includes('Demo tokens') || second.child.exitCode !== null ? true : undefined),
    120_000,
    'the second start',
  );
  expect(second.child.exitCode).toBeNull();
  expect(second.output()).toContain('WORKER (');
  expect(await count()).toEqual({ enterprises: 14, workers: 3 });
}, 300_000);
