import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath } from '@yikatong/contracts';
import { AppError, databaseUnavailable, UnavailableError } from '../errors';
import { bearerToken } from '../auth/tokens';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import { requireCertificateOf } from './tls';

export { grpc };
export * from './tls';

const LOADER_OPTIONS: protoLoader.Options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };

/** Loads a service definition from packages/contracts/proto, e.g. ('enterprise/eligibility.proto', 'yikatong.enterprise.v1.BiddingEligibility'). */
export function loadService(protoFile: string, qualifiedName: string): grpc.ServiceClientConstructor {
  const definition = protoLoader.loadSync(protoPath(protoFile), LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(definition);
  const service = qualifiedName.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], loaded);
  if (typeof service !== 'function') throw new Error(`service ${qualifiedName} not found in ${protoFile}`);
  return service as grpc.ServiceClientConstructor;
}

const STATUS_BY_CODE: Record<string, grpc.status> = {
  UNAUTHENTICATED: grpc.status.UNAUTHENTICATED,
  FORBIDDEN: grpc.status.PERMISSION_DENIED,
  OVERLOADED: grpc.status.RESOURCE_EXHAUSTED,
};

/**
 * The gRPC status of an error: AppErrors by their code (which travels in `yikatong-error-code`),
 * a refusal for the moment (overload, the database busy or down) as RESOURCE_EXHAUSTED or
 * UNAVAILABLE with `retry-after-ms`, and only a real fault as INTERNAL.
 */
function toStatus(error: unknown, logger: Logger): Partial<grpc.StatusObject> {
  const refusal = error instanceof AppError ? error : databaseUnavailable(error, logger);
  if (!refusal) return { code: grpc.status.INTERNAL, details: 'internal error' };
  const metadata = new grpc.Metadata();
  metadata.set('yikatong-error-code', refusal.code);
  if (refusal instanceof UnavailableError) metadata.set('retry-after-ms', String(refusal.retryAfterMs));
  const code =
    STATUS_BY_CODE[refusal.code] ??
    (refusal instanceof UnavailableError ? grpc.status.UNAVAILABLE : refusal.code.endsWith('NOT_FOUND') ? grpc.status.NOT_FOUND : grpc.status.INVALID_ARGUMENT);
  return { code, details: `${refusal.code}: ${refusal.message}`, metadata };
}

/**
 * Wraps a unary handler: authenticates the bearer token in metadata, maps AppErrors to gRPC
 * status codes (the stable code travels in `yikatong-error-code`), and logs what went wrong.
 */
export function unary<TRequest, TResponse>(
  authenticate: (token: string | undefined) => Promise<Principal>,
  logger: Logger,
  handle: (request: TRequest, principal: Principal) => Promise<TResponse>,
): grpc.handleUnaryCall<TRequest, TResponse> {
  return (call, callback) => {
    const token = bearerToken(call.metadata.get('authorization')[0]?.toString());
    // Over TLS the server required a certificate of our CA; its name must be the token's caller's.
    const peer = call.getAuthContext().sslPeerCertificate;
    const certificateName = peer && 'subject' in peer ? String(peer.subject.CN) : undefined;
    authenticate(token)
      .then((principal) => {
        requireCertificateOf(principal, certificateName);
        return handle(call.request, principal);
      })
      .then((response) => callback(null, response))
      .catch((error: unknown) => {
        const status = toStatus(error, logger);
        if (status.code === grpc.status.INTERNAL) logger.error({ err: error }, 'gRPC handler failed');
        callback(status as grpc.ServiceError);
      });
  };
}

export interface RunningGrpcServer {
  port: number;
  close(): Promise<void>;
}

export async function startGrpcServer(
  port: number,
  services: Array<{ definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation }>,
  credentials: grpc.ServerCredentials,
  host = '127.0.0.1',
): Promise<RunningGrpcServer> {
  // Channelz (runtime introspection) is not served here, so its per-call bookkeeping is switched off.
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  for (const { definition, implementation } of services) server.addService(definition, implementation);
  const boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, credentials, (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    port: boundPort,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** Calls one unary method with a deadline and a bearer token; rejects with the gRPC error. */
export function callUnary<TResponse>(
  client: grpc.Client,
  method: string,
  request: unknown,
  options: { token: string; deadlineMs?: number },
): Promise<TResponse> {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${options.token}`);
  const deadline = new Date(Date.now() + (options.deadlineMs ?? 2_000));
  const fn: unknown = Reflect.get(client, method);
  if (typeof fn !== 'function') throw new Error(`no gRPC method ${method}`);
  return new Promise<TResponse>((resolve, reject) => {
    fn.call(client, request, metadata, { deadline }, (error: grpc.ServiceError | null, response: TResponse) => (error ? reject(error) : resolve(response)));
  });
}
