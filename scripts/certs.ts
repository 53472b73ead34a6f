// `npm run certs`: a local CA and gRPC certificates for development (infra/.certs), with the settings
// each process needs. Production certificates come from the operator's CA; the names are the same:
// `service:<name>` for our services, `bank:<bank code>` for each bank, `trading-platform:<subject>`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeLocalCertificates } from '@yikatong/platform';

const { values } = parseArgs({ options: { bank: { type: 'string', multiple: true, default: ['ICBC', 'CCB'] }, dir: { type: 'string' } } });
const dir = path.resolve(values.dir ?? path.join(__dirname, '..', 'infra', '.certs'));
const names = ['identity', 'enterprise', 'payroll', 'welfare']
  .map((service) => `service:${service}`)
  .concat(
    values.bank.map((bank) => `bank:${bank}`),
    ['trading-platform:trading-platform'],
  );
const certificates = makeLocalCertificates(dir, names);
console.log(`certificates in ${dir}; for each process set (e.g. payroll):`);
for (const name of names) {
  const { cert, key } = certificates.of(name);
  console.log(`  ${name}: GRPC_TLS_CA_FILE=${certificates.ca} GRPC_TLS_CERT_FILE=${cert} GRPC_TLS_KEY_FILE=${key}`);
}
