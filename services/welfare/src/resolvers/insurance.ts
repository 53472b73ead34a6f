import { dayOf, isUuid, requirePrincipal, requireStatisticsScope } from '@yikatong/platform';
import { coverageOn, type InjuryPolicy as Policy } from '../domain/injury-insurance';
import { enrolmentSpans, findPolicies } from '../store/policies';
import { coverageGaps } from '../store/statistics';
import type { InjuryPolicyResolvers, QueryResolvers } from '../generated/resolvers';
import { seesProjectPolicies } from './access';

export const insuranceQueries = {
  injuryPolicies: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const project = isUuid(args.projectId) ? await ctx.db.welfareProject.findUnique({ where: { projectId: args.projectId } }) : null;
    return project && seesProjectPolicies(principal, project) ? findPolicies(ctx.db, [project.projectId]) : [];
  },

  /** Coverage gaps today in a region (analytics and portals): projects with workers on site and no policy. */
  insuranceCoverageGaps: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    const day = ctx.clock.today();
    const [gaps] = await coverageGaps(ctx.db, args.regionCode, day);
    return { regionCode: args.regionCode, on: day, projects: gaps?.projects ?? 0, workers: gaps?.workers ?? 0 };
  },

  /** Is this worker covered on a day (default today), on each project they work on, and by which policy. */
  injuryCoverage: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    if (!isUuid(args.workerId)) return [];
    const day = args.on ? dayOf(args.on) : ctx.clock.today();
    const spans = await enrolmentSpans(ctx.db, args.workerId);
    const projects = await ctx.db.welfareProject.findMany({ where: { projectId: { in: spans.map((span) => span.projectId) } } });
    const visible = new Set(
      projects
        .filter((project) => (principal.kind === 'WORKER' ? principal.subject === args.workerId : seesProjectPolicies(principal, project)))
        .map((p) => p.projectId),
    );
    const coverage = coverageOn(
      spans.filter((span) => visible.has(span.projectId)),
      await findPolicies(ctx.db, [...visible]),
      day,
    );
    return coverage.map((entry) => ({ projectId: entry.projectId, on: day, covered: entry.policy !== null, policy: entry.policy }));
  },
} satisfies QueryResolvers;

export const InjuryPolicy = {
  premium: (policy: Policy) => policy.premiumFen,
} satisfies InjuryPolicyResolvers;
