import { z } from 'zod';
import { conflict, dayOf, forbidden, notFound, parseInput, requireKind, requireRegion, requireScope, requireUuid, SCOPES } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { PayrollTx } from '../db';
import { DEFAULT_DEPOSIT_DEADLINES, placeDeposit, requestRelease, reviewRelease, startDrawdown, topUp } from '../domain/deposit';
import { assessDeposit } from '../domain/deposit-rate';
import { depositPolicy, holidayCalendar, lockLiveDeposit, saveDeposit, saveDrawdown } from '../store/deposits';
import { drawdownPaid } from '../domain/ledger';
import { assertNoNegativeBalance, recordTransfers } from '../store/ledger';
import type { MutationResolvers } from '../generated/resolvers';

const placeInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  form: z.enum(['CASH', 'BANK_GUARANTEE', 'EXEMPT']),
  amount: z.bigint().nonnegative().default(0n),
  guaranteeNumber: z.string().trim().max(64).nullish(),
  guaranteeValidUntil: z.date().nullish(),
});
const drawdownInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  amount: z.bigint().positive('must be positive'),
  orderReference: z.string().trim().min(4, 'is the reference of the ignored order to pay').max(64),
  workers: z.array(z.object({ workerId: z.string().uuid('is not a worker id'), amount: z.bigint() })).default([]),
});

async function projectOf(tx: PayrollTx, projectId: string) {
  const project = await tx.payrollProject.findUnique({ where: { projectId: requireUuid(projectId, 'projectId') } });
  if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id (payroll learns projects from enterprise).', 'projectId');
  return project;
}

/** The deposit due for a project: the province's policy applied to enterprise's record of the contractor. */
export async function assessProject(
  ctx: PayrollContext,
  tx: PayrollTx,
  project: { projectId: string; regionCode: string; generalContractorUscc: string; contractValueFen: bigint | null },
) {
  if (project.contractValueFen === null)
    throw conflict('CONTRACT_VALUE_UNKNOWN', 'Payroll has not learned the contract value from enterprise yet.', 'projectId');
  const history = await ctx.depositRateInputs(project.generalContractorUscc);
  const activeAccount = await tx.wageAccount.count({ where: { projectId: project.projectId, status: 'ACTIVE' } });
  return assessDeposit(
    project.contractValueFen,
    { ...history, compliantRealNameAndWageAccount: activeAccount > 0 },
    await depositPolicy(tx, project.regionCode),
  );
}

function requireContractor(ctx: PayrollContext, generalContractorUscc: string) {
  const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE'), SCOPES.wagesApprove);
  if (principal.enterpriseUscc !== generalContractorUscc) throw forbidden("Only the project's general contractor does this.");
  return principal;
}

function requireDepositDepartment(ctx: PayrollContext, regionCode: string) {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.depositManage);
  requireRegion(principal, regionCode);
  return principal;
}

/** Deposit writes: one transaction each, the deposit row locked, the outbox written with it. */
async function inTransaction<T>(ctx: PayrollContext, work: (tx: PayrollTx) => Promise<T>): Promise<T> {
  const result = await ctx.db.$transaction(work);
  ctx.nudgeOutbox();
  return result;
}

export const depositMutations = {
  /** The general contractor places the deposit (cash or guarantee) or records the exemption; announced to enterprise for the permit. */
  placeDeposit: (_, args, ctx) => {
    const input = parseInput(placeInput, args.input);
    return inTransaction(ctx, async (tx) => {
      const project = await projectOf(tx, input.projectId);
      requireContractor(ctx, project.generalContractorUscc);
      const assessment = await assessProject(ctx, tx, project);
      const { deposit, events, transfers } = placeDeposit(
        project,
        await lockLiveDeposit(tx, project.projectId),
        assessment,
        {
          form: input.form,
          amountFen: input.amount,
          guaranteeNumber: input.guaranteeNumber ?? null,
          guaranteeValidUntil: input.guaranteeValidUntil ? dayOf(input.guaranteeValidUntil) : null,
        },
        ctx.clock.now(),
      );
      await saveDeposit(tx, deposit, events, transfers);
      return deposit;
    });
  },

  /** After an order to pay was ignored, the department draws on the deposit; the bank pays the named workers. */
  startDepositDrawdown: (_, args, ctx) => {
    const input = parseInput(drawdownInput, args.input);
    return inTransaction(ctx, async (tx) => {
      const project = await projectOf(tx, input.projectId);
      requireDepositDepartment(ctx, project.regionCode);
      const deposit = await lockLiveDeposit(tx, project.projectId);
      if (!deposit) throw notFound('DEPOSIT_NOT_FOUND', 'The project has no deposit.', 'projectId');
      const now = ctx.clock.now();
      const payees = input.workers.map((worker) => ({ workerId: worker.workerId, amountFen: worker.amount }));
      const result = startDrawdown(
        deposit,
        input.amount,
        `order:${input.orderReference}`,
        payees,
        await holidayCalendar(tx, now),
        DEFAULT_DEPOSIT_DEADLINES,
        now,
      );
      await saveDeposit(tx, result.deposit, result.events, result.transfers);
      await saveDrawdown(tx, result.drawdown);
      return result.drawdown;
    });
  },

  /** The bank holding the project's wage account reports the drawdown paid to the workers. */
  confirmDepositDrawdownPaid: (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'BANK');
    return inTransaction(ctx, async (tx) => {
      const drawdown = await tx.depositDrawdown.findUnique({ where: { id: requireUuid(args.drawdownId, 'drawdownId') } });
      const bank = drawdown && (await tx.wageAccount.findFirst({ where: { projectId: drawdown.projectId, bankCode: principal.bankCode } }));
      if (!drawdown || !bank) throw notFound('DRAWDOWN_NOT_FOUND', 'Your bank has no drawdown with this id.', 'drawdownId');
      if (drawdown.status === 'PAID') return drawdown;
      if (args.bankReference.trim().length < 4) throw conflict('BANK_REFERENCE_REQUIRED', 'Give the bank voucher number.', 'bankReference');
      const now = ctx.clock.now();
      await recordTransfers(tx, [drawdownPaid(drawdown.projectId, drawdown.id, drawdown.amountFen, now)]);
      await assertNoNegativeBalance(tx, [drawdown.projectId]);
      return tx.depositDrawdown.update({ where: { id: drawdown.id }, data: { status: 'PAID', paidAt: now, bankReference: args.bankReference.trim() } });
    });
  },

  /** The bank records the contractor's top-up after a drawdown; the same voucher twice records it once. */
  recordDepositTopUp: (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'BANK');
    return inTransaction(ctx, async (tx) => {
      const deposit = await lockLiveDeposit(tx, requireUuid(args.projectId, 'projectId'));
      const bank = deposit && (await tx.wageAccount.findFirst({ where: { projectId: deposit.projectId, bankCode: principal.bankCode } }));
      if (!deposit || !bank) throw notFound('DEPOSIT_NOT_FOUND', 'Your bank holds no deposit for this project.', 'projectId');
      if (args.bankReference.trim().length < 4) throw conflict('BANK_REFERENCE_REQUIRED', 'Give the bank voucher number.', 'bankReference');
      const topUpId = `${deposit.id}:${args.bankReference.trim()}`;
      if (await tx.ledgerTransfer.findUnique({ where: { cause_causeId: { cause: 'TOP_UP', causeId: topUpId } } })) return deposit;
      const topped = topUp(deposit, args.amount, topUpId, ctx.clock.now());
      await saveDeposit(tx, topped.deposit, [], topped.transfers);
      return topped.deposit;
    });
  },

  /** After completion, the general contractor pledges no wages are owed and asks for the deposit back: a 30-day notice starts. */
  requestDepositRelease: (_, args, ctx) =>
    inTransaction(ctx, async (tx) => {
      const project = await projectOf(tx, args.projectId);
      requireContractor(ctx, project.generalContractorUscc);
      const deposit = await lockLiveDeposit(tx, project.projectId);
      if (!deposit) throw notFound('DEPOSIT_NOT_FOUND', 'The project has no deposit.', 'projectId');
      const now = ctx.clock.now();
      const requested = requestRelease(deposit, project.stage, args.pledge, await holidayCalendar(tx, now), DEFAULT_DEPOSIT_DEADLINES, now);
      await saveDeposit(tx, requested);
      return requested;
    }),

  /** The department reviews the release after the notice (approve, or keep the deposit). */
  reviewDepositRelease: (_, args, ctx) =>
    inTransaction(ctx, async (tx) => {
      const project = await projectOf(tx, args.projectId);
      const principal = requireDepositDepartment(ctx, project.regionCode);
      const deposit = await lockLiveDeposit(tx, project.projectId);
      if (!deposit) throw notFound('DEPOSIT_NOT_FOUND', 'The project has no deposit.', 'projectId');
      const now = ctx.clock.now();
      const openArrears = await tx.arrearsWarning.count({ where: { projectId: project.projectId, status: 'OPEN' } });
      const reviewed = reviewRelease(deposit, args.approve, principal.subject, openArrears, await holidayCalendar(tx, now), DEFAULT_DEPOSIT_DEADLINES, now);
      await saveDeposit(tx, reviewed.deposit, [], reviewed.transfers);
      return reviewed.deposit;
    }),
} satisfies MutationResolvers;
