import { z } from 'zod';
import { chinaDay, forbidden, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES, type Principal } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import type { EnterpriseTx } from '../db';
import { requireOwningDepartment } from '../domain/lifecycle';
import { QUALIFICATION_GRADES, unmetRequirements } from '../domain/qualification';
import { awardTender, cancelTender, openTender, submitBid } from '../domain/tender';
import { loadVerdicts } from '../store/eligibility';
import { findProjects } from '../store/projects';
import { findQualifications } from '../store/qualifications';
import { findBids, lockTender, saveTender } from '../store/tenders';
import type { MutationResolvers } from '../generated/resolvers';

const openInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  title: z.string(),
  requirements: z.array(z.object({ category: z.string(), minGrade: z.enum(QUALIFICATION_GRADES) })),
  closesAt: z.date(),
});
const bidInput = z.object({ tenderId: z.string().uuid('is not a tender id'), price: z.bigint() });
const awardInput = z.object({ tenderId: z.string().uuid('is not a tender id'), bidId: z.string().uuid('is not a bid id') });

/** Tendering leads to the award, so it is the award step's owning department that opens and awards tenders. */
function tenderOfficer(ctx: EnterpriseContext): Principal {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.projectReview);
  requireOwningDepartment('AWARDED', principal.department);
  return principal;
}

/** The tender, locked, and the project it belongs to, in the officer's region. */
async function tenderInRegion(tx: EnterpriseTx, principal: Principal, tenderId: string) {
  const tender = await lockTender(tx, tenderId);
  if (!tender) throw notFound('TENDER_NOT_FOUND', 'No tender has this id.', 'tenderId');
  const [project] = await findProjects(tx, [tender.projectId]);
  requireRegion(principal, project!.regionCode);
  return tender;
}

export const tenderMutations = {
  openTender: async (_, args, ctx) => {
    const principal = tenderOfficer(ctx);
    const input = parseInput(openInput, args.input);
    return ctx.db.$transaction(async (tx) => {
      const [project] = await findProjects(tx, [input.projectId]);
      if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id.', 'projectId');
      requireRegion(principal, project.regionCode);
      const tender = openTender(project, input, principal.subject, ctx.clock.now());
      await saveTender(tx, tender, true);
      return tender;
    });
  },

  /** Judged from the same read model as the graph and gRPC, in the transaction that records the bid. */
  submitBid: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'ENTERPRISE');
    if (!principal.enterpriseUscc) throw forbidden('This enterprise token names no enterprise.');
    const uscc = principal.enterpriseUscc;
    const input = parseInput(bidInput, args.input);
    return ctx.db.$transaction(async (tx) => {
      const tender = await lockTender(tx, input.tenderId);
      if (!tender) throw notFound('TENDER_NOT_FOUND', 'No tender has this id.', 'tenderId');
      const bidder = await tx.enterprise.findUnique({ where: { uscc } });
      if (!bidder) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise is registered with USCC ${uscc}.`);
      const now = ctx.clock.now();
      const [[verdict], qualifications, existing] = await Promise.all([
        loadVerdicts(tx, [uscc]),
        findQualifications(tx, [uscc]),
        findBids(tx, { tenderId: tender.id, uscc }),
      ]);
      const bid = submitBid(
        tender,
        bidder,
        existing.length > 0,
        verdict!,
        unmetRequirements(tender.requirements, qualifications, chinaDay(now)),
        input.price,
        principal.subject,
        now,
      );
      await tx.bid.create({ data: bid });
      return bid;
    });
  },

  awardTender: async (_, args, ctx) => {
    const principal = tenderOfficer(ctx);
    const input = parseInput(awardInput, args.input);
    return ctx.db.$transaction(async (tx) => {
      const tender = await tenderInRegion(tx, principal, input.tenderId);
      const [bid] = await findBids(tx, { id: input.bidId });
      const awarded = awardTender(tender, bid ?? null, principal.subject, ctx.clock.now());
      await saveTender(tx, awarded, false);
      return awarded;
    });
  },

  cancelTender: async (_, args, ctx) => {
    const principal = tenderOfficer(ctx);
    const { tenderId } = parseInput(z.object({ tenderId: z.string().uuid('is not a tender id') }), args);
    return ctx.db.$transaction(async (tx) => {
      const cancelled = cancelTender(await tenderInRegion(tx, principal, tenderId), principal.subject, ctx.clock.now());
      await saveTender(tx, cancelled, false);
      return cancelled;
    });
  },
} satisfies MutationResolvers;
