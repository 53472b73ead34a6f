import { forbidden, requirePrincipal, seesRegion, type Principal } from '@yikatong/platform';
import type { Enterprise } from '../domain/enterprise';
import type { Participant, Project } from '../domain/project';

/** Portals see their regions' enterprises, an enterprise itself, our services all. */
export function canSeeEnterprise(principal: Principal, enterprise: Enterprise): boolean {
  switch (principal.kind) {
    case 'PORTAL':
      return seesRegion(principal, enterprise.regionCode);
    case 'ENTERPRISE':
      return principal.enterpriseUscc === enterprise.uscc;
    case 'SERVICE':
    case 'BANK':
      return true;
    default:
      return false;
  }
}

export function visibleEnterprise(principal: Principal | null, enterprise: Enterprise | null): Enterprise | null {
  if (!enterprise) return null;
  return canSeeEnterprise(requirePrincipal(principal), enterprise) ? enterprise : null;
}

export function requireListAccess(principal: Principal | null): Principal {
  const known = requirePrincipal(principal);
  if (known.kind !== 'PORTAL') throw forbidden('Only government portals list enterprises; an enterprise asks for its own.');
  return known;
}

/** Portals see their regions' projects, an enterprise the projects it is on, our services all. */
export function canSeeProject(principal: Principal, project: Project, participants: readonly Participant[]): boolean {
  switch (principal.kind) {
    case 'PORTAL':
      return seesRegion(principal, project.regionCode);
    case 'ENTERPRISE':
      return project.generalContractorUscc === principal.enterpriseUscc || participants.some((p) => p.uscc === principal.enterpriseUscc);
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}
