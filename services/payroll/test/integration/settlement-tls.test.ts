import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callUnary, grpc, grpcClientCredentials, makeLocalCertificates, mintToken } from '@yikatong/platform';
import { PayrollSettlementService } from '../../src/grpc/settlement-server';
import { createPayrollHarness } from '../support/harness';

/** Payroll's gRPC server as deployed: mutual TLS, a bank's certificate naming its bank code. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'payroll-tls-'));
const certificates = makeLocalCertificates(dir, ['service:payroll', 'bank:ICBC', 'bank:CCB']);
const files = (name: string) => ({
  GRPC_PLAINTEXT: 'refused' as const,
  GRPC_TLS_CA_FILE: certificates.ca,
  GRPC_TLS_CERT_FILE: certificates.of(name).cert,
  GRPC_TLS_KEY_FILE: certificates.of(name).key,
});
const harness = createPayrollHarness(files('service:payroll'));

beforeAll(() => harness.start());
afterAll(async () => {
  await harness.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function report(certificate: string, bank: string) {
  const client = new PayrollSettlementService(
    `127.0.0.1:${harness.grpcPort}`,
    certificate ? grpcClientCredentials(files(certificate)) : grpc.credentials.createInsecure(),
  );
  try {
    const token = await mintToken(harness.config, { sub: `${bank}-ops`, kind: 'BANK', bank });
    const reports = [{ lineId: '6f1c3f7e-1b7a-4c59-9a52-3f8f0f4a1b2c', outcome: 'PAID', bankReference: 'V-1', failureReason: '', settledAt: '' }];
    return await callUnary<{ results: Array<{ result: string }> }>(client, 'ReportSettlements', { reports }, { token, deadlineMs: 5_000 }).then(
      (answer) => answer.results[0]!.result,
      (error: grpc.ServiceError) => grpc.status[error.code],
    );
  } finally {
    client.close();
  }
}

it("answers a bank over TLS with its own certificate, and refuses another bank's certificate or none", async () => {
  expect(await report('bank:ICBC', 'ICBC')).toBe('NOT_FOUND');
  expect(await report('bank:CCB', 'ICBC')).toBe('UNAUTHENTICATED');
  expect(await report('', 'ICBC')).toBe('UNAVAILABLE');
});
