import { requirePrincipal } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import type { Participant, Project as ProjectModel } from '../domain/project';
import { canSeeProject, visibleEnterprise } from './access';

export async function visibleProject(ctx: EnterpriseContext, project: ProjectModel | null): Promise<ProjectModel | null> {
  if (!project) return null;
  const participants = await ctx.participantsByProject.load(project.id);
  return canSeeProject(requirePrincipal(ctx.principal), project, participants) ? project : null;
}

export const Project = {
  __resolveReference: async (reference: { id: string }, ctx: EnterpriseContext) => visibleProject(ctx, await ctx.projectById.load(reference.id)),
  generalContractor: async (project: ProjectModel, _: unknown, ctx: EnterpriseContext) =>
    visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(project.generalContractorUscc)),
  contractValue: (project: ProjectModel) => project.contractValueFen,
  labourCostSharePercent: (project: ProjectModel) => project.labourCostShareBp / 100,
  participants: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.participantsByProject.load(project.id),
};

export const ProjectParticipant = {
  enterprise: async (participant: Participant, _: unknown, ctx: EnterpriseContext) => visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(participant.uscc)),
};
