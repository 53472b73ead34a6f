import type { EnterpriseContext } from '../context';
import type { Enterprise as EnterpriseRow } from '../domain/enterprise';
import { visibleEnterprise } from './access';

export const Enterprise = {
  __resolveReference: async (reference: { uscc: string }, ctx: EnterpriseContext) =>
    visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(reference.uscc)),
  biddingEligibility: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.verdictByUscc.load(enterprise.uscc),
  blacklistListings: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.listingsByUscc.load(enterprise.uscc),
};
