import { randomUUID } from 'node:crypto';
import { createEvent, wageAccountOpenedV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, chinaDay, instantPlusDays, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { balanceReturned, type Transfer } from './ledger';

export const PAYROLL_SOURCE = '/yikatong/payroll';

/** opening → active → closing (public notice) → closed; one account per project at a time. */
export type WageAccountStatus = 'OPENING' | 'ACTIVE' | 'CLOSING' | 'CLOSED';

/** The dedicated wage account (工资专用账户) of one project, held at one bank. */
export interface WageAccount {
  id: string;
  projectId: string;
  generalContractorUscc: string;
  bankCode: string;
  bankName: string;
  accountNumber: string | null;
  status: WageAccountStatus;
  requestedAt: Date;
  openedAt: Date | null;
  /** End of the 30-day public notice before closing. */
  noticeUntil: Date | null;
  closedAt: Date | null;
}

export interface ClosingPolicy {
  noticeDays: number;
}

const fail = (code: string, message: string, field?: string) => new AppError(code, message, field);

/** The general contractor asks a bank to open the project's account. */
export function requestAccount(
  project: { projectId: string; generalContractorUscc: string; stage: string },
  current: WageAccount | null,
  bank: { bankCode: string; bankName: string },
  at: Date,
): WageAccount {
  if (current && current.status !== 'CLOSED') {
    throw fail(
      'WAGE_ACCOUNT_EXISTS',
      `The project already has a dedicated wage account (${current.status.toLowerCase()}) at ${current.bankName}.`,
      'projectId',
    );
  }
  if (project.stage === 'COMPLETED' || project.stage === 'CLOSED')
    throw fail('PROJECT_FINISHED', `The project is ${project.stage.toLowerCase()}.`, 'projectId');
  if (!/^[A-Z0-9]{2,12}$/.test(bank.bankCode)) throw fail('INVALID_BANK_CODE', 'The bank code has 2 to 12 capital letters or digits, e.g. CCB.', 'bankCode');
  if (bank.bankName.trim().length < 2) throw fail('INVALID_BANK_NAME', 'Name the bank branch.', 'bankName');
  return {
    id: randomUUID(),
    projectId: project.projectId,
    generalContractorUscc: project.generalContractorUscc,
    bankCode: bank.bankCode,
    bankName: bank.bankName.trim(),
    accountNumber: null,
    status: 'OPENING',
    requestedAt: at,
    openedAt: null,
    noticeUntil: null,
    closedAt: null,
  };
}

/** The bank confirms the account number: the account is active and the permit precondition met. */
export function confirmOpened(account: WageAccount, accountNumber: string, at: Date): { account: WageAccount; events: OutgoingEvent[] } {
  if (account.status !== 'OPENING')
    throw fail('WAGE_ACCOUNT_NOT_OPENING', `The account is ${account.status.toLowerCase()}, not waiting to be opened.`, 'accountId');
  if (!/^\d{10,30}$/.test(accountNumber)) throw fail('INVALID_ACCOUNT_NUMBER', 'The account number has 10 to 30 digits.', 'accountNumber');
  const opened: WageAccount = { ...account, accountNumber, status: 'ACTIVE', openedAt: at };
  const event = createEvent(
    wageAccountOpenedV1,
    PAYROLL_SOURCE,
    account.projectId,
    {
      accountId: account.id,
      projectId: account.projectId,
      generalContractorUscc: account.generalContractorUscc,
      bankName: account.bankName,
      openedAt: at.toISOString(),
    },
    at,
  );
  return { account: opened, events: [outgoing(wageAccountOpenedV1, event as CloudEvent)] };
}

/** Closing starts a public notice, and only when no arrears are open on the project. */
export function startClosing(account: WageAccount, openArrears: number, policy: ClosingPolicy, at: Date): WageAccount {
  if (account.status !== 'ACTIVE') throw fail('WAGE_ACCOUNT_NOT_ACTIVE', `The account is ${account.status.toLowerCase()}.`, 'accountId');
  if (openArrears > 0)
    throw fail('ARREARS_OPEN', `${openArrears} arrears warning(s) on the project are open; the account cannot close while wages are owed.`, 'accountId');
  return { ...account, status: 'CLOSING', noticeUntil: instantPlusDays(at, policy.noticeDays) };
}

/**
 * Closes the account after its notice. The money left in it is the general contractor's once no
 * wages are owed (《保障农民工工资支付条例》: 账户内余额归施工总承包单位所有): one ledger transfer
 * hands it over, so nothing stays stranded in a closed account.
 */
export function close(account: WageAccount, openArrears: number, balanceFen: bigint, at: Date): { account: WageAccount; transfers: Transfer[] } {
  if (account.status !== 'CLOSING') throw fail('WAGE_ACCOUNT_NOT_CLOSING', 'Start the closing notice first.', 'accountId');
  if (at < account.noticeUntil!) throw fail('NOTICE_PERIOD_RUNNING', `The public notice runs until ${chinaDay(account.noticeUntil!)}.`, 'accountId');
  if (openArrears > 0) throw fail('ARREARS_OPEN', `${openArrears} arrears warning(s) were raised during the notice; settle them before closing.`, 'accountId');
  return {
    account: { ...account, status: 'CLOSED', closedAt: at },
    transfers: balanceFen > 0n ? [balanceReturned(account.projectId, account.id, balanceFen, at)] : [],
  };
}
