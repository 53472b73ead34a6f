import { loadConnectorConfig } from '../src/config';

const base = { BANK_CODE: 'ICBC', BANK_TOKEN_FILE: '/run/secrets/bank-token', CORE_BANKING_DIR: '/var/lib/connector' };

it('takes a connected bank and the files it needs, with defaults for the rest', () => {
  expect(loadConnectorConfig({ ...base, NODE_ENV: 'test' })).toMatchObject({ BANK_CODE: 'ICBC', REPORT_BATCH_SIZE: 500, GRPC_PLAINTEXT: 'refused' });
});

it('refuses a bank that is not connected, a report batch payroll would refuse, and plaintext gRPC in production', () => {
  expect(() => loadConnectorConfig({ ...base, BANK_CODE: 'HSBC' })).toThrow(/BANK_CODE/);
  expect(() => loadConnectorConfig({ ...base, REPORT_BATCH_SIZE: '6000' })).toThrow(/REPORT_BATCH_SIZE/);
  expect(() => loadConnectorConfig({ ...base, GRPC_PLAINTEXT: 'allowed' })).toThrow(/GRPC_PLAINTEXT: production runs gRPC over TLS only/);
  expect(() => loadConnectorConfig({ BANK_CODE: 'ICBC' })).toThrow(/BANK_TOKEN_FILE.*CORE_BANKING_DIR|CORE_BANKING_DIR.*BANK_TOKEN_FILE/);
});
