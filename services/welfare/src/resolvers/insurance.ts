import { z } from 'zod';
import {
  appendToOutbox,
  dayOf,
  forbidden,
  isUuid,
  notFound,
  parseInput,
  requireKind,
  requirePrincipal,
  requireRegion,
  regionPrefix,
  requireScope,
  requireStatisticsScope,
  SCOPES,
} from '@yikatong/platform';
import type { WelfareContext } from '../context';
import { buyPolicy, coverageOn, type InjuryPolicy as Policy } from '../domain/injury-insurance';
import { enrolmentSpans, findPolicies, insertPolicy } from '../store/policies';
import type { InjuryPolicyResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { seesProjectPolicies } from './access';

const buyInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  insurer: z.string(),
  policyNumber: z.string().trim(),
  premium: z.bigint(),
  rateBp: z.number().int(),
  coverFrom: z.date(),
  coverUntil: z.date().nullish(),
});

export const insuranceMutations = {
  /** The general contractor (or a portal of the region) with project:register records the policy; enterprise counts it for the permit. */
  buyInjuryInsurance: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL'), SCOPES.projectRegister);
    const input = parseInput(buyInput, args.input);
    const policy = await ctx.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT 1 FROM welfare_project WHERE project_id = $1::uuid FOR UPDATE', input.projectId);
      const project = await tx.welfareProject.findUnique({ where: { projectId: input.projectId } });
      if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id (welfare learns projects from enterprise).', 'projectId');
      if (principal.kind === 'PORTAL') requireRegion(principal, project.regionCode);
      else if (principal.enterpriseUscc !== project.generalContractorUscc) throw forbidden('Only the general contractor insures its project.');
      const result = buyPolicy(
        project,
        await findPolicies(tx, [project.projectId]),
        {
          insurer: input.insurer,
          policyNumber: input.policyNumber,
          premiumFen: input.premium,
          rateBp: input.rateBp,
          coverFrom: dayOf(input.coverFrom),
          coverUntil: input.coverUntil ? dayOf(input.coverUntil) : null,
        },
        principal.subject,
        ctx.clock.now(),
      );
      await insertPolicy(tx, result.policy);
      await appendToOutbox(tx, result.events);
      return result.policy;
    });
    ctx.nudgeOutbox();
    return policy;
  },
} satisfies MutationResolvers;

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
    const [gaps] = await coverageGaps(ctx, args.regionCode, day);
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

/** Live projects in the region with workers on site today and no policy covering today: aggregates only. */
async function coverageGaps(ctx: WelfareContext, regionCode: string, day: string) {
  return ctx.db.$queryRawUnsafe<Array<{ projects: number; workers: number }>>(
    `SELECT count(DISTINCT p.project_id)::int AS projects, count(DISTINCT e.worker_id)::int AS workers
       FROM welfare_project p JOIN welfare_enrolment e ON e.project_id = p.project_id
      WHERE p.region_code LIKE $1 AND p.stage NOT IN ('COMPLETED', 'CLOSED')
        AND e.start_date <= $2::date AND (e.end_date IS NULL OR e.end_date >= $2::date)
        AND NOT EXISTS (SELECT 1 FROM injury_policy i WHERE i.project_id = p.project_id AND i.cover_from <= $2::date AND (i.cover_until IS NULL OR i.cover_until >= $2::date))`,
    `${regionPrefix(regionCode)}%`,
    day,
  );
}

export const InjuryPolicy = {
  premium: (policy: Policy) => policy.premiumFen,
} satisfies InjuryPolicyResolvers;
