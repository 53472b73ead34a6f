import { isUuid } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import type { Card } from '../domain/card';
import { visibleCard } from './access';
import { visibleWorker } from './worker';

export const RealNameCard = {
  __resolveReference: async (reference: { id: string }, ctx: IdentityContext) =>
    (isUuid(reference.id) ? visibleCard(ctx.principal, await ctx.cardById.load(reference.id)) : null),
  history: (card: Card, _: unknown, ctx: IdentityContext) => ctx.historyByCard.load(card.id),
  holder: async (card: Card, _: unknown, ctx: IdentityContext) => (card.personId ? visibleWorker(ctx, await ctx.workerById.load(card.personId)) : null),
};
