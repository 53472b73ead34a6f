import { requirePrincipal, seesRegion } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import type { Bid as BidModel, Tender as TenderModel } from '../domain/tender';
import type { BidResolvers, TenderResolvers } from '../generated/resolvers';

/** Tender notices are public to portals of the project's region, every enterprise and our services. */
export async function visibleTender(ctx: EnterpriseContext, tender: TenderModel | null): Promise<TenderModel | null> {
  if (!tender) return null;
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'ENTERPRISE' || principal.kind === 'SERVICE') return tender;
  if (principal.kind !== 'PORTAL') return null;
  const project = await ctx.projectById.load(tender.projectId);
  return project && seesRegion(principal, project.regionCode) ? tender : null;
}

/** Bids are sealed: an enterprise sees only its own; portals and services see all. */
function visibleBids(ctx: EnterpriseContext, bids: BidModel[]): BidModel[] {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'ENTERPRISE') return bids.filter((bid) => bid.uscc === principal.enterpriseUscc);
  return bids;
}

export const Tender = {
  bids: async (tender, _, ctx) => visibleBids(ctx, await ctx.bidsByTender.load(tender.id)),
  winningBid: async (tender, _, ctx) =>
    tender.winningBidId ? ((await ctx.bidsByTender.load(tender.id)).find((bid) => bid.id === tender.winningBidId) ?? null) : null,
} satisfies TenderResolvers;

export const Bid = {
  price: (bid: BidModel) => bid.priceFen,
} satisfies BidResolvers;
