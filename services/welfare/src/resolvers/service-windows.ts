import { regionRange, requireKind, requireStatisticsScope } from '@yikatong/platform';
import { isOverdue } from '../domain/service-request';
import type { QueryResolvers, ServiceRequestResolvers } from '../generated/resolvers';

export const serviceWindowQueries = {
  myServiceRequests: async (_, __, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    return ctx.db.serviceRequest.findMany({ where: { workerId: principal.subject }, orderBy: { openedAt: 'desc' }, take: 100 });
  },

  /** Overdue requests per centre and per department in a region (portals of the region and analytics). */
  overdueServiceRequests: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    const range = regionRange(args.regionCode);
    const rows = await ctx.db.serviceRequest.groupBy({
      by: ['department', 'centreId'],
      where: { status: 'OPEN', dueOn: { lt: ctx.clock.today() }, ...(range ? { regionCode: range } : {}) },
      _count: { _all: true },
    });
    return rows.map((row) => ({ department: row.department, centreId: row.centreId, overdue: row._count._all }));
  },
} satisfies QueryResolvers;

export const ServiceRequestType = {
  overdue: (request, _, ctx) => isOverdue(request, ctx.clock.now()),
} satisfies ServiceRequestResolvers;
