import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireKind } from '../../src/auth/guards';
import { mintToken, serviceCallerToken } from '../../src/auth/tokens';
import { loadPlatformConfig } from '../../src/config';
import {
  callUnary,
  grpc,
  grpcClientCredentials,
  grpcServerCredentials,
  loadService,
  makeLocalCertificates,
  startGrpcServer,
  unary,
  type GrpcTlsSettings,
} from '../../src/grpc';
import { createTokenVerifier } from '../../src/auth/tokens';
import { createLogger } from '../../src/logger';
import { testConfig } from '../../src/testing';

/** gRPC over mutual TLS with the project's own certificates (made with openssl, as `npm run certs` makes them). */
const dir = mkdtempSync(path.join(os.tmpdir(), 'yikatong-tls-'));
const strangers = mkdtempSync(path.join(os.tmpdir(), 'yikatong-tls-other-'));
const certificates = makeLocalCertificates(dir, ['service:payroll', 'bank:ICBC', 'bank:CCB']);
const otherCa = makeLocalCertificates(strangers, ['bank:ICBC']);
const config = testConfig();
const Settlement = loadService('payroll/settlement.proto', 'yikatong.payroll.v1.PayrollSettlement');
const tls = (name: string, ca = certificates): GrpcTlsSettings => ({
  GRPC_PLAINTEXT: 'refused',
  GRPC_TLS_CA_FILE: ca.ca,
  GRPC_TLS_CERT_FILE: ca.of(name).cert,
  GRPC_TLS_KEY_FILE: ca.of(name).key,
});
let server: Awaited<ReturnType<typeof startGrpcServer>>;

beforeAll(async () => {
  const verify = createTokenVerifier(config);
  server = await startGrpcServer(
    0,
    [
      {
        definition: Settlement.service,
        implementation: {
          ReportSettlements: unary(
            async (token) => verify(token ?? ''),
            createLogger('tls-test', 'silent'),
            async (_: unknown, principal) => ({
              results: [{ lineId: requireKind(principal, 'BANK', 'SERVICE').subject, result: 'SETTLED', status: 'PAID' }],
            }),
          ),
        },
      },
    ],
    grpcServerCredentials(tls('service:payroll')),
  );
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(strangers, { recursive: true, force: true });
});

async function call(credentials: grpc.ChannelCredentials, token: string) {
  const client = new Settlement(`127.0.0.1:${server.port}`, credentials);
  try {
    return await callUnary<{ results: Array<{ lineId: string }> }>(client, 'ReportSettlements', { reports: [] }, { token, deadlineMs: 5_000 }).then(
      (answer) => answer.results[0]!.lineId,
      (error: grpc.ServiceError) => `${grpc.status[error.code]} ${error.metadata?.get('yikatong-error-code')[0]?.toString() ?? ''}`.trim(),
    );
  } finally {
    client.close();
  }
}

const bankToken = (bank: string) => mintToken(config, { sub: `${bank.toLowerCase()}-ops`, kind: 'BANK', bank });

it("serves a bank whose certificate names the token's bank, and our service with its own certificate", async () => {
  expect(await call(grpcClientCredentials(tls('bank:ICBC')), await bankToken('ICBC'))).toBe('icbc-ops');
  expect(await call(grpcClientCredentials(tls('service:payroll')), await serviceCallerToken(config, 'payroll')())).toBe('payroll');
});

it("refuses bank A's certificate with bank B's token, a service token over a bank's certificate, no certificate, and a certificate of another CA", async () => {
  expect(await call(grpcClientCredentials(tls('bank:ICBC')), await bankToken('CCB'))).toBe('UNAUTHENTICATED UNAUTHENTICATED');
  expect(await call(grpcClientCredentials(tls('bank:CCB')), await serviceCallerToken(config, 'payroll')())).toBe('UNAUTHENTICATED UNAUTHENTICATED');
  expect(await call(grpc.credentials.createSsl(readFileSync(certificates.ca)), await bankToken('ICBC'))).toBe('UNAVAILABLE');
  expect(await call(grpc.credentials.createInsecure(), await bankToken('ICBC'))).toBe('UNAVAILABLE');
  expect(await call(grpcClientCredentials(tls('bank:ICBC', otherCa)), await bankToken('ICBC'))).toBe('UNAVAILABLE');
});

it('allows plaintext only where a development setting says so, never in production', () => {
  expect(() => grpcServerCredentials({ GRPC_PLAINTEXT: 'refused' })).toThrow(/GRPC_TLS_CA_FILE/);
  expect(() =>
    loadPlatformConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SERVICE_TOKEN_SECRET: 'y'.repeat(40), GRPC_PLAINTEXT: 'allowed' }),
  ).toThrow(/GRPC_PLAINTEXT/);
  expect(loadPlatformConfig({ NODE_ENV: 'development' }).GRPC_PLAINTEXT).toBe('refused');
});
