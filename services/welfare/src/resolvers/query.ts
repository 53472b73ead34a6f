import { connection, cursorKeys, pageRequest, regionPrefix, requirePrincipal, requireRegionCode } from '@yikatong/platform';
import type { QueryResolvers } from '../generated/resolvers';

export const Query = {
  /** Where to get help is public information for every signed-in caller, workers included. */
  serviceCentres: async (_, args, ctx) => {
    requirePrincipal(ctx.principal);
    requireRegionCode(args.regionCode);
    const { take, after } = pageRequest(args, cursorKeys.uuid);
    const rows = await ctx.db.serviceCentre.findMany({
      where: { regionCode: { startsWith: regionPrefix(args.regionCode) }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id);
  },
} satisfies QueryResolvers;
