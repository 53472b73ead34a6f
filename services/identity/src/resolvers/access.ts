import { addDays, dateOfDay, forbidden, requirePrincipal, SCOPES, seesRegion, type Principal } from '@yikatong/platform';
import { chinaDayRange } from '../domain/calendar';
import type { Card } from '../domain/card';
import type { Enrolment } from '../domain/enrolment';
import type { Prisma } from '../generated/prisma/client';
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

export function assertCanSeeEnterprise(principal: Principal | null, uscc: string): Principal {
  const known = requirePrincipal(principal);
  if (known.kind === 'ENTERPRISE' && known.enterpriseUscc !== uscc) throw forbidden('An enterprise sees only its own cards.');
  if (!['PORTAL', 'ENTERPRISE', 'SERVICE'].includes(known.kind)) throw forbidden('Real-name cards are not visible to this kind of caller.');
  return known;
}

/**
 * How far back an employer's contact with a worker still gives sight of them: a registration made,
 * or an enrolment ended, on or after this China day (configurable days before today).
 */
export interface EmployerSight {
  sinceDay: string;
  /** The same day's first instant, for registration times. */
  sinceInstant: Date;
}

export function employerSight(today: string, afterDays: number): EmployerSight {
  const sinceDay = addDays(today, -afterDays);
  return { sinceDay, sinceInstant: chinaDayRange(sinceDay, sinceDay).from };
}

const employsWithinSight = (enrolment: Enrolment, uscc: string, sight: EmployerSight) =>
  enrolment.employerUscc === uscc && (enrolment.endDate === null || enrolment.endDate >= sight.sinceDay);

/**
 * Who may see a worker: the worker themself, portals of the worker's region, our services, and an
 * enterprise that named them a responsible person, or that registered or employs them, until the
 * configured days after that registration or the last enrolment's end. Analytics and banks never see people.
 */
export function canSeeWorker(principal: Principal, worker: WorkerRow, enrolments: readonly Enrolment[], cards: readonly Card[], sight: EmployerSight): boolean {
  switch (principal.kind) {
    case 'WORKER':
      return principal.subject === worker.id;
    case 'PORTAL':
      return seesRegion(principal, worker.regionCode);
    case 'ENTERPRISE': {
      const uscc = principal.enterpriseUscc;
      if (!uscc) return false;
      return (
        (worker.registeredByUscc === uscc && worker.registeredAt >= sight.sinceInstant) ||
        enrolments.some((enrolment) => employsWithinSight(enrolment, uscc, sight)) ||
        cards.some((card) => card.enterpriseUscc === uscc)
      );
    }
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}

/** The workers an enterprise lists: canSeeWorker's registration and employment rule as a query. */
export function employerSightWhere(principal: Principal, sight: EmployerSight): Prisma.WorkerWhereInput {
  const uscc = principal.enterpriseUscc;
  if (!uscc) throw forbidden('An enterprise token carries the enterprise’s USCC.');
  return {
    OR: [
      { registeredByUscc: uscc, registeredAt: { gte: sight.sinceInstant } },
      { enrolments: { some: { employerUscc: uscc, OR: [{ endDate: null }, { endDate: { gte: dateOfDay(sight.sinceDay) } }] } } },
    ],
  };
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
