import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SCOPES, type TokenClaims } from '@yikatong/platform';
import { postGraphQL, PRODUCTION_SECRETS, startFederation, type GraphQLAnswer, type RunningFederation } from './support/federation';

/**
 * What a caller of the gateway sees when a subgraph refuses input, is down, or has lost its
 * database: the subgraph's own code, field and message, or a stable "unavailable, retry" code on
 * the field that failed, and nothing internal (addresses, stack traces, the subgraph's raw response).
 */
const CLERK: TokenClaims = {
  sub: 'gateway-test-clerk',
  kind: 'PORTAL',
  dept: 'HOUSING_CONSTRUCTION',
  regions: ['130500'],
  scope: `${SCOPES.piiRead} ${SCOPES.enterpriseRegister}`,
};
const BANK: TokenClaims = { sub: 'gateway-test-bank', kind: 'BANK', bank: 'CCB' };

const RECORD_FUNDING = `mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`;
const fundingOf = (amount: unknown) => ({ input: { accountId: '00000000-0000-4000-8000-000000000000', amount, bankReference: 'GW-TEST-1' } });

/** Marks of internals that must never reach a caller. */
function expectNothingInternal(answer: GraphQLAnswer): void {
  const text = JSON.stringify(answer.body);
  for (const internal of ['http://', '127.0.0.1', 'localhost', 'stacktrace', '"response"', 'serviceName', 'ECONNREFUSED', 'at /', 'node_modules']) {
    expect(text).not.toContain(internal);
  }
}

describe.each(['test', 'production'])('through the gateway (NODE_ENV=%s)', (nodeEnv) => {
  let federation: RunningFederation;

  beforeAll(async () => {
    federation = await startFederation({ all: nodeEnv === 'production' ? PRODUCTION_SECRETS : {} });
  });
  afterAll(async () => federation?.stop());

  it.each([['100.5'], ['1e3'], [''], ['１００'], ['-']])('an amount the subgraph refuses (%j) comes back with its code, field and message', async (amount) => {
    const answer = await postGraphQL(federation.gatewayUrl, await federation.token(BANK), RECORD_FUNDING, fundingOf(amount));
    expect(answer.body.errors).toHaveLength(1);
    const [error] = answer.body.errors!;
    expect(error!.extensions).toEqual({ code: 'INVALID_MONEY', field: 'input.amount' });
    expect(error!.message).toMatch(/fen/);
    expectNothingInternal(answer);
  });
});

describe('a subgraph that is down', () => {
  let federation: RunningFederation;

  beforeAll(async () => {
    federation = await startFederation();
  });
  afterAll(async () => federation?.stop());

  it("names the field it would have served, says to retry, and keeps the other subgraphs' data", async () => {
    const page = `{ enterprises(first: 5) { nodes { uscc name } } workers(first: 5) { nodes { id name } } }`;
    const token = await federation.token(CLERK);
    const before = await postGraphQL(federation.gatewayUrl, token, page);
    expect(before.body.errors).toBeUndefined();

    await federation.stopSubgraph('identity');
    const answer = await postGraphQL<{ enterprises: unknown; workers: unknown }>(federation.gatewayUrl, token, page);
    expect(answer.body.data?.enterprises).toEqual({ nodes: expect.any(Array) });
    expect(answer.body.data?.workers).toBeNull();
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/unavailable.*retry/i),
        path: ['workers'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
      },
    ]);
    expectNothingInternal(answer);
  });
});

/** A TCP server that accepts a connection and hangs up at once, like a database restarting. */
async function hangingUpServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each([
  ['refuses connections', async () => ({ port: await closedPort(), close: async () => undefined })],
  [
    'hangs up on every connection',
    async () => {
      const server = await hangingUpServer();
      return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    },
  ],
])('a subgraph whose database %s', (_, database) => {
  let federation: RunningFederation;
  let stopDatabase: () => Promise<void>;

  beforeAll(async () => {
    const { port, close } = await database();
    stopDatabase = close;
    federation = await startFederation({
      all: PRODUCTION_SECRETS,
      services: { enterprise: { ENTERPRISE_DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/yktest_enterprise` } },
    });
  });
  afterAll(async () => {
    await federation?.stop();
    await stopDatabase?.();
  });

  it("answers DATABASE_UNAVAILABLE (retryable) on the field, not the driver's text", async () => {
    const answer = await postGraphQL(federation.gatewayUrl, await federation.token(CLERK), `{ enterprises(first: 5) { nodes { uscc } } }`);
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/unavailable.*retry/i),
        path: ['enterprises'],
        extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
      },
    ]);
    expectNothingInternal(answer);
  });
});
