import { forbidden, unauthenticated } from '../errors';
import { regionCovers, type Principal, type PrincipalKind } from './principal';

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

/**
 * Who may use the graph at all: every kind but TRADING_PLATFORM, which may only check bidding
 * eligibility over gRPC. Applied by the gateway and by every subgraph to each verified caller.
 */
export function requireGraphCaller(principal: Principal): Principal {
  if (principal.kind === 'TRADING_PLATFORM')
    throw forbidden('A trading platform checks bidding eligibility over gRPC (CheckBiddingEligibility); the graph is not open to it.');
  return principal;
}

export function requireKind(principal: Principal | null, ...kinds: PrincipalKind[]): Principal {
  const known = requirePrincipal(principal);
  if (!kinds.includes(known.kind)) throw forbidden(`This needs one of: ${kinds.join(', ')}.`);
  return known;
}

export function requireScope(principal: Principal | null, scope: string): Principal {
  const known = requirePrincipal(principal);
  if (!known.scopes.has(scope)) throw forbidden(`This needs the permission "${scope}".`);
  return known;
}

/** Whether a portal user's regions include this region (other kinds are scoped by their own rules). */
export function seesRegion(principal: Principal, regionCode: string): boolean {
  return principal.regionCodes.some((scopeRegion) => regionCovers(scopeRegion, regionCode));
}

export function requireRegion(principal: Principal, regionCode: string): void {
  if (!seesRegion(principal, regionCode)) throw forbidden(`Region ${regionCode} is outside your jurisdiction.`);
}
