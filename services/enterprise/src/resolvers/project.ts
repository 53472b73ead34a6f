import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { reviewingDepartmentOf, type ProjectStep as ProjectStepModel } from '../domain/lifecycle';
import type { Project as ProjectModel } from '../domain/project';
import { canSeeProject, visibleEnterprise } from './access';
import type { ProjectParticipantResolvers, ProjectResolvers, ProjectStepResolvers } from '../generated/resolvers';

export async function visibleProject(ctx: EnterpriseContext, project: ProjectModel | null): Promise<ProjectModel | null> {
  if (!project) return null;
  const participants = await ctx.participantsByProject.load(project.id);
  return canSeeProject(requirePrincipal(ctx.principal), project, participants) ? project : null;
}

export const Project = {
  __resolveReference: async (reference, ctx) => (isUuid(reference.id) ? visibleProject(ctx, await ctx.projectById.load(reference.id)) : null),
  generalContractor: async (project, _, ctx) => visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(project.generalContractorUscc)),
  contractValue: (project: ProjectModel) => project.contractValueFen,
  labourCostSharePercent: (project: ProjectModel) => project.labourCostShareBp / 100,
  participants: (project, _, ctx) => ctx.participantsByProject.load(project.id),
  steps: (project, _, ctx) => ctx.stepsByProject.load(project.id),
  labourWageOfficer: (project, _, ctx) => ctx.officerByProject.load(project.id),
  safeguards: (project, _, ctx) => ctx.safeguardsByProject.load(project.id),
  tenders: (project, _, ctx) => ctx.tendersByProject.load(project.id),
} satisfies ProjectResolvers;

export const ProjectStep = {
  from: (step: ProjectStepModel) => step.fromStage,
  to: (step: ProjectStepModel) => step.toStage,
  reviewingDepartment: reviewingDepartmentOf,
} satisfies ProjectStepResolvers;

export const ProjectParticipant = {
  enterprise: async (participant, _, ctx) => visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(participant.uscc)),
} satisfies ProjectParticipantResolvers;
