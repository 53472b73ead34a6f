import { forbidden, requirePrincipal, requireKind, requireScope, seesRegion, type Principal } from '@yikatong/platform';
import type { PayrollContext } from '../context';

interface SheetParties {
  regionCode: string;
  generalContractorUscc: string;
  employerUscc: string;
}

/** Portals of the region, the employer and the general contractor see a sheet; our services too. */
export function canSeeSheet(ctx: PayrollContext, sheet: SheetParties): boolean {
  const principal = requirePrincipal(ctx.principal);
  switch (principal.kind) {
    case 'PORTAL':
      return seesRegion(principal, sheet.regionCode);
    case 'ENTERPRISE':
      return principal.enterpriseUscc === sheet.employerUscc || principal.enterpriseUscc === sheet.generalContractorUscc;
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}

/** The general contractor's people with the given scope act on its projects' sheets. */
export function requireGeneralContractor(ctx: PayrollContext, generalContractorUscc: string, scope: string): Principal {
  const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE'), scope);
  if (principal.enterpriseUscc !== generalContractorUscc) throw forbidden("Only the project's general contractor does this.");
  return principal;
}
