import { z } from 'zod';
import { dayOf, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import { requestStep, reviewStep } from '../domain/lifecycle';
import { PROJECT_STAGES } from '../domain/project';
import { createStep, findSteps, saveReview } from '../store/lifecycle';
import { lifecycleFactsOf } from '../store/project-facts';
import { lockProject } from '../store/locks';
import { requireResponsibleParty } from './project-mutations';
import type { MutationResolvers } from '../generated/resolvers';

const optionalText = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((text) => text || null);
const optionalDay = z
  .date()
  .nullish()
  .transform((date) => (date ? dayOf(date) : null));

const requestInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  to: z.enum(PROJECT_STAGES),
  details: z.object({ noticeNumber: optionalText, permitNumber: optionalText, startedOn: optionalDay, acceptedOn: optionalDay, note: optionalText }).nullish(),
});

const reviewInput = z.object({
  stepId: z.string().uuid('is not a step id'),
  approve: z.boolean(),
  comment: z.string().max(1000).nullish(),
});

export const lifecycleMutations = {
  requestProjectStep: async (_, args, ctx) => {
    const input = parseInput(requestInput, args.input);
    return ctx.db.$transaction(async (tx) => {
      const project = await lockProject(tx, input.projectId);
      const principal = requireResponsibleParty(ctx, project.generalContractorUscc, project.regionCode);
      const [pending] = await findSteps(tx, { projectId: project.id, status: 'PENDING' });
      const step = requestStep(
        project,
        pending ?? null,
        input.to,
        input.details ?? {},
        await lifecycleFactsOf(tx, project.id),
        principal.subject,
        ctx.clock.now(),
      );
      await createStep(tx, step);
      return step;
    });
  },

  reviewProjectStep: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.projectReview);
    const input = parseInput(reviewInput, args.input);
    const reviewed = await ctx.db.$transaction(async (tx) => {
      const [found] = await findSteps(tx, { id: input.stepId });
      if (!found) throw notFound('STEP_NOT_FOUND', 'No project step has this id.', 'stepId');
      const project = await lockProject(tx, found.projectId);
      requireRegion(principal, project.regionCode);
      const [step] = await findSteps(tx, { id: input.stepId });
      const result = reviewStep(
        step!,
        project,
        { approve: input.approve, comment: input.comment ?? null },
        await lifecycleFactsOf(tx, project.id),
        principal,
        ctx.clock.now(),
      );
      await saveReview(tx, result.step, result.project, result.events, ctx.obligationPolicy);
      return result.step;
    });
    ctx.nudgeOutbox();
    return reviewed;
  },
} satisfies MutationResolvers;
