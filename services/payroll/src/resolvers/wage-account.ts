import { requirePrincipal, seesRegion } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { WageAccount } from '../domain/wage-account';

/** Portals of the project's region, the general contractor, the holding bank and our services see an account. */
export async function visibleAccount(ctx: PayrollContext, account: WageAccount | null): Promise<WageAccount | null> {
  if (!account) return null;
  const principal = requirePrincipal(ctx.principal);
  switch (principal.kind) {
    case 'PORTAL': {
      const project = await ctx.db.payrollProject.findUnique({ where: { projectId: account.projectId } });
      return project && seesRegion(principal, project.regionCode) ? account : null;
    }
    case 'ENTERPRISE':
      return principal.enterpriseUscc === account.generalContractorUscc ? account : null;
    case 'BANK':
      return principal.bankCode === account.bankCode ? account : null;
    case 'SERVICE':
      return account;
    default:
      return null;
  }
}
