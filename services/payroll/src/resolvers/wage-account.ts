import { requirePrincipal, seesRegion } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { WageAccount } from '../domain/wage-account';

/** Portals of the project's region, the general contractor, the holding bank and our services see an account. */
export function canSeeAccount(ctx: PayrollContext, account: WageAccount, projectRegion: string | null): boolean {
  const principal = requirePrincipal(ctx.principal);
  switch (principal.kind) {
    case 'PORTAL':
      return projectRegion !== null && seesRegion(principal, projectRegion);
    case 'ENTERPRISE':
      return principal.enterpriseUscc === account.generalContractorUscc;
    case 'BANK':
      return principal.bankCode === account.bankCode;
    case 'SERVICE':
      return true;
    default:
      return false;
  }
}
