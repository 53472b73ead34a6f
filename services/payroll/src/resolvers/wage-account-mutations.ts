import { z } from 'zod';
import { BANK_CODES, isConnectedBank } from '@yikatong/contracts';
import { conflict, forbidden, isUuid, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import { close, confirmOpened, requestAccount, startClosing } from '../domain/wage-account';
import { LEDGER_ACCOUNTS } from '../domain/ledger';
import { yuan } from '../domain/money';
import { assertNoNegativeBalance, projectBalances, recordTransfers } from '../store/ledger';
import type { PayrollTx } from '../db';
import { currentAccount, findAccounts, saveAccount } from '../store/wage-accounts';
import type { MutationResolvers } from '../generated/resolvers';

const requestInput = z.object({
  projectId: z.string().uuid('is not a project id'),
  bankCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isConnectedBank, `is not a bank connected to the system (${BANK_CODES.join(', ')})`),
  bankName: z.string(),
});
const confirmInput = z.object({ accountId: z.string().uuid('is not an account id'), accountNumber: z.string().trim() });

const CLOSING_NOTICE_DAYS = 30;

/**
 * Closing steps are taken by the general contractor (wages:approve) or a portal of the region
 * (project:register), on a locked account, and never while arrears are open or payments in flight.
 * Closing hands the balance left to the general contractor in the same transaction; the locked
 * account row keeps payments (which lock it too) and receipts from moving money meanwhile.
 */
async function changeClosing(ctx: PayrollContext, accountId: string, step: 'start' | 'close') {
  const principal = requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL');
  if (!isUuid(accountId)) throw notFound('WAGE_ACCOUNT_NOT_FOUND', 'No wage account has this id.', 'accountId');
  return ctx.db.$transaction(async (tx: PayrollTx) => {
    await tx.$executeRawUnsafe('SELECT 1 FROM wage_account WHERE id = $1::uuid FOR UPDATE', accountId);
    const [account] = await findAccounts(tx, { id: accountId });
    const project = account && (await tx.payrollProject.findUnique({ where: { projectId: account.projectId } }));
    if (!account || !project) throw notFound('WAGE_ACCOUNT_NOT_FOUND', 'No wage account has this id.', 'accountId');
    if (principal.kind === 'PORTAL') requireRegion(requireScope(principal, SCOPES.projectRegister), project.regionCode);
    else if (requireScope(principal, SCOPES.wagesApprove).enterpriseUscc !== account.generalContractorUscc)
      throw forbidden('Only the general contractor closes its wage account.');
    const balances = (await projectBalances(tx, [account.projectId])).get(account.projectId)!;
    const inFlight = balances.get(LEDGER_ACCOUNTS.paymentsInFlight)!;
    if (inFlight > 0n) throw conflict('PAYMENTS_IN_FLIGHT', `${yuan(inFlight)} of wages are still with the banks; wait for their reports.`, 'accountId');
    const openArrears = await tx.arrearsWarning.count({ where: { projectId: account.projectId, status: 'OPEN' } });
    const now = ctx.clock.now();
    if (step === 'start') {
      const closing = startClosing(account, openArrears, { noticeDays: CLOSING_NOTICE_DAYS }, now);
      await saveAccount(tx, closing, []);
      return closing;
    }
    const closed = close(account, openArrears, balances.get(LEDGER_ACCOUNTS.wageAccount)!, now);
    await saveAccount(tx, closed.account, []);
    await recordTransfers(tx, closed.transfers);
    await assertNoNegativeBalance(tx, [account.projectId]);
    return closed.account;
  });
}

export const wageAccountMutations = {
  /** The general contractor (project:register) or a portal of the project's region asks a bank to open the account. */
  requestWageAccount: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL'), SCOPES.projectRegister);
    const input = parseInput(requestInput, args.input);
    try {
      return await ctx.db.$transaction(async (tx) => {
        const project = await tx.payrollProject.findUnique({ where: { projectId: input.projectId } });
        if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id (payroll learns projects from enterprise).', 'projectId');
        if (principal.kind === 'PORTAL') requireRegion(principal, project.regionCode);
        else if (principal.enterpriseUscc !== project.generalContractorUscc) throw forbidden("Only the general contractor opens the project's wage account.");
        const account = requestAccount(project, await currentAccount(tx, project.projectId), input, ctx.clock.now());
        await saveAccount(tx, account, []);
        return account;
      });
    } catch (error) {
      // The partial unique index decides when two requests race.
      if ((error as { code?: string }).code === 'P2002')
        throw conflict('WAGE_ACCOUNT_EXISTS', 'The project already has a dedicated wage account.', 'projectId');
      throw error;
    }
  },

  /** Starts the 30-day public notice (公示) before the account closes; refused with open arrears. */
  startWageAccountClosing: (_, args, ctx) => changeClosing(ctx, args.accountId, 'start'),

  /** Closes the account once its notice has run, if no arrears were raised meanwhile. */
  closeWageAccount: (_, args, ctx) => changeClosing(ctx, args.accountId, 'close'),

  /** The bank that holds the account confirms its number; the account is active and announced. */
  confirmWageAccountOpened: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'BANK');
    const input = parseInput(confirmInput, args.input);
    const opened = await ctx.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT 1 FROM wage_account WHERE id = $1::uuid FOR UPDATE', input.accountId);
      const [account] = await findAccounts(tx, { id: input.accountId });
      if (!account) throw notFound('WAGE_ACCOUNT_NOT_FOUND', 'No wage account has this id.', 'accountId');
      if (account.bankCode !== principal.bankCode) throw forbidden('Only the bank that holds the account confirms it.');
      const result = confirmOpened(account, input.accountNumber, ctx.clock.now());
      await saveAccount(tx, result.account, result.events);
      return result.account;
    });
    ctx.nudgeOutbox();
    return opened;
  },
} satisfies MutationResolvers;
