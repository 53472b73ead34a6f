import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where one party's certificate and key are. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

/** A local CA's certificate and the certificate and key made for each name. */
export interface LocalCertificates {
  ca: string;
  of(name: string): CertificateFiles;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });
const fileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * A local certificate authority and one certificate per name (the certificate's CN: `service:payroll`,
 * `bank:ICBC`…), each valid for 127.0.0.1 and localhost as server and as client — for development
 * and tests; production certificates come from the operator's own CA. Needs the openssl command.
 */
export function makeLocalCertificates(dir: string, names: readonly string[]): LocalCertificates {
  mkdirSync(dir, { recursive: true });
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...curve, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '825', '-subj', '/CN=yikatong-local-ca'], dir);
  writeFileSync(path.join(dir, 'peer.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  const files = new Map<string, CertificateFiles>();
  for (const name of names) {
    const base = fileName(name);
    openssl(['req', ...curve, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${name}`], dir);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${base}.crt`,
        '-days',
        '825',
        '-extfile',
        'peer.ext',
      ],
      dir,
    );
    files.set(name, { cert: path.join(dir, `${base}.crt`), key: path.join(dir, `${base}.key`) });
  }
  return {
    ca: path.join(dir, 'ca.crt'),
    of: (name) => {
      const found = files.get(name);
      if (!found) throw new Error(`no certificate was made for ${name}`);
      return found;
    },
  };
}
