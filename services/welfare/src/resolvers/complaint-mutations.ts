import { z } from 'zod';
import { invalidInput, isUuid, notFound, parseInput, PERIOD_PATTERN, regionCodeSchema, requirePrincipal, type Principal } from '@yikatong/platform';
import type { WelfareContext } from '../context';
import type { WelfareTx } from '../db';
import { advance, fileComplaint, forward, markComplex, type Complaint } from '../domain/complaint';
import { holidayCalendar, lockComplaint, saveComplaint } from '../store/complaints';
import type { MutationResolvers } from '../generated/resolvers';
import { intakeChannel, requireHandler } from './access';

const DEPARTMENTS = ['HOUSING_CONSTRUCTION', 'HRSS', 'LABOUR_INSPECTION'] as const;
const month = z.string().regex(PERIOD_PATTERN, 'is a month YYYY-MM');
const fileInput = z.object({
  category: z.enum(['WAGE_ARREARS', 'OTHER']),
  workerId: z.string().uuid('is not a worker id').nullish(),
  employerUscc: z.string().trim().toUpperCase().length(18, 'is an 18-character USCC'),
  projectId: z.string().uuid('is not a project id').nullish(),
  regionCode: regionCodeSchema.nullish(),
  periodFrom: month.nullish(),
  periodTo: month.nullish(),
  amountClaimed: z.bigint().nullish(),
  workersAffected: z.number().int().default(1),
  description: z.string(),
  handlerDepartment: z.enum(DEPARTMENTS).default('LABOUR_INSPECTION'),
});

async function onCase<T>(ctx: WelfareContext, complaintId: string, work: (tx: WelfareTx, complaint: Complaint, handler: Principal) => Promise<T>): Promise<T> {
  if (!isUuid(complaintId)) throw notFound('COMPLAINT_NOT_FOUND', 'No complaint has this id.', 'complaintId');
  const result = await ctx.db.$transaction(async (tx) => {
    const complaint = await lockComplaint(tx, complaintId);
    return work(tx, complaint, requireHandler(ctx, complaint));
  });
  ctx.nudgeOutbox();
  return result;
}

export const complaintMutations = {
  fileComplaint: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const input = parseInput(fileInput, args.input);
    const { channel, workerId } = intakeChannel(principal, input.workerId);
    return ctx.db
      .$transaction(async (tx) => {
        const project = input.projectId ? await tx.welfareProject.findUnique({ where: { projectId: input.projectId } }) : null;
        if (input.projectId && !project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id.', 'projectId');
        const regionCode = project?.regionCode ?? input.regionCode;
        if (!regionCode) throw invalidInput('REGION_REQUIRED', 'regionCode', 'Give the project or the region where the work was done.');
        const now = ctx.clock.now();
        const { complaint, step, events } = fileComplaint(
          {
            category: input.category,
            channel,
            workerId,
            employerUscc: input.employerUscc,
            projectId: input.projectId ?? null,
            regionCode,
            periodFrom: input.periodFrom ?? null,
            periodTo: input.periodTo ?? null,
            amountClaimedFen: input.amountClaimed ?? null,
            workersAffected: input.workersAffected,
            description: input.description,
            handlerDept: input.handlerDepartment,
          },
          principal.subject,
          await holidayCalendar(tx, now),
          ctx.sla,
          now,
        );
        await saveComplaint(tx, null, complaint, step, events);
        return complaint;
      })
      .finally(() => ctx.nudgeOutbox());
  },

  advanceComplaint: (_, args, ctx) =>
    onCase(ctx, args.complaintId, async (tx, complaint, handler) => {
      const result = advance(complaint, { to: args.to, note: args.note ?? null, amountOwedFen: args.amountOwed ?? null }, handler.subject, ctx.clock.now());
      await saveComplaint(tx, complaint, result.complaint, result.step, result.events);
      return result.complaint;
    }),

  forwardComplaint: (_, args, ctx) =>
    onCase(ctx, args.complaintId, async (tx, complaint, handler) => {
      const result = forward(complaint, args.toDepartment, args.reason, handler.subject, ctx.clock.now());
      await saveComplaint(tx, complaint, result.complaint, result.step);
      return result.complaint;
    }),

  markComplaintComplex: (_, args, ctx) =>
    onCase(ctx, args.complaintId, async (tx, complaint, handler) => {
      const now = ctx.clock.now();
      const result = markComplex(complaint, handler.subject, await holidayCalendar(tx, now), ctx.sla, now);
      await saveComplaint(tx, complaint, result.complaint, result.step);
      return result.complaint;
    }),
} satisfies MutationResolvers;
