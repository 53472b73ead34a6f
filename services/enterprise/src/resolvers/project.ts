import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { reviewingDepartmentOf, type ProjectStep as ProjectStepModel } from '../domain/lifecycle';
import type { Participant, Project as ProjectModel } from '../domain/project';
import { canSeeProject, visibleEnterprise } from './access';

export async function visibleProject(ctx: EnterpriseContext, project: ProjectModel | null): Promise<ProjectModel | null> {
  if (!project) return null;
  const participants = await ctx.participantsByProject.load(project.id);
  return canSeeProject(requirePrincipal(ctx.principal), project, participants) ? project : null;
}

export const Project = {
  __resolveReference: async (reference: { id: string }, ctx: EnterpriseContext) =>
    isUuid(reference.id) ? visibleProject(ctx, await ctx.projectById.load(reference.id)) : null,
  generalContractor: async (project: ProjectModel, _: unknown, ctx: EnterpriseContext) =>
    visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(project.generalContractorUscc)),
  contractValue: (project: ProjectModel) => project.contractValueFen,
  labourCostSharePercent: (project: ProjectModel) => project.labourCostShareBp / 100,
  participants: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.participantsByProject.load(project.id),
  steps: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.stepsByProject.load(project.id),
  labourWageOfficer: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.officerByProject.load(project.id),
  safeguards: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.safeguardsByProject.load(project.id),
  tenders: (project: ProjectModel, _: unknown, ctx: EnterpriseContext) => ctx.tendersByProject.load(project.id),
};

export const ProjectStep = {
  from: (step: ProjectStepModel) => step.fromStage,
  to: (step: ProjectStepModel) => step.toStage,
  reviewingDepartment: reviewingDepartmentOf,
};

export const ProjectParticipant = {
  enterprise: async (participant: Participant, _: unknown, ctx: EnterpriseContext) =>
    visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(participant.uscc)),
};
