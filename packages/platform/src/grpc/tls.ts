import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { unauthenticated } from '../errors';
import type { Principal } from '../auth/principal';

/** How gRPC crosses the network: mutual TLS with the project's CA, or plaintext where a development setting allows it. */
export interface GrpcTlsSettings {
  GRPC_PLAINTEXT: 'refused' | 'allowed';
  GRPC_TLS_CA_FILE?: string;
  GRPC_TLS_CERT_FILE?: string;
  GRPC_TLS_KEY_FILE?: string;
}

interface TlsFiles {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

function tlsFiles(settings: GrpcTlsSettings): TlsFiles | undefined {
  const { GRPC_TLS_CA_FILE: ca, GRPC_TLS_CERT_FILE: cert, GRPC_TLS_KEY_FILE: key } = settings;
  if (ca && cert && key) return { ca: readFileSync(ca), cert: readFileSync(cert), key: readFileSync(key) };
  if (settings.GRPC_PLAINTEXT === 'allowed') return undefined;
  throw new Error(
    'gRPC runs over TLS: set GRPC_TLS_CA_FILE, GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE (`npm run certs` makes a local set), ' +
      'or GRPC_PLAINTEXT=allowed outside production',
  );
}

/** A server's credentials: TLS that requires a client certificate signed by the CA, or plaintext if allowed. */
export function grpcServerCredentials(settings: GrpcTlsSettings): grpc.ServerCredentials {
  const files = tlsFiles(settings);
  if (!files) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(files.ca, [{ private_key: files.key, cert_chain: files.cert }], true);
}

/** A client's credentials: its own certificate, trusting only the CA; or plaintext if allowed. */
export function grpcClientCredentials(settings: GrpcTlsSettings): grpc.ChannelCredentials {
  const files = tlsFiles(settings);
  if (!files) return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(files.ca, files.key, files.cert);
}

/**
 * The certificate name a caller of this kind must present (its CN): a bank's names its bank code,
 * our services' their name, a trading platform's or an enterprise's its subject or USCC.
 */
export function certificateNameFor(principal: Principal): string {
  if (principal.kind === 'BANK') return `bank:${principal.bankCode}`;
  if (principal.kind === 'SERVICE') return `service:${principal.subject}`;
  if (principal.kind === 'ENTERPRISE') return `enterprise:${principal.enterpriseUscc}`;
  return `${principal.kind.toLowerCase().replace('_', '-')}:${principal.subject}`;
}

/** Over TLS, the client certificate must belong to the token's caller: bank A's certificate with bank B's token is refused. */
export function requireCertificateOf(principal: Principal, certificateName: string | undefined): void {
  if (certificateName === undefined) return;
  if (certificateName !== certificateNameFor(principal)) {
    throw unauthenticated(`The client certificate (${certificateName}) does not belong to the token's caller (${certificateNameFor(principal)}).`);
  }
}
export * from './local-certificates';
