import { principalFromClaims, regionCovers, regionPrefix } from '../../src/auth/principal';
import { createTokenVerifier, mintToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET, DEV_SERVICE_TOKEN_SECRET, loadPlatformConfig } from '../../src/config';

describe('region scoping (GB/T 2260)', () => {
  it('widens by trailing zero pairs', () => {
    expect(regionPrefix('130000')).toBe('13');
    expect(regionPrefix('130500')).toBe('1305');
    expect(regionPrefix('130502')).toBe('130502');
    expect(regionPrefix('000000')).toBe('');
  });

  it('lets a city portal see its districts and nothing else', () => {
    expect(regionCovers('130500', '130502')).toBe(true);
    expect(regionCovers('130500', '130102')).toBe(false);
    expect(regionCovers('130000', '130102')).toBe(true);
  });
});

describe('tokens', () => {
  const settings = { JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: 'test-idp', SERVICE_TOKEN_SECRET: DEV_SERVICE_TOKEN_SECRET, JWT_MAX_TOKEN_AGE: '12h' };

  it('round-trips the principal model', async () => {
    const token = await mintToken(settings, { sub: 'clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: 'card:freeze pii:read' });
    const principal = await createTokenVerifier(settings)(token);
    expect(principal).toMatchObject({ subject: 'clerk', kind: 'PORTAL', department: 'HRSS', regionCodes: ['130500'] });
    expect([...principal.scopes]).toEqual(['card:freeze', 'pii:read']);
  });

  it('rejects a token signed with another secret as UNAUTHENTICATED', async () => {
    const token = await mintToken({ ...settings, JWT_SECRET: 'x'.repeat(40) }, { sub: 'mallory', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] });
    await expect(createTokenVerifier(settings)(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects unknown principal kinds in claims', () => {
    expect(() => principalFromClaims({ sub: 'x', kind: 'ROOT' })).toThrow();
  });
});

describe('config', () => {
  it('refuses development secrets in production', () => {
    expect(() => loadPlatformConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*SERVICE_TOKEN_SECRET/);
    expect(() => loadPlatformConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development JWT_SECRET is public/);
  });
});
