import { requirePrincipal, seesRegion } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { WageAccount as WageAccountRecord } from '../domain/wage-account';
import type { WageAccountResolvers } from '../generated/resolvers';

/** Portals of the project's region, the general contractor, the holding bank and our services see an account. */
export function canSeeAccount(ctx: PayrollContext, account: WageAccountRecord, projectRegion: string | null): boolean {
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

export const WageAccount = {
  /** Null until the account is closed; then what closing handed to the general contractor (its ledger transfer). */
  balanceReturned: async (account, _, ctx) => {
    if (account.status !== 'CLOSED') return null;
    const transfer = await ctx.db.ledgerTransfer.findUnique({ where: { cause_causeId: { cause: 'BALANCE_RETURN', causeId: account.id } } });
    return transfer?.amountFen ?? 0n;
  },
} satisfies WageAccountResolvers;
