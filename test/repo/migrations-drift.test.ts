import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as testing from '@yikatong/platform/testing';

const ROOT = path.resolve(__dirname, '..', '..');
const migrate = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'migrate.mjs'), ...args], { encoding: 'utf8', env: process.env });

beforeAll(async () => {
  await testing.requirePostgres(testing.testConfig(), 'identity');
});

it('every service’s committed migrations produce exactly its schema.prisma', () => {
  const result = migrate('check');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 180_000);

it('fails, printing the missing SQL, when schema.prisma changes without a migration', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'yk-drift-'));
  try {
    cpSync(path.join(ROOT, 'services', 'welfare', 'prisma'), scratch, { recursive: true });
    appendFileSync(path.join(scratch, 'schema.prisma'), '\nmodel DriftProbe {\n  id Int @id\n}\n');
    const result = migrate('check', scratch);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CREATE TABLE "DriftProbe"');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 120_000);
