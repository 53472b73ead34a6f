import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors';
import { InvalidClaims, principalFromClaims, type Principal, type TokenClaims } from './principal';

const AUDIENCE = 'yikatong';
/** Audience and issuer of tokens our own processes mint for one another with SERVICE_TOKEN_SECRET. */
export const SERVICE_AUDIENCE = 'yikatong-internal';
export const SERVICE_ISSUER = 'yikatong-internal';

/** The development identity provider signs with a shared secret; a real one publishes RSA or EC keys. */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
const REQUIRED_CLAIMS = ['exp', 'iat'];

export interface TokenSettings {
  /** The development identity provider's secret; absent in production when JWT_JWKS_URL names the real one. */
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
  JWT_ISSUER: string;
  SERVICE_TOKEN_SECRET: string;
  /** The longest a token may live, from when it was issued: "45m", "12h", "1d". */
  JWT_MAX_TOKEN_AGE: string;
}

/** How long one of our processes' caller tokens lives; renewed well before. */
const SERVICE_CALLER_TTL_SECONDS = 10 * 60;

const encoder = new TextEncoder();

const DURATION_UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
export const DURATION_PATTERN = /^(\d+)([smhd])$/;

/** "12h" → 43200. */
export function durationSeconds(duration: string): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new Error(`a duration is a number and a unit (s, m, h, d), e.g. 12h; got "${duration}"`);
  return Number(match[1]) * DURATION_UNIT_SECONDS[match[2]!]!;
}

function developmentSecret(settings: Pick<TokenSettings, 'JWT_SECRET'>): Uint8Array {
  if (!settings.JWT_SECRET) throw new Error('JWT_SECRET is not set: only the development identity provider mints tokens here');
  return encoder.encode(settings.JWT_SECRET);
}

/** Signs a caller token the way the development identity provider does (HS256). */
export async function mintToken(settings: Pick<TokenSettings, 'JWT_SECRET' | 'JWT_ISSUER'>, claims: TokenClaims, ttl = '12h'): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(settings.JWT_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(developmentSecret(settings));
}

/**
 * Until when a verified token may be used: its expiry, or its issue time plus the age cap if that
 * comes first. A token whose whole lifetime (exp - iat) is longer than the cap is refused even while young.
 */
function usableUntil(payload: JWTPayload, maxAgeSeconds: number): number {
  const { exp, iat } = payload;
  if (exp === undefined || iat === undefined) throw new InvalidClaims('the token must say when it was issued (iat) and when it expires (exp)');
  if (exp - iat > maxAgeSeconds) throw new InvalidClaims(`the token lives longer than JWT_MAX_TOKEN_AGE (${maxAgeSeconds} seconds)`);
  return Math.min(exp, iat + maxAgeSeconds) * 1000;
}

const VERIFIED_CACHE_LIMIT = 10_000;

/**
 * Verifies callers' JWTs: a user's token from the identity provider (its JWKS when configured, else
 * the development secret) or one of our own processes' SERVICE token (the service secret, internal
 * audience and issuer). Algorithms are pinned per key, exp and iat are required and the age capped
 * by JWT_MAX_TOKEN_AGE; the IdP can never name SERVICE. A verified token is remembered until it
 * expires or grows too old: busy callers (gates, trading platforms) send the same token thousands of times.
 */
export function createTokenVerifier(settings: TokenSettings): (token: string) => Promise<Principal> {
  const userKey: Uint8Array | JWTVerifyGetKey = settings.JWT_JWKS_URL ? createRemoteJWKSet(new URL(settings.JWT_JWKS_URL)) : developmentSecret(settings);
  const userAlgorithms = settings.JWT_JWKS_URL ? JWKS_ALGORITHMS : SECRET_ALGORITHMS;
  const serviceKey = encoder.encode(settings.SERVICE_TOKEN_SECRET);
  const maxAgeSeconds = durationSeconds(settings.JWT_MAX_TOKEN_AGE);

  const verifyUserToken = async (token: string): Promise<{ principal: Principal; payload: JWTPayload }> => {
    const options = {
      issuer: settings.JWT_ISSUER,
      audience: AUDIENCE,
      algorithms: userAlgorithms,
      requiredClaims: REQUIRED_CLAIMS,
      maxTokenAge: maxAgeSeconds,
    };
    // jose picks the overload by the key's type; both are the same verification.
    const { payload } = typeof userKey === 'function' ? await jwtVerify(token, userKey, options) : await jwtVerify(token, userKey, options);
    if (payload.kind === 'SERVICE') throw new InvalidClaims('SERVICE is for our own processes; the identity provider cannot grant it');
    return { principal: principalFromClaims(payload), payload };
  };
  const verifyInternalToken = async (token: string): Promise<{ principal: Principal; payload: JWTPayload }> => {
    const { payload } = await jwtVerify(token, serviceKey, {
      issuer: SERVICE_ISSUER,
      audience: SERVICE_AUDIENCE,
      algorithms: SECRET_ALGORITHMS,
      requiredClaims: REQUIRED_CLAIMS,
      maxTokenAge: maxAgeSeconds,
    });
    if (payload.kind !== 'SERVICE') throw new InvalidClaims('an internal token names the SERVICE kind');
    return { principal: principalFromClaims(payload), payload };
  };

  const verified = new Map<string, { principal: Principal; validUntil: number }>();
  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.validUntil > Date.now()) return cached.principal;
    verified.delete(token);
    try {
      // The unverified audience only picks which key and rules apply; each path verifies everything.
      const internal = [decodeJwt(token).aud].flat().includes(SERVICE_AUDIENCE);
      const { principal, payload } = await (internal ? verifyInternalToken(token) : verifyUserToken(token));
      const validUntil = usableUntil(payload, maxAgeSeconds);
      if (verified.size >= VERIFIED_CACHE_LIMIT) verified.clear();
      verified.set(token, { principal, validUntil });
      return principal;
    } catch (error) {
      if (error instanceof InvalidClaims) throw unauthenticated(`The access token cannot be used: ${error.message}.`);
      throw unauthenticated('The access token is invalid or expired.');
    }
  };
}

async function mintInternalToken(
  settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>,
  caller: string,
  claims: Record<string, unknown>,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller)
    .setIssuer(SERVICE_ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(encoder.encode(settings.SERVICE_TOKEN_SECRET));
}

/** Short-lived token proving the gateway or one of our services is calling a subgraph (no principal in it). */
export async function mintServiceToken(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, caller: string): Promise<string> {
  return mintInternalToken(settings, caller, {}, 5 * 60);
}

export async function verifyServiceToken(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(settings.SERVICE_TOKEN_SECRET), {
      issuer: SERVICE_ISSUER,
      audience: SERVICE_AUDIENCE,
      algorithms: SECRET_ALGORITHMS,
      requiredClaims: REQUIRED_CLAIMS,
    });
    return payload.sub ?? 'unknown';
  } catch {
    throw unauthenticated('Subgraphs answer only the gateway and our own services.');
  }
}

/** Keeps one minted token until `renewAfterSeconds`, then mints the next. */
function renewing(mint: () => Promise<string>, renewAfterSeconds: number): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() > cached.renewAt) cached = { token: await mint(), renewAt: Date.now() + renewAfterSeconds * 1000 };
    return cached.token;
  };
}

/** Caches a minted service token until shortly before it expires. */
export function serviceTokenSource(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, caller: string): () => Promise<string> {
  return renewing(() => mintServiceToken(settings, caller), 4 * 60);
}

/**
 * A SERVICE principal's token for calling another service's gRPC API: signed with the service
 * secret for the internal audience, so it works whichever identity provider signs users' tokens,
 * and renewed well before it expires.
 */
export function serviceCallerToken(
  settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>,
  caller: string,
  scopes: readonly string[] = [],
): () => Promise<string> {
  const claims = { kind: 'SERVICE', scope: scopes.join(' ') };
  return renewing(() => mintInternalToken(settings, caller, claims, SERVICE_CALLER_TTL_SECONDS), SERVICE_CALLER_TTL_SECONDS / 2);
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}
