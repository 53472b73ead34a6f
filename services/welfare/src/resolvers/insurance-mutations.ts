import { z } from 'zod';
import { appendToOutbox, dayOf, forbidden, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import { buyPolicy } from '../domain/injury-insurance';
import { findPolicies, insertPolicy } from '../store/policies';
import type { MutationResolvers } from '../generated/resolvers';
import { lockProject } from '../store/locks';

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
      await lockProject(tx, input.projectId);
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
