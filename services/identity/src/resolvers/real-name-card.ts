import type { IdentityContext } from '../context';
import type { Card } from '../domain/card';
import { visibleCard } from './access';
import { visibleWorker } from './worker';

export const RealNameCard = {
  __resolveReference: async (reference: { id: string }, ctx: IdentityContext) => visibleCard(ctx.principal, await ctx.cardById.load(reference.id)),
  history: (card: Card, _: unknown, ctx: IdentityContext) => ctx.historyByCard.load(card.id),
  holder: async (card: Card, _: unknown, ctx: IdentityContext) => (card.personId ? visibleWorker(ctx, await ctx.workerById.load(card.personId)) : null),
};
