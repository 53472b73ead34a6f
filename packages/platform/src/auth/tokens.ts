import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors';
import { principalFromClaims, type Principal, type TokenClaims } from './principal';

const AUDIENCE = 'yikatong';
const SERVICE_AUDIENCE = 'yikatong-internal';

export interface TokenSettings {
  JWT_SECRET: string;
  JWT_JWKS_URL?: string;
  JWT_ISSUER: string;
  SERVICE_TOKEN_SECRET: string;
}

const encoder = new TextEncoder();

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
    .sign(encoder.encode(settings.JWT_SECRET));
}

/** Verifies caller tokens: against the IdP's JWKS when configured, else the development secret. */
const VERIFIED_CACHE_LIMIT = 10_000;

/**
 * Verifies callers' JWTs. A verified token is remembered until it expires: its validity depends
 * only on the signature and the expiry, and busy callers (gates, trading platforms) send the same
 * token thousands of times.
 */
export function createTokenVerifier(settings: TokenSettings): (token: string) => Promise<Principal> {
  const key: Uint8Array | JWTVerifyGetKey = settings.JWT_JWKS_URL
    ? createRemoteJWKSet(new URL(settings.JWT_JWKS_URL))
    : encoder.encode(settings.JWT_SECRET);
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { issuer: settings.JWT_ISSUER, audience: AUDIENCE });
      const principal = principalFromClaims(payload);
      if (payload.exp !== undefined) {
        if (verified.size >= VERIFIED_CACHE_LIMIT) verified.clear();
        verified.set(token, { principal, expiresAt: payload.exp * 1000 });
      }
      return principal;
    } catch {
      verified.delete(token);
      throw unauthenticated('The access token is invalid or expired.');
    }
  };
}

/** Short-lived token one of our own processes (the gateway, a service) presents to another. */
export async function mintServiceToken(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, caller: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(encoder.encode(settings.SERVICE_TOKEN_SECRET));
}

export async function verifyServiceToken(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(settings.SERVICE_TOKEN_SECRET), { audience: SERVICE_AUDIENCE });
    return payload.sub ?? 'unknown';
  } catch {
    throw unauthenticated('Subgraphs answer only the gateway and our own services.');
  }
}

/** Caches a minted service token until shortly before it expires. */
export function serviceTokenSource(settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'>, caller: string): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() > cached.renewAt) {
      cached = { token: await mintServiceToken(settings, caller), renewAt: Date.now() + 4 * 60_000 };
    }
    return cached.token;
  };
}

/**
 * A SERVICE principal's token for calling another service's gRPC API (which verifies user-style
 * JWTs), minted with the development secret and renewed before it expires. With a real IdP this
 * becomes a client-credentials grant.
 */
export function serviceCallerToken(settings: Pick<TokenSettings, 'JWT_SECRET' | 'JWT_ISSUER'>, caller: string): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() > cached.renewAt) cached = { token: await mintToken(settings, { sub: caller, kind: 'SERVICE' }, '1h'), renewAt: Date.now() + 50 * 60_000 };
    return cached.token;
  };
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}
