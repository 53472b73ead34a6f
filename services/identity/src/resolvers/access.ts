import { forbidden, requirePrincipal, SCOPES, seesRegion, type Principal } from '@yikatong/platform';
import type { Card } from '../domain/card';
import type { Enrolment } from '../domain/enrolment';
import type { WorkerRow } from '../store/workers';

/** Who may see a card: portals of its region, the enterprise it belongs to, its holder, our own services. */
export function canSeeCard(principal: Principal, card: Card): boolean {
  switch (principal.kind) {
    case 'PORTAL':
      return seesRegion(principal, card.regionCode);
    case 'ENTERPRISE':
      return card.enterpriseUscc !== null && principal.enterpriseUscc === card.enterpriseUscc;
    case 'WORKER':
      return card.personId === principal.subject;
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

/**
 * Who may see a worker: the worker themself, portals of the worker's region, an enterprise that
 * registered or employs (or employed) them or named them a responsible person, our services.
 * Analytics and banks never see people.
 */
export function canSeeWorker(principal: Principal, worker: WorkerRow, enrolments: readonly Enrolment[], cards: readonly Card[]): boolean {
  switch (principal.kind) {
    case 'WORKER':
      return principal.subject === worker.id;
    case 'PORTAL':
      return seesRegion(principal, worker.regionCode);
    case 'ENTERPRISE':
      return worker.registeredByUscc === principal.enterpriseUscc
        || enrolments.some((enrolment) => enrolment.employerUscc === principal.enterpriseUscc)
        || cards.some((card) => card.enterpriseUscc === principal.enterpriseUscc);
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}

export function canSeeEnrolment(principal: Principal, enrolment: Enrolment): boolean {
  switch (principal.kind) {
    case 'WORKER':
      return principal.subject === enrolment.workerId;
    case 'PORTAL':
      return seesRegion(principal, enrolment.regionCode);
    case 'ENTERPRISE':
      return principal.enterpriseUscc === enrolment.employerUscc;
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}

/** Personal data leaves unmasked only for the pii:read permission with a stated purpose. */
export function unmaskPurpose(principal: Principal | null, purpose: string | null | undefined): string | null {
  const trimmed = purpose?.trim();
  if (!trimmed || !principal?.scopes.has(SCOPES.piiRead)) return null;
  if (trimmed.length < 4) throw forbidden('State the purpose of reading personal data in at least 4 characters; it is audited.');
  return trimmed;
}

/** The regions a list is limited to: the asked region, checked against a portal's jurisdiction. */
export function portalRegions(principal: Principal, regionCode: string | null | undefined): readonly string[] {
  if (!regionCode) return principal.regionCodes;
  if (!seesRegion(principal, regionCode)) throw forbidden(`Region ${regionCode} is outside your jurisdiction.`);
  return [regionCode];
}
