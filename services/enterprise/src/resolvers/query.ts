import { connection, forbidden, pageRequest, regionPrefix, seesRegion, type PageArgs } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { requireListAccess, visibleEnterprise } from './access';

export const Query = {
  enterprise: async (_: unknown, args: { uscc: string }, ctx: EnterpriseContext) =>
    visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(args.uscc.trim().toUpperCase())),

  enterprises: async (_: unknown, args: PageArgs & { regionCode?: string | null }, ctx: EnterpriseContext) => {
    const principal = requireListAccess(ctx.principal);
    const { take, afterKey } = pageRequest(args);
    if (args.regionCode && !seesRegion(principal, args.regionCode)) throw forbidden(`Region ${args.regionCode} is outside your jurisdiction.`);
    const regions = args.regionCode ? [args.regionCode] : principal.regionCodes;
    const rows = await ctx.db.enterprise.findMany({
      where: {
        OR: regions.map((region) => ({ regionCode: { startsWith: regionPrefix(region) } })),
        ...(afterKey ? { uscc: { gt: afterKey } } : {}),
      },
      orderBy: { uscc: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.uscc);
  },
};
