import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '../logger';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
 * Node closes idle keep-alive sockets after 5 s, racing clients (the gateway, undici) that reuse
 * them a moment later ("other side closed"). Outlive the clients' idle timeouts instead.
 */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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
  where: { port: number; host: string; name: string; logger: Logger },
): Promise<RunningHttpServer> {
  await apollo.start();
  const server = http.createServer((req, res) => void handle(req, res));
  keepConnectionsAlive(server);
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
