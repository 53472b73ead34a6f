import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { conflict, dayOf, forbidden, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import { applyReceipt, scheduleInstalments } from '../domain/funding';
import { fundingReceived } from '../domain/ledger';
import { findInstalments, saveInstalments } from '../store/funding';
import { recordTransfers } from '../store/ledger';
import type { MutationResolvers } from '../generated/resolvers';

const scheduleInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  instalments: z.array(z.object({ dueOn: z.date(), amount: z.bigint() })).min(1, 'give at least one instalment'),
});
const receiptInput = z.object({
  accountId: z.string().uuid('is not an account id'),
  amount: z.bigint().positive('must be positive'),
  bankReference: z.string().trim().min(4, 'is the bank voucher number').max(64),
  receivedAt: z.date().nullish(),
});

export const fundingMutations = {
  /** The general contractor (wages:approve) or a portal of the region (project:register) sets the client's instalments. */
  scheduleFunding: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL');
    const input = parseInput(scheduleInput, args.input);
    const instalments = await ctx.db.$transaction(async (tx) => {
      const project = await tx.payrollProject.findUnique({ where: { projectId: input.projectId } });
      if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id (payroll learns projects from enterprise).', 'projectId');
      if (principal.kind === 'PORTAL') requireRegion(requireScope(principal, SCOPES.projectRegister), project.regionCode);
      else if (requireScope(principal, SCOPES.wagesApprove).enterpriseUscc !== project.generalContractorUscc)
        throw forbidden("Only the general contractor schedules the project's funding.");
      await tx.$executeRawUnsafe('SELECT 1 FROM payroll_project WHERE project_id = $1::uuid FOR UPDATE', project.projectId);
      const added = scheduleInstalments(
        project.projectId,
        await findInstalments(tx, project.projectId),
        input.instalments.map((entry) => ({ dueOn: dayOf(entry.dueOn), amountFen: entry.amount })),
      );
      await saveInstalments(tx, added);
      await ctx.warnings.judge(tx, project.projectId, ctx.clock.now());
      return findInstalments(tx, project.projectId);
    });
    ctx.nudgeOutbox();
    return instalments;
  },

  /** The bank holding the account reports money received; the oldest instalments are paid first. */
  recordFundingReceived: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'BANK');
    const input = parseInput(receiptInput, args.input);
    const receipt = await ctx.db.$transaction(async (tx) => {
      // Locked, so money is never received into an account being closed (closing hands its balance over).
      await tx.$executeRawUnsafe('SELECT 1 FROM wage_account WHERE id = $1::uuid FOR UPDATE', input.accountId);
      const account = await tx.wageAccount.findUnique({ where: { id: input.accountId } });
      if (!account || account.bankCode !== principal.bankCode)
        throw notFound('WAGE_ACCOUNT_NOT_FOUND', 'Your bank holds no wage account with this id.', 'accountId');
      if (account.status !== 'ACTIVE' && account.status !== 'CLOSING')
        throw conflict('WAGE_ACCOUNT_NOT_ACTIVE', `The account is ${account.status.toLowerCase()}.`, 'accountId');
      await tx.$executeRawUnsafe('SELECT 1 FROM payroll_project WHERE project_id = $1::uuid FOR UPDATE', account.projectId);
      const earlier = await tx.fundingReceipt.findUnique({ where: { accountId_bankReference: { accountId: account.id, bankReference: input.bankReference } } });
      if (earlier) {
        if (earlier.amountFen !== input.amount)
          throw conflict('RECEIPT_REFERENCE_REUSED', `Voucher ${input.bankReference} was recorded with a different amount.`, 'bankReference');
        return earlier;
      }
      const now = ctx.clock.now();
      const recorded = await tx.fundingReceipt.create({
        data: {
          id: randomUUID(),
          accountId: account.id,
          projectId: account.projectId,
          amountFen: input.amount,
          bankReference: input.bankReference,
          receivedAt: input.receivedAt ?? now,
          recordedBy: principal.subject,
        },
      });
      await recordTransfers(tx, [fundingReceived(account.projectId, recorded.id, input.amount, recorded.receivedAt)]);
      await saveInstalments(tx, applyReceipt(await findInstalments(tx, account.projectId), input.amount));
      await ctx.warnings.judge(tx, account.projectId, now);
      return recorded;
    });
    ctx.nudgeOutbox();
    return receipt;
  },
} satisfies MutationResolvers;
