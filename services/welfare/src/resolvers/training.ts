import {
  connection,
  cursorKeys,
  pageRequest,
  regionPrefix,
  requireKind,
  requirePrincipal,
  requireRegionCode,
  requireStatisticsScope,
} from '@yikatong/platform';
import { completionsByProgramme } from '../store/statistics';
import type { QueryResolvers } from '../generated/resolvers';

export const trainingQueries = {
  /** Sessions of a region, soonest first: public to every signed-in caller. */
  trainingSessions: async (_, args, ctx) => {
    requirePrincipal(ctx.principal);
    requireRegionCode(args.regionCode);
    const { take, after } = pageRequest(args, cursorKeys.uuid);
    const rows = await ctx.db.trainingSession.findMany({
      where: { regionCode: { startsWith: regionPrefix(args.regionCode) }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id);
  },

  /** The signed-in worker's training: hours, completion, certificates. */
  myTraining: async (_, __, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    return ctx.db.trainingEnrolment.findMany({ where: { workerId: principal.subject }, orderBy: { enrolledAt: 'desc' } });
  },

  /** A district's year (China's: a completion on 31 December from 16:00 UTC counts for the next): the target, trainee-sessions completed, and completions by programme (analytics and portals). */
  trainingProgress: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    const target = await ctx.db.trainingTarget.findUnique({ where: { regionCode_year: { regionCode: args.regionCode, year: args.year } } });
    const byProgramme = await completionsByProgramme(ctx.db, args.regionCode, args.year);
    return {
      regionCode: args.regionCode,
      year: args.year,
      target: target?.traineeSessions ?? null,
      completed: byProgramme.reduce((sum, row) => sum + row.completed, 0),
      byProgramme,
    };
  },
} satisfies QueryResolvers;
