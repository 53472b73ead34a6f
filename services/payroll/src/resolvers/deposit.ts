import { isUuid, notFound, requirePrincipal, seesRegion, withheldFrom } from '@yikatong/platform';
import { z } from 'zod';
import type { PayrollContext } from '../context';
import type { Drawdown } from '../domain/deposit';
import { assessProject } from './deposit-mutations';
import type { DepositDrawdownResolvers, DepositResolvers, QueryResolvers } from '../generated/resolvers';

/** Portals of the region, the general contractor, the bank holding the wage account and our services. */
async function canSeeDeposit(ctx: PayrollContext, project: { projectId: string; regionCode: string; generalContractorUscc: string }): Promise<boolean> {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'PORTAL') return seesRegion(principal, project.regionCode);
  if (principal.kind === 'ENTERPRISE') return principal.enterpriseUscc === project.generalContractorUscc;
  if (principal.kind === 'BANK') return (await ctx.db.wageAccount.count({ where: { projectId: project.projectId, bankCode: principal.bankCode } })) > 0;
  return principal.kind === 'SERVICE';
}

export const depositQueries = {
  deposit: async (_, args, ctx) => {
    if (!isUuid(args.projectId)) return null;
    const project = await ctx.db.payrollProject.findUnique({ where: { projectId: args.projectId } });
    if (!project || !(await canSeeDeposit(ctx, project))) return null;
    return ctx.db.deposit.findFirst({ where: { projectId: project.projectId }, orderBy: { placedAt: 'desc' } });
  },

  depositAssessment: async (_, args, ctx) => {
    const project = isUuid(args.projectId) ? await ctx.db.payrollProject.findUnique({ where: { projectId: args.projectId } }) : null;
    const principal = requirePrincipal(ctx.principal);
    if (!project || principal.kind === 'BANK' || !(await canSeeDeposit(ctx, project)))
      throw notFound('PROJECT_NOT_FOUND', 'No project you may see has this id.', 'projectId');
    const assessment = await ctx.db.$transaction((tx) => assessProject(ctx, tx, project));
    return { ...assessment, amount: assessment.amountFen };
  },
} satisfies QueryResolvers;

/**
 * The bank holding the account pays drawdowns and releases from the deposit, so it sees the amounts,
 * the guarantee and the drawdowns; the rate and its trace restate the contractor's credit history
 * (listed, arrears, clean years), which paying does not need.
 */
const RATE_NOT_FOR_BANKS =
  "How the deposit was set (its rate and trace, from the contractor's credit history) is not shown to banks; the amounts and drawdowns are.";

export const Deposit = {
  required: (deposit: { requiredFen: bigint }) => deposit.requiredFen,
  held: (deposit: { heldFen: bigint }) => deposit.heldFen,
  rateBp: withheldFrom(['BANK'], RATE_NOT_FOR_BANKS, (deposit: { rateBp: number }) => deposit.rateBp),
  trace: withheldFrom(['BANK'], RATE_NOT_FOR_BANKS, (deposit: { trace: string[] }) => deposit.trace),
  drawdowns: (deposit, _, ctx) => ctx.drawdownsByDeposit.load(deposit.id),
} satisfies DepositResolvers;

/** A drawdown resolves from its row (payees as stored JSON, amounts in fen as strings) or the domain's decision. */
export type DrawdownParent = Omit<Drawdown, 'payees'> & { payees: unknown };
const storedPayees = z.array(z.object({ workerId: z.string(), amountFen: z.union([z.string(), z.bigint()]) }));

export const DepositDrawdown = {
  amount: (drawdown: { amountFen: bigint }) => drawdown.amountFen,
  payees: (drawdown) => storedPayees.parse(drawdown.payees).map((payee) => ({ workerId: payee.workerId, amount: payee.amountFen })),
} satisfies DepositDrawdownResolvers;
