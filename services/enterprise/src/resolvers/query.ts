import { connection, forbidden, isUuid, pageRequest, regionPrefix, requirePrincipal, seesRegion, type PageArgs } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { requireListAccess, visibleEnterprise } from './access';
import { toProject } from '../store/projects';
import { visibleProject } from './project';

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

  project: async (_: unknown, args: { id: string }, ctx: EnterpriseContext) =>
    isUuid(args.id) ? visibleProject(ctx, await ctx.projectById.load(args.id)) : null,

  projects: async (_: unknown, args: PageArgs & { regionCode?: string | null; stage?: string | null }, ctx: EnterpriseContext) => {
    const principal = requirePrincipal(ctx.principal);
    const { take, afterKey } = pageRequest(args);
    let scope: object;
    if (principal.kind === 'PORTAL') {
      if (args.regionCode && !seesRegion(principal, args.regionCode)) throw forbidden(`Region ${args.regionCode} is outside your jurisdiction.`);
      const regions = args.regionCode ? [args.regionCode] : principal.regionCodes;
      scope = { OR: regions.map((region) => ({ regionCode: { startsWith: regionPrefix(region) } })) };
    } else if (principal.kind === 'ENTERPRISE') {
      scope = { OR: [{ generalContractorUscc: principal.enterpriseUscc }, { participants: { some: { uscc: principal.enterpriseUscc } } }] };
    } else if (principal.kind === 'SERVICE') {
      scope = args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {};
    } else {
      throw forbidden('Projects are listed for portals, enterprises and our services.');
    }
    const rows = await ctx.db.project.findMany({
      where: { AND: [scope, args.stage ? { stage: args.stage as never } : {}, afterKey ? { id: { gt: afterKey } } : {}] },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows.map(toProject), take, (row) => row.id);
  },
};
