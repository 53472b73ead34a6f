import { SignJWT } from 'jose';
import { SCOPES, serviceCallerToken, type PlatformConfig, type TokenClaims } from '@yikatong/platform';
import { ACCOUNT_BANK, GC, HOME_REGION, OTHER_BANK, OTHER_REGION, RIVAL, SUB, type Fixture } from './fixture';

const ALL_SCOPES = Object.values(SCOPES).join(' ');

/**
 * The matrix's columns: each kind of principal with the claims and scopes its work needs, the same
 * kind one step outside (another region, enterprise, bank or worker), the right kind without its
 * scopes, and tokens that must be refused at the door whatever they ask.
 */
export const COLUMNS = [
  'housingPortal',
  'hrssPortal',
  'inspectionPortal',
  'portalElsewhere',
  'portalWithoutScopes',
  'contractor',
  'subcontractor',
  'rivalEnterprise',
  'enterpriseWithoutScopes',
  'accountBank',
  'otherBank',
  'worker',
  'otherWorker',
  'analytics',
  'analyticsElsewhere',
  'tradingPlatform',
  'service',
  'enterpriseWithoutUscc',
  'bankWithoutBankCode',
  'portalWithoutRegions',
  'workerWithoutWorkerId',
  'tokenWithoutExpiry',
  'serviceKindFromIdentityProvider',
  'anonymous',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns whose tokens no operation may accept. */
export const REFUSED_AT_THE_DOOR: readonly Column[] = [
  'enterpriseWithoutUscc',
  'bankWithoutBankCode',
  'portalWithoutRegions',
  'workerWithoutWorkerId',
  'tokenWithoutExpiry',
  'serviceKindFromIdentityProvider',
  'anonymous',
];

const USER_AUDIENCE = 'yikatong';

/** A token the development identity provider could sign, with any claims at all (the verifier must judge them). */
async function handMade(config: PlatformConfig, claims: Record<string, unknown>, options: { expires: boolean } = { expires: true }): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(config.JWT_ISSUER).setAudience(USER_AUDIENCE).setIssuedAt();
  if (options.expires) jwt.setExpirationTime('1h');
  return jwt.sign(new TextEncoder().encode(config.JWT_SECRET));
}

/** Each column's bearer token (undefined: no Authorization header). */
export async function columnTokens(
  config: PlatformConfig,
  fixture: Fixture,
  mint: (claims: TokenClaims) => Promise<string>,
): Promise<Record<Column, string | undefined>> {
  const portal = (sub: string, dept: 'HOUSING_CONSTRUCTION' | 'HRSS' | 'LABOUR_INSPECTION', region: string, scope = ALL_SCOPES) =>
    mint({ sub, kind: 'PORTAL', dept, regions: [region], scope });
  const enterprise = (sub: string, uscc: string, scope = ALL_SCOPES) => mint({ sub, kind: 'ENTERPRISE', uscc, scope });
  return {
    housingPortal: await portal('zjj-clerk', 'HOUSING_CONSTRUCTION', HOME_REGION),
    hrssPortal: await portal('rsj-clerk', 'HRSS', HOME_REGION),
    inspectionPortal: await portal('jiancha-clerk', 'LABOUR_INSPECTION', HOME_REGION),
    portalElsewhere: await portal('shenzhen-clerk', 'HOUSING_CONSTRUCTION', OTHER_REGION),
    portalWithoutScopes: await portal('zjj-reader', 'HOUSING_CONSTRUCTION', HOME_REGION, ''),
    contractor: await enterprise('gc-admin', GC),
    subcontractor: await enterprise('sub-admin', SUB),
    rivalEnterprise: await enterprise('rival-admin', RIVAL),
    enterpriseWithoutScopes: await enterprise('gc-reader', GC, ''),
    accountBank: await mint({ sub: 'ccb-ops', kind: 'BANK', bank: ACCOUNT_BANK }),
    otherBank: await mint({ sub: 'abc-ops', kind: 'BANK', bank: OTHER_BANK }),
    worker: await mint({ sub: fixture.workerId, kind: 'WORKER' }),
    otherWorker: await mint({ sub: fixture.otherWorkerId, kind: 'WORKER' }),
    analytics: await mint({ sub: 'xingtai-dashboard', kind: 'ANALYTICS', regions: [HOME_REGION] }),
    analyticsElsewhere: await mint({ sub: 'shenzhen-dashboard', kind: 'ANALYTICS', regions: [OTHER_REGION] }),
    tradingPlatform: await mint({ sub: 'trading-platform', kind: 'TRADING_PLATFORM', scope: SCOPES.eligibilityCheck }),
    service: await serviceCallerToken(config, 'payroll', Object.values(SCOPES))(),
    enterpriseWithoutUscc: await handMade(config, { sub: 'gc-admin', kind: 'ENTERPRISE', scope: ALL_SCOPES }),
    bankWithoutBankCode: await handMade(config, { sub: 'ccb-ops', kind: 'BANK', scope: ALL_SCOPES }),
    portalWithoutRegions: await handMade(config, { sub: 'zjj-clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', scope: ALL_SCOPES }),
    workerWithoutWorkerId: await handMade(config, { kind: 'WORKER' }),
    tokenWithoutExpiry: await handMade(
      config,
      { sub: 'zjj-clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: [HOME_REGION], scope: ALL_SCOPES },
      { expires: false },
    ),
    serviceKindFromIdentityProvider: await handMade(config, { sub: 'trading-platform', kind: 'SERVICE', scope: ALL_SCOPES }),
    anonymous: undefined,
  };
}
