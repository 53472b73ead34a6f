import http from 'node:http';
import net from 'node:net';
import type { RunningHttpServer } from '@yikatong/platform';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/gateway';

/**
 * The gateway as an HTTP server clients rely on: an oversized body is refused with 413 and the
 * client's next request is answered; slow clients are cut off by the header and request timeouts,
 * which never touch an idle keep-alive connection. `{ __typename }` needs no subgraph.
 */
const LIMITS = { GATEWAY_MAX_BODY_BYTES: String(1024 * 1024), GATEWAY_HEADERS_TIMEOUT_MS: '600', GATEWAY_REQUEST_TIMEOUT_MS: '1200' };
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

let gateway: RunningHttpServer;
beforeAll(async () => {
  gateway = await createGateway(loadGatewayConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...LIMITS })).listen(0);
});
afterAll(async () => gateway?.close());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  reusedSocket: boolean;
  connection: string | undefined;
}

/** POSTs a body to /graphql, failing rather than hanging when no answer comes within 10 s. */
function post(agent: http.Agent, body: string, options: { chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': Buffer.byteLength(body) }),
    };
    const request = http.request({ host: '127.0.0.1', port: gateway.port, path: '/graphql', method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          reusedSocket: request.reusedSocket,
          connection: response.headers.connection,
        }),
      );
    });
    request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

const oversized = (bytes: number) => JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(bytes) } });

describe('request bodies', () => {
  it.each([[false], [true]])('over GATEWAY_MAX_BODY_BYTES get 413 REQUEST_TOO_LARGE, and the same client is answered next (chunked: %s)', async (chunked) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await post(agent, oversized(5 * 1024 * 1024), { chunked });
      expect(refused.status).toBe(413);
      expect(refused.connection).toBe('close');
      expect(refused.body.errors).toEqual([{ message: expect.stringMatching(/at most 1048576/), extensions: { code: 'REQUEST_TOO_LARGE' } }]);

      const next = await post(agent, TYPENAME);
      expect(next).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
      const again = await post(agent, TYPENAME);
      expect(again).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('within the limit are served', async () => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      expect(await post(agent, oversized(900 * 1024))).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    } finally {
      agent.destroy();
    }
  });
});

interface RawExchange {
  received: string;
  /** How the server ended the connection: a clean close (FIN) or a reset. */
  ending: 'end' | 'reset';
  elapsedMs: number;
}

/** Writes raw bytes on one TCP connection (optionally more after a pause) and reads until the server ends it. */
function rawExchange(first: string | Buffer, then?: { afterMs: number; bytes: string | Buffer }): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(gateway.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let ending: RawExchange['ending'] = 'end';
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server neither answered nor closed within 10 s'));
    }, 10_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {
      ending = 'reset';
    });
    socket.on('close', () => {
      clearTimeout(guard);
      resolve({ received: Buffer.concat(chunks).toString('latin1'), ending, elapsedMs: Date.now() - started });
    });
    socket.write(first);
    if (then) setTimeout(() => socket.writable && socket.write(then.bytes), then.afterMs);
  });
}

describe('the connection', () => {
  it('is closed cleanly after a 413 (no reset while the client is still sending)', async () => {
    const body = oversized(3 * 1024 * 1024);
    const exchange = await rawExchange(
      `POST /graphql HTTP/1.1\r\nhost: gateway\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(exchange.received).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.received).toContain('REQUEST_TOO_LARGE');
    expect(exchange.ending).toBe('end');
  });

  it('is answered 408 and closed when the headers do not arrive within GATEWAY_HEADERS_TIMEOUT_MS', async () => {
    const exchange = await rawExchange('POST /graphql HTTP/1.1\r\nhost: gateway\r\n');
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(500);
    expect(exchange.elapsedMs).toBeLessThan(3000);
  });

  it('is answered 408 and closed when the body does not arrive within GATEWAY_REQUEST_TIMEOUT_MS', async () => {
    const exchange = await rawExchange('POST /graphql HTTP/1.1\r\nhost: gateway\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":');
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(1100);
    expect(exchange.elapsedMs).toBeLessThan(4000);
  });

  it('kept alive and idle outlives both timeouts, and serves the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await post(agent, TYPENAME)).toMatchObject({ status: 200 });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await post(agent, TYPENAME)).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });
});
