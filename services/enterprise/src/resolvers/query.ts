import {
  connection,
  cursorKeys,
  forbidden,
  hasUsccShape,
  invalidInput,
  isUuid,
  pageRequest,
  regionPrefix,
  requirePrincipal,
  requireStatisticsScope,
  seesRegion,
  usccShapeSchema,
} from '@yikatong/platform';
import { enterpriseStatistics } from '../store/statistics';
import { visibleTender } from './tender';
import { requireListAccess, visibleEnterprise } from './access';
import { toProject } from '../store/projects';
import { visibleProject } from './project';
import type { QueryResolvers } from '../generated/resolvers';

/** Longer than any registered enterprise name needs (the longest Chinese company names run to about 40 characters). */
const MAX_NAME_SEARCH = 50;

export const Query = {
  enterprise: async (_, args, ctx) => {
    const uscc = args.uscc.trim().toUpperCase();
    return hasUsccShape(uscc) ? visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(uscc)) : null;
  },

  enterprises: async (_, args, ctx) => {
    const principal = requireListAccess(ctx.principal);
    const { take, after } = pageRequest(args, usccShapeSchema);
    const nameContains = args.nameContains?.trim();
    if (nameContains !== undefined && (nameContains.length === 0 || nameContains.length > MAX_NAME_SEARCH))
      throw invalidInput('INVALID_INPUT', 'nameContains', `Search by 1 to ${MAX_NAME_SEARCH} characters of the name.`);
    if (args.regionCode && !seesRegion(principal, args.regionCode)) throw forbidden(`Region ${args.regionCode} is outside your jurisdiction.`);
    const regions = args.regionCode ? [args.regionCode] : principal.regionCodes;
    const rows = await ctx.db.enterprise.findMany({
      where: {
        OR: regions.map((region) => ({ regionCode: { startsWith: regionPrefix(region) } })),
        ...(args.type ? { type: args.type } : {}),
        ...(nameContains ? { name: { contains: nameContains } } : {}),
        ...(typeof args.eligible === 'boolean' ? { blocks: args.eligible ? { none: {} } : { some: {} } } : {}),
        ...(after ? { uscc: { gt: after } } : {}),
      },
      orderBy: { uscc: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.uscc);
  },

  tender: async (_, args, ctx) => (isUuid(args.id) ? visibleTender(ctx, await ctx.tenderById.load(args.id)) : null),

  enterpriseStatistics: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    return { regionCode: args.regionCode, ...(await enterpriseStatistics(ctx.db, `${regionPrefix(args.regionCode)}%`)) };
  },

  project: async (_, args, ctx) => (isUuid(args.id) ? visibleProject(ctx, await ctx.projectById.load(args.id)) : null),

  projects: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const { take, after } = pageRequest(args, cursorKeys.uuid);
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
      where: { AND: [scope, args.stage ? { stage: args.stage } : {}, after ? { id: { gt: after } } : {}] },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows.map(toProject), take, (row) => row.id);
  },
} satisfies QueryResolvers;
