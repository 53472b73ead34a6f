import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** What one HTTP server takes from a client before it refuses. */
export interface HttpLimits {
  /** The largest request body read; a larger one is answered 413 REQUEST_TOO_LARGE. */
  maxBodyBytes: number;
  /** Time a client has to send a request's headers, and the whole request; then Node answers 408 and closes. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Subgraphs hear only the gateway, whose requests stay far inside these. */
export const SUBGRAPH_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 2 * 1024 * 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/** A request refused at the HTTP level, before it reached the schema, with the status it is answered with. */
export class RequestRefused extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

/**
 * Reads a request body of at most `maxBytes`. A larger one is still read to its end (and thrown
 * away) before it is refused: a client still sending when the server closes would get a reset
 * connection instead of the 413. The server's request timeout bounds how long that takes.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size <= maxBytes) return resolve(Buffer.concat(chunks).toString('utf8'));
      reject(
        new RequestRefused(
          413,
          'REQUEST_TOO_LARGE',
          `The request body has ${size} bytes; at most ${maxBytes} are taken. Send less at once (large lists in several requests).`,
        ),
      );
    });
    req.on('close', () => {
      if (!req.complete) reject(new RequestRefused(400, 'REQUEST_INCOMPLETE', 'The request ended before its body was complete.'));
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error for requests refused before they reach the schema. */
export function sendGraphQLError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * Answers a request that failed before Apollo answered it: an HTTP-level refusal with its status
 * (and the connection closed after it), a refused token with 401, anything else 500 (logged).
 */
export function sendRequestFailure(res: ServerResponse, error: unknown, logger: Logger): void {
  if (error instanceof RequestRefused) {
    res.setHeader('connection', 'close');
    return sendGraphQLError(res, error.status, error.code, error.message);
  }
  if (error instanceof AppError) return sendGraphQLError(res, error.code === 'FORBIDDEN' ? 403 : 401, error.code, error.message);
  logger.error({ err: error }, 'request failed');
  return sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error; it has been logged.');
}

/**
 * Node closes idle keep-alive sockets after 5 s, racing clients (the gateway, undici) that reuse
 * them a moment later ("other side closed"): outlive the clients' idle timeouts instead. The
 * header and request timeouts run only while a request is arriving, never on an idle socket;
 * Node checks them every `connectionsCheckingInterval`, here half the shorter one.
 */
function createHttpServer(handle: (req: IncomingMessage, res: ServerResponse) => void, limits: HttpLimits): Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 2),
    },
    handle,
  );
  server.keepAliveTimeout = 65_000;
  return server;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts Apollo, then serves `handle` on host:port (0 picks a free port); close() stops both. */
export async function serveGraphQL<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  where: { port: number; host: string; name: string; logger: Logger; limits: HttpLimits },
): Promise<RunningHttpServer> {
  await apollo.start();
  const server = createHttpServer((req, res) => void handle(req, res), where.limits);
  await new Promise<void>((resolve) => server.listen(where.port, where.host, resolve));
  const port = (server.address() as AddressInfo).port;
  where.logger.info({ port }, `${where.name} listening`);
  return {
    url: `http://${where.host}:${port}/graphql`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
