import { isUuid, regionPrefix, requireKind, requirePrincipal, seesRegion } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { projectsBankedAt } from '../store/wage-accounts';
import type { ArrearsWarningResolvers } from '../generated/resolvers';

interface WarningRow {
  id: string;
  projectId: string;
  uscc: string;
  regionCode: string;
}

/**
 * Who sees a project's arrears warnings: portals of its region, the enterprise warned, the bank
 * holding the project's wage account (it watches the account), and our services.
 */
export async function canSeeWarning(ctx: PayrollContext, warning: WarningRow): Promise<boolean> {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'PORTAL') return seesRegion(principal, warning.regionCode);
  if (principal.kind === 'ENTERPRISE') return principal.enterpriseUscc === warning.uscc;
  if (principal.kind === 'BANK') return (await ctx.accountsByProject.load(warning.projectId)).some((account) => account.bankCode === principal.bankCode);
  return principal.kind === 'SERVICE';
}

/** The same rule as a filter, for listing warnings. */
export async function visibleWarnings(ctx: PayrollContext): Promise<Prisma.ArrearsWarningWhereInput> {
  const principal = requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE', 'BANK', 'SERVICE');
  if (principal.kind === 'PORTAL') return { OR: principal.regionCodes.map((code) => ({ regionCode: { startsWith: regionPrefix(code) } })) };
  if (principal.kind === 'ENTERPRISE') return { uscc: principal.enterpriseUscc! };
  if (principal.kind === 'BANK') return { projectId: { in: await projectsBankedAt(ctx.db, principal.bankCode!) } };
  return {};
}

export const ArrearsWarning = {
  /** Enterprise lists an enterprise's warnings; the gateway comes here for what only payroll knows. */
  __resolveReference: async (reference, ctx) => {
    if (!isUuid(reference.id)) return null;
    const warning = await ctx.warningById.load(reference.id);
    return warning && (await canSeeWarning(ctx, warning)) ? warning : null;
  },
} satisfies ArrearsWarningResolvers;
