import { isUuid, regionRange, requireKind, requirePrincipal, requireStatisticsScope, withheldFrom } from '@yikatong/platform';
import { workersWithoutSafetyTraining } from '../store/statistics';
import type { AwardRoundResolvers, QueryResolvers } from '../generated/resolvers';

export const schemeAwardQueries = {
  welfareSchemes: async (_, args, ctx) => {
    requirePrincipal(ctx.principal);
    const range = regionRange(args.regionCode);
    return ctx.db.welfareScheme.findMany({ where: range ? { regionCode: range } : {}, orderBy: { code: 'asc' } });
  },

  mySchemes: async (_, __, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    return ctx.db.schemeEnrolment.findMany({ where: { workerId: principal.subject }, orderBy: { enrolledAt: 'desc' } });
  },

  awardRound: async (_, args, ctx) => {
    requirePrincipal(ctx.principal);
    return isUuid(args.id) ? ctx.db.awardRound.findUnique({ where: { id: args.id } }) : null;
  },

  /** Workers registered in the region who have not completed safety training (analytics and portals). */
  trainingNeeds: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    return { regionCode: args.regionCode, workersWithoutSafetyTraining: await workersWithoutSafetyTraining(ctx.db, args.regionCode) };
  },
} satisfies QueryResolvers;

export const AwardRound = {
  /** A round is a public notice; its nominations name workers and who put them forward, and banks and dashboards never see people. */
  nominations: withheldFrom(
    ['BANK', 'ANALYTICS'],
    'Award nominations name workers: they are not shown to banks or dashboards; the round itself is.',
    (round, _, ctx) => ctx.nominationsByRound.load(round.id),
  ),
} satisfies AwardRoundResolvers;
