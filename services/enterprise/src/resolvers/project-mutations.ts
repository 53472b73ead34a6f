import { z } from 'zod';
import { dayOf, forbidden, parseInput, requireKind, requireRegion, requireScope, SCOPES, uuidSchema, type Principal } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { appointLabourWageOfficer } from '../domain/labour-wage-officer';
import { addParticipant, registerProject } from '../domain/project';
import { lockProject } from '../store/locks';
import { saveOfficerAppointment } from '../store/labour-wage-officers';
import { findParticipants, saveParticipant, saveProject } from '../store/projects';
import type { MutationResolvers } from '../generated/resolvers';

const projectInput = z.object({
  name: z.string(),
  regionCode: z.string(),
  client: z.string(),
  generalContractorUscc: z.string().trim().toUpperCase(),
  contractValue: z.bigint(),
  labourCostSharePercent: z.number(),
  startDate: z.date().transform(dayOf),
  plannedEndDate: z
    .date()
    .nullish()
    .transform((date) => (date ? dayOf(date) : null)),
});

const subcontractorInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  uscc: z.string().trim().toUpperCase(),
  role: z.enum(['SUBCONTRACTOR', 'LABOUR_SUBCONTRACTOR']),
  parentUscc: z.string().trim().toUpperCase(),
});

const officerInput = z.object({ projectId: uuidSchema, name: z.string(), phone: z.string() });

/** The party responsible enters the step: a general contractor for itself, or a portal for its region. */
export function requireResponsibleParty(ctx: EnterpriseContext, actingFor: string, regionCode: string): Principal {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE'), SCOPES.projectRegister);
  if (principal.kind === 'PORTAL') requireRegion(principal, regionCode);
  else if (principal.enterpriseUscc !== actingFor) throw forbidden('An enterprise acts only for itself on a project.');
  return principal;
}

export const projectMutations = {
  registerProject: async (_, args, ctx) => {
    const { contractValue, ...input } = parseInput(projectInput, args.input);
    const principal = requireResponsibleParty(ctx, input.generalContractorUscc, input.regionCode);
    const generalContractor = await ctx.enterpriseByUscc.load(input.generalContractorUscc);
    const { project, events } = registerProject({ ...input, contractValueFen: contractValue }, generalContractor, principal.subject, ctx.clock.now());
    await ctx.db.$transaction((tx) => saveProject(tx, project, events));
    ctx.nudgeOutbox();
    return project;
  },

  addSubcontractor: async (_, args, ctx) => {
    const input = parseInput(subcontractorInput, args.input);
    const saved = await ctx.db.$transaction(async (tx) => {
      const project = await lockProject(tx, input.projectId);
      const principal = requireResponsibleParty(ctx, input.parentUscc, project.regionCode);
      const subcontractor = await tx.enterprise.findUnique({ where: { uscc: input.uscc } });
      const { participant, events } = addParticipant(
        project,
        await findParticipants(tx, [project.id]),
        subcontractor,
        input,
        principal.subject,
        ctx.clock.now(),
      );
      await saveParticipant(tx, participant, events);
      return project;
    });
    ctx.nudgeOutbox();
    return saved;
  },

  appointLabourWageOfficer: async (_, args, ctx) => {
    const input = parseInput(officerInput, args.input, { projectId: 'INVALID_ID' });
    return ctx.db.$transaction(async (tx) => {
      const project = await lockProject(tx, input.projectId);
      const principal = requireResponsibleParty(ctx, project.generalContractorUscc, project.regionCode);
      await saveOfficerAppointment(tx, appointLabourWageOfficer(project, input, principal.subject, ctx.clock.now()));
      return project;
    });
  },
} satisfies MutationResolvers;
