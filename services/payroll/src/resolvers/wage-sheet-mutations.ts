import { z } from 'zod';
import { AppError, conflict, forbidden, notFound, parseInput, PERIOD_PATTERN, requireKind, requireScope, requireUuid, SCOPES } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import { workersNotYetPaid } from '../domain/paid-days';
import { payCycle, wagesDueOn } from '../domain/pay-cycle';
import { computeLine, type AdditionKind, type DeductionKind, type PayItem, type VerifiedWorker } from '../domain/pay-rules';
import { answerLine, approveSheet, prepareSheet, returnSheet, reviewSheet } from '../domain/wage-sheet';
import { approveAndDisburse, reissueFailed } from '../store/approval';
import { payTables } from '../store/pay-tables';
import { insertSheet, lineStates, linesOnLiveSheets, liveSheetExists, lockProjectSheets, lockSheet, saveSheet } from '../store/sheets';
import { requireGeneralContractor } from './access';
import type { MutationResolvers } from '../generated/resolvers';

const item = <K extends [string, ...string[]]>(kinds: K) =>
  z
    .object({ kind: z.enum(kinds), label: z.string().trim().min(1, 'name the item').max(40), amount: z.bigint().positive('must be positive') })
    .transform((value) => ({ kind: value.kind, label: value.label, amountFen: value.amount }));
const prepareInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  period: z.string().regex(PERIOD_PATTERN, 'is a month YYYY-MM'),
  cycle: z.enum(['MONTH', 'FIRST_HALF', 'SECOND_HALF']).default('MONTH'),
  employerUscc: z.string().trim().toUpperCase().length(18, 'is an 18-character USCC').nullish(),
  workerIds: z.array(z.string().uuid('is not a worker id')).max(5000).nullish(),
  adjustments: z
    .array(
      z.object({
        workerId: z.string().uuid('is not a worker id'),
        additions: z.array(item(['OVERTIME', 'ALLOWANCE', 'BONUS', 'OTHER'])).default([]),
        deductions: z.array(item(['SOCIAL_INSURANCE', 'INCOME_TAX', 'OTHER'])).default([]),
      }),
    )
    .default([]),
});

/** Workers of this employer who worked in the cycle, or exactly the listed ones (then every problem counts). */
function workersForSheet(verified: readonly VerifiedWorker[], employerUscc: string, listed: boolean): VerifiedWorker[] {
  if (!listed) return verified.filter((worker) => worker.employerUscc === employerUscc && worker.days > 0);
  return verified.map((worker) =>
    worker.enrolled && worker.employerUscc !== employerUscc ? { ...worker, problems: [...worker.problems, 'OTHER_EMPLOYER'] } : worker,
  );
}

async function answerOwnLine(ctx: PayrollContext, lineId: string, answer: { confirm: true } | { confirm: false; reason: string }) {
  const principal = requireKind(ctx.principal, 'WORKER');
  return ctx.db.$transaction(async (tx) => {
    const line = await tx.wageLine.findUnique({ where: { id: requireUuid(lineId, 'lineId') } });
    if (!line || line.workerId !== principal.subject) throw notFound('WAGE_LINE_NOT_FOUND', 'You have no wage line with this id.', 'lineId');
    const sheet = await lockSheet(tx, line.sheetId);
    const answered = answerLine(sheet, line, answer, ctx.clock.now());
    return tx.wageLine.update({
      where: { id: line.id },
      data: { confirmedAt: answered.confirmedAt, disputedAt: answered.disputedAt, disputeReason: answer.confirm ? null : answer.reason.trim() },
    });
  });
}

export const wageSheetMutations = {
  prepareWageSheet: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE'), SCOPES.wagesPrepare);
    const input = parseInput(prepareInput, args.input);
    const project = await ctx.db.payrollProject.findUnique({ where: { projectId: input.projectId } });
    if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id (payroll learns projects from enterprise).', 'projectId');
    const employerUscc = input.employerUscc ?? principal.enterpriseUscc!;
    if (principal.enterpriseUscc !== employerUscc && principal.enterpriseUscc !== project.generalContractorUscc) {
      throw forbidden('An enterprise prepares sheets for its own workers; the general contractor may prepare them for its subcontractors.');
    }
    const cycle = payCycle(input.period, input.cycle);
    const tables = await payTables(ctx.db, project.regionCode, cycle.lastDay);
    if (!tables.minimumWage)
      throw new AppError(
        'MINIMUM_WAGE_NOT_CONFIGURED',
        `No minimum wage is configured for region ${project.regionCode} on ${cycle.lastDay}; ask the HRSS bureau to enter it.`,
        'projectId',
      );
    const listed = Boolean(input.workerIds?.length);
    const candidates = workersForSheet(await ctx.verifyWorkers(project.projectId, cycle, input.workerIds ?? []), employerUscc, listed);
    const adjustments = new Map(input.adjustments.map((adjustment) => [adjustment.workerId, adjustment]));
    const now = ctx.clock.now();
    const sheet = await ctx.db.$transaction(
      async (tx) => {
        // Identity was asked before the lock; which days are already paid is read, and the sheet written, under it.
        await lockProjectSheets(tx, project.projectId);
        if (await liveSheetExists(tx, { projectId: project.projectId, employerUscc, period: cycle.period, cycleKind: cycle.kind })) {
          throw conflict(
            'WAGE_SHEET_EXISTS',
            `${employerUscc} already has a ${input.cycle.toLowerCase()} sheet for ${input.period} on this project; return it to prepare it again.`,
            'period',
          );
        }
        const onLiveSheets = await linesOnLiveSheets(
          tx,
          project.projectId,
          cycle.period,
          candidates.map((worker) => worker.workerId),
        );
        const chosen = workersNotYetPaid(candidates, cycle, onLiveSheets, listed);
        const lines = chosen.workers.map((worker) =>
          computeLine(worker, {
            cycle,
            minimumWage: tables.minimumWage,
            guidelineP10Fen: tables.guidelineP10.get(worker.tradeCode) ?? null,
            policy: ctx.payPolicy,
            additions: (adjustments.get(worker.workerId)?.additions ?? []) as Array<PayItem<AdditionKind>>,
            deductions: (adjustments.get(worker.workerId)?.deductions ?? []) as Array<PayItem<DeductionKind>>,
            otherHalf: chosen.otherHalf.get(worker.workerId) ?? null,
          }),
        );
        const prepared = prepareSheet(
          { ...project, employerUscc, cycle, dueOn: wagesDueOn(cycle, ctx.warnings.dueDaysAfterCycle) },
          lines,
          principal.subject,
          now,
        );
        await insertSheet(tx, ctx.pii, prepared, lines);
        await ctx.warnings.judge(tx, project.projectId, now);
        return prepared;
      },
      { timeout: 60_000 },
    );
    ctx.nudgeOutbox();
    return sheet;
  },

  confirmWageLine: (_, args, ctx) => answerOwnLine(ctx, args.lineId, { confirm: true }),

  disputeWageLine: (_, args, ctx) => answerOwnLine(ctx, args.lineId, { confirm: false, reason: args.reason }),

  reviewWageSheet: async (_, args, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const sheet = await lockSheet(tx, args.sheetId);
      const principal = requireGeneralContractor(ctx, sheet.generalContractorUscc, SCOPES.wagesReview);
      const reviewed = reviewSheet(sheet, await lineStates(tx, sheet.id), principal.subject, ctx.clock.now());
      await saveSheet(tx, reviewed);
      return reviewed;
    }),

  approveWageSheet: async (_, args, ctx) => {
    const approved = await ctx.db.$transaction(
      async (tx) => {
        const sheet = await lockSheet(tx, args.sheetId);
        const principal = requireGeneralContractor(ctx, sheet.generalContractorUscc, SCOPES.wagesApprove);
        const now = ctx.clock.now();
        const result = approveSheet(sheet, principal.subject, now);
        // Approval changes no warning metric (payments do, when the banks report them).
        await approveAndDisburse(tx, ctx.pii, result, now);
        return result;
      },
      { timeout: 120_000 },
    );
    ctx.nudgeOutbox();
    return approved;
  },

  /** The general contractor sends failed payments again after the workers' cards are fixed. */
  reissueFailedPayments: async (_, args, ctx) => {
    const sheet = await ctx.db.$transaction(async (tx) => {
      const locked = await lockSheet(tx, args.sheetId);
      requireGeneralContractor(ctx, locked.generalContractorUscc, SCOPES.wagesApprove);
      await reissueFailed(tx, ctx.pii, locked, ctx.clock.now());
      return locked;
    });
    ctx.nudgeOutbox();
    return sheet;
  },

  returnWageSheet: async (_, args, ctx) => {
    const returned = await ctx.db.$transaction(async (tx) => {
      const sheet = await lockSheet(tx, args.sheetId);
      const principal = requireKind(ctx.principal, 'ENTERPRISE');
      if (!principal.scopes.has(SCOPES.wagesReview) && !principal.scopes.has(SCOPES.wagesApprove))
        throw forbidden('Returning a sheet needs wages:review or wages:approve.');
      requireGeneralContractor(ctx, sheet.generalContractorUscc, principal.scopes.has(SCOPES.wagesReview) ? SCOPES.wagesReview : SCOPES.wagesApprove);
      const now = ctx.clock.now();
      const result = returnSheet(sheet, principal.subject, args.reason, now);
      await saveSheet(tx, result);
      await ctx.warnings.judge(tx, sheet.projectId, now);
      return result;
    });
    ctx.nudgeOutbox();
    return returned;
  },
} satisfies MutationResolvers;
