import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { parse } from 'graphql';
import { InvalidClaims, principalFromClaims, type Principal } from '../../src/auth/principal';
import { requireKind } from '../../src/auth/guards';
import {
  createTokenVerifier,
  mintServiceToken,
  mintToken,
  SERVICE_AUDIENCE,
  SERVICE_ISSUER,
  serviceCallerToken,
  type TokenSettings,
} from '../../src/auth/tokens';
import { DEV_JWT_SECRET, DEV_PII_ENCRYPTION_KEY, DEV_PII_HASH_KEY, DEV_SERVICE_TOKEN_SECRET, loadPlatformConfig } from '../../src/config';
import { callUnary, grpc, loadService, startGrpcServer, unary } from '../../src/grpc';
import { createLogger } from '../../src/logger';
import { createSubgraphServer, SERVICE_TOKEN_HEADER } from '../../src/server/subgraph-server';

const ISSUER = 'test-idp';
const devSettings: TokenSettings = { JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: ISSUER, SERVICE_TOKEN_SECRET: DEV_SERVICE_TOKEN_SECRET, JWT_MAX_TOKEN_AGE: '12h' };
const encoder = new TextEncoder();
const nowSeconds = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** Signs claims exactly as given: a test decides which of iat and exp the token carries. */
function handMade(payload: JWTPayload, alg = 'HS256', kid?: string) {
  return new SignJWT({ iss: ISSUER, aud: 'yikatong', ...payload }).setProtectedHeader(kid ? { alg, kid } : { alg });
}
const fresh = () => ({ iat: nowSeconds(), exp: nowSeconds() + HOUR });
const refusal = (message: RegExp | string = /./) => expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });

describe('each kind carries its claims (a missing claim is refused, never "everything")', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['ENTERPRISE without uscc', { sub: 'clerk', kind: 'ENTERPRISE' }, /uscc/],
    ['ENTERPRISE with an empty uscc', { sub: 'clerk', kind: 'ENTERPRISE', uscc: '  ' }, /uscc/],
    ['BANK without bank', { sub: 'ops', kind: 'BANK' }, /bank/],
    ['PORTAL without regions', { sub: 'clerk', kind: 'PORTAL', dept: 'HRSS' }, /regions/],
    ['PORTAL with no region', { sub: 'clerk', kind: 'PORTAL', dept: 'HRSS', regions: [] }, /regions/],
    ['PORTAL without dept', { sub: 'clerk', kind: 'PORTAL', regions: ['130500'] }, /dept/],
    ['ANALYTICS without regions', { sub: 'dashboard', kind: 'ANALYTICS' }, /regions/],
    ['WORKER whose subject is no worker id', { sub: 'someone', kind: 'WORKER' }, /sub/],
    ['a token without kind', { sub: 'x' }, /kind/],
    ['an unknown kind', { sub: 'x', kind: 'ROOT' }, /kind/],
  ];

  it.each(cases)('%s is refused with a message naming the claim', (_, claims, claim) => {
    expect(() => principalFromClaims(claims)).toThrow(InvalidClaims);
    expect(() => principalFromClaims(claims)).toThrow(claim);
  });

  it.each(cases)('%s: the verifier answers UNAUTHENTICATED', async (_, claims, claim) => {
    const token = await handMade({ ...claims, ...fresh() }).sign(encoder.encode(DEV_JWT_SECRET));
    await expect(createTokenVerifier(devSettings)(token)).rejects.toEqual(refusal(claim));
  });

  it('keeps only the claims that belong to the kind (a bank naming a USCC is not an enterprise)', () => {
    const bank = principalFromClaims({ sub: 'ops', kind: 'BANK', bank: 'CCB', uscc: '91350100M000100Y43', regions: ['130500'] });
    expect(bank).toMatchObject({ kind: 'BANK', bankCode: 'CCB', enterpriseUscc: undefined, regionCodes: [] });
  });

  it('accepts each kind with its claims; a trading platform needs nothing more', () => {
    const worker = '00000000-0000-4000-8000-000000000001';
    expect(principalFromClaims({ sub: 'p', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], centre: 'xindu' })).toMatchObject({
      department: 'HRSS',
      regionCodes: ['130500'],
      serviceCentreId: 'xindu',
    });
    expect(principalFromClaims({ sub: 'e', kind: 'ENTERPRISE', uscc: '91350100M000100Y43' })).toMatchObject({ enterpriseUscc: '91350100M000100Y43' });
    expect(principalFromClaims({ sub: 'a', kind: 'ANALYTICS', regions: ['130000'] })).toMatchObject({ regionCodes: ['130000'] });
    expect(principalFromClaims({ sub: worker, kind: 'WORKER' })).toMatchObject({ subject: worker });
    expect(principalFromClaims({ sub: 'trading-platform', kind: 'TRADING_PLATFORM', scope: 'eligibility:check' })).toMatchObject({ kind: 'TRADING_PLATFORM' });
  });
});

describe('tokens from the development identity provider (HS256)', () => {
  const verify = createTokenVerifier(devSettings);
  const secret = encoder.encode(DEV_JWT_SECRET);
  const portal = { sub: 'clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] };

  it('accepts a token with exp and iat within the age cap', async () => {
    await expect(verify(await handMade({ ...portal, ...fresh() }).sign(secret))).resolves.toMatchObject({ kind: 'PORTAL' });
  });

  it('refuses a token without exp (it would be valid forever)', async () => {
    await expect(verify(await handMade({ ...portal, iat: nowSeconds() }).sign(secret))).rejects.toEqual(refusal());
  });

  it('refuses a token without iat (its age cannot be told)', async () => {
    await expect(verify(await handMade({ ...portal, exp: nowSeconds() + HOUR }).sign(secret))).rejects.toEqual(refusal());
  });

  it('refuses a token issued longer ago than JWT_MAX_TOKEN_AGE, though not yet expired', async () => {
    const token = await handMade({ ...portal, iat: nowSeconds() - 13 * HOUR, exp: nowSeconds() + HOUR }).sign(secret);
    await expect(verify(token)).rejects.toEqual(refusal());
    await expect(createTokenVerifier({ ...devSettings, JWT_MAX_TOKEN_AGE: '1d' })(token)).resolves.toMatchObject({ kind: 'PORTAL' });
  });

  it('refuses a young token whose lifetime (exp - iat) is longer than the cap', async () => {
    await expect(verify(await handMade({ ...portal, iat: nowSeconds(), exp: nowSeconds() + 30 * 24 * HOUR }).sign(secret))).rejects.toEqual(
      refusal(/lives longer/),
    );
    await expect(verify(await mintToken(devSettings, { sub: 'clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] }, '30d'))).rejects.toEqual(refusal());
  });

  it('refuses an unsigned token (alg none) and another HMAC algorithm', async () => {
    const unsigned = new UnsecuredJWT({ ...portal, ...fresh() }).setIssuer(ISSUER).setAudience('yikatong').encode();
    await expect(verify(unsigned)).rejects.toEqual(refusal());
    await expect(verify(await handMade({ ...portal, ...fresh() }, 'HS512').sign(encoder.encode(DEV_JWT_SECRET.repeat(2))))).rejects.toEqual(refusal());
  });

  it('refuses a token of the identity provider that claims the SERVICE kind', async () => {
    await expect(verify(await handMade({ sub: 'payroll', kind: 'SERVICE', ...fresh() }).sign(secret))).rejects.toEqual(refusal(/SERVICE/));
  });
});

describe('internal SERVICE tokens (service secret, internal audience and issuer)', () => {
  const verify = createTokenVerifier(devSettings);
  const serviceSecret = encoder.encode(DEV_SERVICE_TOKEN_SECRET);
  const internal = (payload: JWTPayload, alg = 'HS256') =>
    new SignJWT({ iss: SERVICE_ISSUER, aud: SERVICE_AUDIENCE, kind: 'SERVICE', ...fresh(), ...payload }).setProtectedHeader({ alg });

  it("makes a SERVICE principal from payroll's caller token", async () => {
    await expect(verify(await serviceCallerToken(devSettings, 'payroll')())).resolves.toMatchObject({ kind: 'SERVICE', subject: 'payroll' });
  });

  it('refuses one signed with the user secret, another issuer, another algorithm, or without the kind', async () => {
    await expect(verify(await internal({ sub: 'payroll' }).sign(encoder.encode(DEV_JWT_SECRET)))).rejects.toEqual(refusal());
    await expect(verify(await internal({ sub: 'payroll', iss: ISSUER }).sign(serviceSecret))).rejects.toEqual(refusal());
    await expect(verify(await internal({ sub: 'payroll' }, 'HS512').sign(encoder.encode(DEV_SERVICE_TOKEN_SECRET.repeat(2))))).rejects.toEqual(refusal());
    await expect(verify(await mintServiceToken(devSettings, 'gateway'))).rejects.toEqual(refusal(/SERVICE/));
    await expect(verify(await internal({ sub: 'payroll', exp: undefined }).sign(serviceSecret))).rejects.toEqual(refusal());
  });
});

describe('with a real identity provider (JWT_JWKS_URL): a local key pair served as a JWKS', () => {
  let jwks: http.Server;
  let settings: TokenSettings;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    const keys = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256', use: 'sig' },
    ];
    jwks = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    // A production-shaped setting: the IdP's keys and no development secret at all.
    settings = {
      JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      JWT_ISSUER: ISSUER,
      SERVICE_TOKEN_SECRET: 'p'.repeat(40),
      JWT_MAX_TOKEN_AGE: '12h',
    };
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const bank = { sub: 'ccb-ops', kind: 'BANK', bank: 'CCB' };

  it("accepts a user token signed by the IdP's RSA or EC key", async () => {
    const verify = createTokenVerifier(settings);
    await expect(verify(await handMade({ ...bank, ...fresh() }, 'RS256', 'rsa').sign(rsa.privateKey))).resolves.toMatchObject({
      kind: 'BANK',
      bankCode: 'CCB',
    });
    await expect(verify(await handMade({ ...bank, ...fresh() }, 'ES256', 'ec').sign(ec.privateKey))).resolves.toMatchObject({ kind: 'BANK' });
  });

  it('refuses a token without exp, with an old iat, unsigned, HS256 signed with the public key, the dev secret, or claiming SERVICE', async () => {
    const verify = createTokenVerifier(settings);
    const publicPem = encoder.encode(await exportSPKI(rsa.publicKey));
    const refused = [
      await handMade({ ...bank, iat: nowSeconds() }, 'RS256', 'rsa').sign(rsa.privateKey),
      await handMade({ ...bank, iat: nowSeconds() - 13 * HOUR, exp: nowSeconds() + HOUR }, 'RS256', 'rsa').sign(rsa.privateKey),
      new UnsecuredJWT({ ...bank, ...fresh() }).setIssuer(ISSUER).setAudience('yikatong').encode(),
      await handMade({ ...bank, ...fresh() }, 'HS256', 'rsa').sign(publicPem),
      await mintToken({ JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: ISSUER }, { sub: 'ccb-ops', kind: 'BANK', bank: 'CCB' }),
      await handMade({ sub: 'payroll', kind: 'SERVICE', ...fresh() }, 'RS256', 'rsa').sign(rsa.privateKey),
    ];
    for (const token of refused) await expect(verify(token)).rejects.toEqual(refusal());
  });

  it("lets payroll call another service's gRPC with its internal token, and users with the IdP's, through the same verifier", async () => {
    const logger = createLogger('tokens-test', 'silent');
    const verify = createTokenVerifier(settings);
    const authenticate = async (token: string | undefined): Promise<Principal> => verify(token ?? '');
    const Eligibility = loadService('enterprise/eligibility.proto', 'yikatong.enterprise.v1.BiddingEligibility');
    const server = await startGrpcServer(
      0,
      [
        {
          definition: Eligibility.service,
          implementation: {
            CheckBiddingEligibility: unary(authenticate, logger, async (_: unknown, principal) => ({
              uscc: requireKind(principal, 'TRADING_PLATFORM').subject,
              eligible: true,
              reasons: [],
              evaluatedAt: '',
            })),
            GetDepositRateInputs: unary(authenticate, logger, async (_: unknown, principal) => ({
              uscc: requireKind(principal, 'SERVICE').subject,
              cleanYears: 3,
              arrearsInLastTwoYears: false,
              listed: false,
              lastBadFactAt: '',
            })),
          },
        },
      ],
      grpc.ServerCredentials.createInsecure(),
    );
    const client = new Eligibility(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    try {
      const payroll = await serviceCallerToken(settings, 'payroll')();
      await expect(callUnary(client, 'GetDepositRateInputs', { uscc: 'x' }, { token: payroll })).resolves.toMatchObject({ uscc: 'payroll', cleanYears: 3 });
      const platform = await handMade({ sub: 'trading-platform', kind: 'TRADING_PLATFORM', ...fresh() }, 'RS256', 'rsa').sign(rsa.privateKey);
      await expect(callUnary(client, 'CheckBiddingEligibility', { uscc: 'x' }, { token: platform })).resolves.toMatchObject({ uscc: 'trading-platform' });
      await expect(callUnary(client, 'GetDepositRateInputs', { uscc: 'x' }, { token: platform })).rejects.toMatchObject({
        code: grpc.status.PERMISSION_DENIED,
      });
      const claimsService = await handMade({ sub: 'mallory', kind: 'SERVICE', ...fresh() }, 'RS256', 'rsa').sign(rsa.privateKey);
      await expect(callUnary(client, 'GetDepositRateInputs', { uscc: 'x' }, { token: claimsService })).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
    } finally {
      client.close();
      await server.close();
    }
  });

  it('lets a subgraph answer a user signed by the IdP and refuse one without exp', async () => {
    const subgraph = createSubgraphServer<{ principal: Principal | null }>({
      name: 'probe',
      typeDefs: parse('type Query { whoAmI: String }'),
      resolvers: {
        Query: { whoAmI: (_: unknown, __: unknown, ctx: { principal: Principal | null }) => ctx.principal && `${ctx.principal.kind}:${ctx.principal.subject}` },
      },
      settings: { ...settings, NODE_ENV: 'production' },
      logger: createLogger('tokens-test', 'silent'),
      createContext: (principal) => ({ principal }),
      isReady: async () => true,
    });
    const running = await subgraph.listen(0);
    const ask = async (token: string) => {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [SERVICE_TOKEN_HEADER]: await mintServiceToken(settings, 'gateway') },
        body: JSON.stringify({ query: '{ whoAmI }' }),
      });
      return (await response.json()) as { data?: { whoAmI: string | null }; errors?: Array<{ extensions?: { code?: string } }> };
    };
    try {
      expect((await ask(await handMade({ ...bank, ...fresh() }, 'ES256', 'ec').sign(ec.privateKey))).data).toEqual({ whoAmI: 'BANK:ccb-ops' });
      expect((await ask(await handMade({ ...bank, iat: nowSeconds() }, 'ES256', 'ec').sign(ec.privateKey))).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      await running.close();
    }
  });
});

describe('settings', () => {
  const ownSecrets = { SERVICE_TOKEN_SECRET: 's'.repeat(40), PII_ENCRYPTION_KEY: 'a', PII_HASH_KEY: 'b' };

  it('treats an unset NODE_ENV as production: the development secrets are refused', () => {
    expect(() => loadPlatformConfig({})).toThrow(/JWT_SECRET/);
    expect(loadPlatformConfig({ ...ownSecrets, JWT_SECRET: 'j'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('refuses the development JWT_SECRET in production even when JWT_JWKS_URL is set', () => {
    expect(() => loadPlatformConfig({ ...ownSecrets, JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /development JWT_SECRET is public/,
    );
    const withIdp = loadPlatformConfig({ ...ownSecrets, JWT_JWKS_URL: 'https://idp.example/jwks.json' });
    expect(withIdp.JWT_SECRET).toBeUndefined();
  });

  it('refuses the development service secret and personal-data keys in production whatever else is set', () => {
    const rest = { JWT_JWKS_URL: 'https://idp.example/jwks.json', PII_ENCRYPTION_KEY: 'a', PII_HASH_KEY: 'b' };
    expect(() => loadPlatformConfig({ ...rest, SERVICE_TOKEN_SECRET: DEV_SERVICE_TOKEN_SECRET })).toThrow(/SERVICE_TOKEN_SECRET/);
    expect(() => loadPlatformConfig({ ...ownSecrets, JWT_JWKS_URL: 'https://idp.example/jwks.json', PII_ENCRYPTION_KEY: DEV_PII_ENCRYPTION_KEY })).toThrow(
      /PII_ENCRYPTION_KEY/,
    );
    expect(() => loadPlatformConfig({ ...ownSecrets, JWT_JWKS_URL: 'https://idp.example/jwks.json', PII_HASH_KEY: DEV_PII_HASH_KEY })).toThrow(/PII_HASH_KEY/);
  });

  it('keeps the development secret for development and tests, and reads the token age cap', () => {
    expect(loadPlatformConfig({ NODE_ENV: 'development' })).toMatchObject({ JWT_SECRET: DEV_JWT_SECRET, JWT_MAX_TOKEN_AGE: '12h' });
    expect(loadPlatformConfig({ NODE_ENV: 'test', JWT_MAX_TOKEN_AGE: '45m' }).JWT_MAX_TOKEN_AGE).toBe('45m');
    expect(() => loadPlatformConfig({ NODE_ENV: 'test', JWT_MAX_TOKEN_AGE: 'forever' })).toThrow(/JWT_MAX_TOKEN_AGE/);
  });
});
