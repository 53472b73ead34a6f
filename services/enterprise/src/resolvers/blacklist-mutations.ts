import { z } from 'zod';
import { notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { listEnterprise, removeEarly } from '../domain/blacklist';
import { findListings, saveListing } from '../store/blacklist';
import { lockEnterpriseInRegion } from '../store/locks';
import type { MutationResolvers } from '../generated/resolvers';

const listInput = z.object({
  uscc: z.string().trim().toUpperCase(),
  reason: z.string().trim().min(4, 'says why, in at least 4 characters').max(500),
  decision: z.string().trim().min(2, 'names the listing decision').max(100),
  authority: z.string().trim().min(2, 'names the deciding authority').max(200),
  facts: z.object({
    unpaidAfterOrder: z.boolean(),
    largestOwedToOneWorker: z.bigint().nonnegative(),
    workersOwed: z.number().int().nonnegative(),
    totalOwed: z.bigint().nonnegative(),
    massIncident: z.boolean(),
  }),
});

const removeInput = z.object({ listingId: z.string().uuid('is not a listing id'), pledge: z.string() });

const decider = (ctx: EnterpriseContext) => requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.blacklistDecide);

export const blacklistMutations = {
  listOnBlacklist: async (_, args, ctx) => {
    const principal = decider(ctx);
    const { facts, uscc, ...decision } = parseInput(listInput, args.input);
    const listing = await ctx.db.$transaction(async (tx) => {
      const enterprise = await lockEnterpriseInRegion(tx, principal, uscc);
      const [active] = await findListings(tx, { uscc, status: 'ACTIVE' });
      const responsible = await tx.responsiblePerson.findMany({ where: { uscc }, select: { personId: true }, orderBy: { since: 'asc' } });
      const result = listEnterprise(
        enterprise,
        active ?? null,
        responsible.map((person) => person.personId),
        {
          unpaidAfterOrder: facts.unpaidAfterOrder,
          largestOwedToOneWorkerFen: facts.largestOwedToOneWorker,
          workersOwed: facts.workersOwed,
          totalOwedFen: facts.totalOwed,
          massIncident: facts.massIncident,
        },
        decision,
        ctx.blacklistPolicy,
        principal.subject,
        ctx.clock.now(),
      );
      await saveListing(tx, result.listing, result.events, true);
      return result.listing;
    });
    ctx.nudgeOutbox();
    return listing;
  },

  removeFromBlacklist: async (_, args, ctx) => {
    const principal = decider(ctx);
    const input = parseInput(removeInput, args.input);
    const listing = await ctx.db.$transaction(async (tx) => {
      const [current] = await findListings(tx, { id: input.listingId });
      if (!current) throw notFound('LISTING_NOT_FOUND', 'No dishonesty-list listing has this id.', 'listingId');
      const enterprise = await tx.enterprise.findUniqueOrThrow({ where: { uscc: current.uscc } });
      requireRegion(principal, enterprise.regionCode);
      const result = removeEarly(current, input.pledge, ctx.blacklistPolicy, ctx.clock.now());
      await saveListing(tx, result.listing, result.events, false);
      return result.listing;
    });
    ctx.nudgeOutbox();
    return listing;
  },
} satisfies MutationResolvers;
