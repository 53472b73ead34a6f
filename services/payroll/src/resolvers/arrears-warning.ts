import { isUuid, requirePrincipal, seesRegion } from '@yikatong/platform';
import type { PayrollContext } from '../context';

interface WarningRow {
  id: string;
  uscc: string;
  regionCode: string;
}

/** Portals of the region, the enterprise warned, banks (warnings are public to them) and our services. */
export function canSeeWarning(ctx: PayrollContext, warning: WarningRow): boolean {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'PORTAL') return seesRegion(principal, warning.regionCode);
  if (principal.kind === 'ENTERPRISE') return principal.enterpriseUscc === warning.uscc;
  return principal.kind === 'BANK' || principal.kind === 'SERVICE';
}

export const ArrearsWarning = {
  /** Enterprise lists an enterprise's warnings; the gateway comes here for what only payroll knows. */
  __resolveReference: async (reference: { id: string }, ctx: PayrollContext) => {
    if (!isUuid(reference.id)) return null;
    const warning = await ctx.loaders.warningById.load(reference.id);
    return warning && canSeeWarning(ctx, warning) ? warning : null;
  },
};
