import { principalFromClaims } from '../../src/auth/principal';
import { requireStatisticsScope } from '../../src/auth/statistics-scope';
import { appErrorOf as refusal } from '../../src/testing';

const shenzhenDashboard = principalFromClaims({ sub: 'sz-dash', kind: 'ANALYTICS', regions: ['440300'] });
const xingtaiDashboard = principalFromClaims({ sub: 'xt-dash', kind: 'ANALYTICS', regions: ['130500'] });
const xingtaiPortal = principalFromClaims({ sub: 'xt-clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] });

describe('statistics scope', () => {
  it('lets analytics and portals read regions within their own', () => {
    expect(requireStatisticsScope(xingtaiDashboard, '130500')).toBe(xingtaiDashboard);
    expect(requireStatisticsScope(xingtaiDashboard, '130502')).toBe(xingtaiDashboard);
    expect(requireStatisticsScope(xingtaiPortal, '130503')).toBe(xingtaiPortal);
    expect(requireStatisticsScope(principalFromClaims({ sub: 'national', kind: 'ANALYTICS', regions: ['000000'] }), '440300').subject).toBe('national');
  });

  it("refuses a region outside the token's regions, naming it", () => {
    const shenzhenAskingXingtai = refusal(() => requireStatisticsScope(shenzhenDashboard, '130500'));
    expect(shenzhenAskingXingtai.code).toBe('FORBIDDEN');
    expect(shenzhenAskingXingtai.message).toContain('130500');
    expect(shenzhenAskingXingtai.message).toContain('440300');
    expect(refusal(() => requireStatisticsScope(xingtaiPortal, '440300')).code).toBe('FORBIDDEN');
    expect(refusal(() => requireStatisticsScope(xingtaiDashboard, '130000')).code).toBe('FORBIDDEN');
  });

  it('refuses every other kind, and nobody signed in', () => {
    expect(refusal(() => requireStatisticsScope(principalFromClaims({ sub: 'bank', kind: 'BANK', bank: 'CCB' }), '130500')).code).toBe('FORBIDDEN');
    expect(refusal(() => requireStatisticsScope(principalFromClaims({ sub: 'svc', kind: 'SERVICE' }), '130500')).code).toBe('FORBIDDEN');
    expect(refusal(() => requireStatisticsScope(null, '130500')).code).toBe('UNAUTHENTICATED');
  });

  it("checks the code's shape before comparing: a bare prefix is no region", () => {
    const prefix = refusal(() => requireStatisticsScope(shenzhenDashboard, '4403'));
    expect(prefix.code).toBe('INVALID_REGION_CODE');
    expect(prefix.field).toBe('regionCode');
    expect(refusal(() => requireStatisticsScope(shenzhenDashboard, '44030x', 'region')).field).toBe('region');
  });
});
