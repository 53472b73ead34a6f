import { hasUsccShape } from '@yikatong/platform';
import { assertCanSeeEnterprise, canSeeCard } from './access';
import type { EnterpriseResolvers } from '../generated/resolvers';

/** Identity knows an enterprise only by its USCC: the cards it holds hang off that. */
export interface EnterpriseReference {
  uscc: string;
}

export const Enterprise = {
  __resolveReference: (reference, ctx) => {
    if (!hasUsccShape(reference.uscc)) return null;
    assertCanSeeEnterprise(ctx.principal, reference.uscc);
    return { uscc: reference.uscc };
  },
  realNameCards: async (enterprise, _, ctx) => {
    const principal = assertCanSeeEnterprise(ctx.principal, enterprise.uscc);
    const cards = await ctx.cardsByEnterprise.load(enterprise.uscc);
    return cards.filter((card) => canSeeCard(principal, card));
  },
} satisfies EnterpriseResolvers;
