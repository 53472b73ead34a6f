import { forbidden, requirePrincipal, seesRegion, type Principal } from '@yikatong/platform';
import type { Card } from '../domain/card';

/** Who may see a card: portals of its region, the enterprise it belongs to, our own services. */
export function canSeeCard(principal: Principal, card: Card): boolean {
  switch (principal.kind) {
    case 'PORTAL':
      return seesRegion(principal, card.regionCode);
    case 'ENTERPRISE':
      return card.enterpriseUscc !== null && principal.enterpriseUscc === card.enterpriseUscc;
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}

export function visibleCard(principal: Principal | null, card: Card | null): Card | null {
  if (!card) return null;
  return canSeeCard(requirePrincipal(principal), card) ? card : null;
}

export function assertCanSeeEnterprise(principal: Principal | null, uscc: string): Principal {
  const known = requirePrincipal(principal);
  if (known.kind === 'ENTERPRISE' && known.enterpriseUscc !== uscc) throw forbidden('An enterprise sees only its own cards.');
  if (!['PORTAL', 'ENTERPRISE', 'SERVICE'].includes(known.kind)) throw forbidden('Real-name cards are not visible to this kind of caller.');
  return known;
}
