import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as testing from '@yikatong/platform/testing';
import { DECISION, FREEZE, waitForEligibility } from '../support/flows';
import { graphqlClient, ROOT } from '../support/system';

/** `npm start`'s system (PGlite, in-memory bus, seeded data) answers the freeze flow too. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'yk-embedded-'));
let child: ChildProcess;
let output = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'embedded.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      EMBEDDED_DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: '26431',
      GATEWAY_PORT: '24000',
      IDENTITY_PORT: '24001',
      ENTERPRISE_PORT: '24002',
      PAYROLL_PORT: '24003',
      WELFARE_PORT: '24004',
      ENTERPRISE_GRPC_PORT: '25052',
      IDENTITY_GRPC_PORT: '25051',
      PAYROLL_GRPC_PORT: '25053',
      LOG_LEVEL: 'warn',
      DEMO_CITY: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  await testing.eventually(async () => (output.includes('Demo tokens') || child.exitCode !== null ? true : undefined), 120_000, 'embedded mode to start');
  if (child.exitCode !== null) throw new Error(`embedded mode exited:\n${output}`);
}, 150_000);

afterAll(async () => {
  if (child.exitCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts with the demo data, one enterprise frozen, and freezes another through the gateway', async () => {
  const gatewayUrl = /GraphQL gateway: (\S+)/.exec(output)![1]!;
  const portalToken = /PORTAL \([^\n]*\n\s+(\S+)/.exec(output)![1]!;
  const portal = graphqlClient(gatewayUrl, portalToken);
  const listed = await portal<{
    enterprises: { nodes: Array<{ uscc: string; realNameCards: Array<{ number: string; status: string }>; biddingEligibility: { eligible: boolean } }> };
  }>('{ enterprises { nodes { uscc realNameCards { number status } biddingEligibility { eligible } } } }');
  const nodes = listed.data!.enterprises.nodes;
  expect(nodes).toHaveLength(14);
  expect(nodes.filter((node) => !node.biddingEligibility.eligible)).toHaveLength(1);

  const active = nodes.find((node) => node.biddingEligibility.eligible)!;
  const frozen = await portal<{ freezeRealNameCard: { status: string } }>(FREEZE, { input: { cardNumber: active.realNameCards[0]!.number, ...DECISION } });
  expect(frozen.data?.freezeRealNameCard.status).toBe('FROZEN');
  expect((await waitForEligibility(portal, active.uscc, false)).reasons[0]?.code).toBe('ENTERPRISE_CARD_FROZEN');
});

it('seeds workers; a worker sees themself through me, with personal data masked', async () => {
  const gatewayUrl = /GraphQL gateway: (\S+)/.exec(output)![1]!;
  const workerToken = /WORKER \([^\n]*\n\s+(\S+)/.exec(output)![1]!;
  const me = await graphqlClient(
    gatewayUrl,
    workerToken,
  )<{ me: { name: string; idNumber: string; realNameCard: { status: string } } }>('{ me { name idNumber realNameCard { status } } }');
  expect(['王建国', '李秀英', '赵志强']).toContain(me.data!.me.name);
  expect(me.data!.me.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect(me.data!.me.realNameCard.status).toBe('ACTIVE');
});
