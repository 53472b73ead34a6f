import type { IdentityContext } from '../context';
import { findCardByNumber } from '../store/cards';
import { visibleCard } from './access';

export const Query = {
  realNameCard: async (_: unknown, args: { number: string }, ctx: IdentityContext) =>
    visibleCard(ctx.principal, await findCardByNumber(ctx.db, args.number.trim().toUpperCase())),
};
