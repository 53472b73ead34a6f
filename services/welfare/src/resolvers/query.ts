import { connection, pageRequest, regionPrefix, requirePrincipal, type PageArgs } from '@yikatong/platform';
import type { WelfareContext } from '../context';
import { assertRegionCode } from '../domain/service-centre';

export const Query = {
  /** Where to get help is public information for every signed-in caller, workers included. */
  serviceCentres: async (_: unknown, args: PageArgs & { regionCode: string }, ctx: WelfareContext) => {
    requirePrincipal(ctx.principal);
    assertRegionCode(args.regionCode);
    const { take, afterKey } = pageRequest(args);
    const rows = await ctx.db.serviceCentre.findMany({
      where: { regionCode: { startsWith: regionPrefix(args.regionCode) }, ...(afterKey ? { id: { gt: afterKey } } : {}) },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id);
  },
};
