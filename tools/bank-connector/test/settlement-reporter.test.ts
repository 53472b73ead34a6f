import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createLogger, invalidInput, principalFromClaims, loadService, overloaded, startGrpcServer, unary, type RunningGrpcServer } from '@yikatong/platform';
import { SettlementReporter } from '../src/settlement-reporter';

/**
 * The reporter against a gRPC server speaking payroll's settlement contract, through the platform's
 * own unary handler (the one payroll uses): refusals that mean "retry" are retried, others thrown.
 */
const PayrollSettlement = loadService('payroll/settlement.proto', 'yikatong.payroll.v1.PayrollSettlement');
const logger = createLogger('reporter-test', 'silent');
const tokenFile = path.join(mkdtempSync(path.join(tmpdir(), 'reporter-')), 'token');
writeFileSync(tokenFile, 'bank-token\n');
const outcome = { lineId: '00000000-0000-4000-8000-000000000001', outcome: 'PAID' as const, bankReference: 'ICBC-1', settledAt: '2026-12-01T02:00:00.000Z' };

let server: RunningGrpcServer;
let answers: Array<() => unknown>;
const tokensSeen: string[] = [];

beforeAll(async () => {
  const handle = async (request: { reports: Array<{ lineId: string }> }) => {
    const next = answers.shift();
    if (!next) throw new Error('no answer prepared');
    next();
    return { results: request.reports.map((report) => ({ lineId: report.lineId, result: 'SETTLED', status: 'PAID' })) };
  };
  const authenticate = async (token: string | undefined) => {
    tokensSeen.push(token ?? '');
    return principalFromClaims({ sub: 'icbc', kind: 'BANK', bank: 'ICBC' });
  };
  server = await startGrpcServer(
    0,
    [{ definition: PayrollSettlement.service, implementation: { ReportSettlements: unary(authenticate, logger, handle) } }],
    grpc.ServerCredentials.createInsecure(),
  );
});

afterAll(() => server?.close());

const reporter = () =>
  new SettlementReporter({
    address: `127.0.0.1:${server.port}`,
    credentials: grpc.credentials.createInsecure(),
    tokenFile,
    logger,
    maxBackoffMs: 50,
    sleep: async () => undefined,
  });

it('sends the same call again while payroll answers "retry later", then returns its results', async () => {
  answers = [
    () => {
      throw overloaded('busy');
    },
    () => {
      throw overloaded('still busy');
    },
    () => undefined,
  ];
  const client = reporter();
  await expect(client.report([outcome])).resolves.toEqual([{ lineId: outcome.lineId, result: 'SETTLED', status: 'PAID' }]);
  expect(answers).toHaveLength(0);
  expect(tokensSeen.at(-1)).toBe('bank-token');
  client.close();
});

it('throws a refusal that retrying cannot mend', async () => {
  answers = [
    () => {
      throw invalidInput('INVALID_REPORT', 'reports', 'bad report');
    },
  ];
  const client = reporter();
  await expect(client.report([outcome])).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  client.close();
});
