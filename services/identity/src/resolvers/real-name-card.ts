import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import type { Card } from '../domain/card';
import { canSeeCard } from './access';
import { visibleWorker } from './worker';
import type { RealNameCardResolvers } from '../generated/resolvers';

/**
 * Whether the caller may see a card on any path the graph offers: the card itself (its region's portals,
 * its enterprise, its holder, our services), or a worker's own card through the worker (Worker.realNameCard).
 * The gRPC GetCardStatus answers by the same rule.
 */
export async function mayReadCard(ctx: IdentityContext, card: Card): Promise<boolean> {
  if (canSeeCard(requirePrincipal(ctx.principal), card)) return true;
  if (card.holderKind !== 'WORKER' || !card.personId) return false;
  return (await visibleWorker(ctx, await ctx.workerById.load(card.personId))) !== null;
}

export async function visibleCard(ctx: IdentityContext, card: Card | null): Promise<Card | null> {
  return card && (await mayReadCard(ctx, card)) ? card : null;
}

export const RealNameCard = {
  __resolveReference: async (reference, ctx) => (isUuid(reference.id) ? visibleCard(ctx, await ctx.cardById.load(reference.id)) : null),
  history: (card, _, ctx) => ctx.historyByCard.load(card.id),
  holder: async (card, _, ctx) => (card.personId ? visibleWorker(ctx, await ctx.workerById.load(card.personId)) : null),
} satisfies RealNameCardResolvers;
