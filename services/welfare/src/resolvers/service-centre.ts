import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { WelfareContext } from '../context';
import type { ServiceCentreResolvers } from '../generated/resolvers';

export const ServiceCentre = {
  __resolveReference: (reference: { id: string }, ctx: WelfareContext) => {
    requirePrincipal(ctx.principal);
    return isUuid(reference.id) ? ctx.serviceCentreById.load(reference.id) : null;
  },
} satisfies ServiceCentreResolvers;
