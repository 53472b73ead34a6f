import { hasUsccShape } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { assertCanSeeEnterprise, canSeeCard } from './access';

export const Enterprise = {
  __resolveReference: (reference: { uscc: string }, ctx: IdentityContext) => {
    if (!hasUsccShape(reference.uscc)) return null;
    assertCanSeeEnterprise(ctx.principal, reference.uscc);
    return { uscc: reference.uscc };
  },
  realNameCards: async (enterprise: { uscc: string }, _: unknown, ctx: IdentityContext) => {
    const principal = assertCanSeeEnterprise(ctx.principal, enterprise.uscc);
    const cards = await ctx.cardsByEnterprise.load(enterprise.uscc);
    return cards.filter((card) => canSeeCard(principal, card));
  },
};
