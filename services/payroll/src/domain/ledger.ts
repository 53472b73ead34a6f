/**
 * The project's double-entry ledger, in fen. Every movement is one transfer that debits one
 * account and credits another by the same positive amount, so the accounts always sum to zero;
 * each names its cause (a funding receipt, a batch reservation, a line payment or reversal, the balance returned at closing),
 * and a cause moves money once. Balances are derived from the transfers.
 */
export const LEDGER_ACCOUNTS = {
  /** The client's money paid in (credit side: its balance is minus the total funded). */
  clientFunding: 'CLIENT_FUNDING',
  /** Money in the dedicated wage account, free to pay wages. */
  wageAccount: 'WAGE_ACCOUNT',
  /** Reserved for disbursement lines the banks have not reported yet. */
  paymentsInFlight: 'PAYMENTS_IN_FLIGHT',
  /** Wages paid to workers' cards. */
  workersPaid: 'WORKERS_PAID',
  /** The contractor's money given as a cash deposit (credit side). */
  contractorDeposit: 'CONTRACTOR_DEPOSIT',
  /** A cash deposit held for the workers. */
  depositHeld: 'DEPOSIT_HELD',
  /** What the bank behind a guarantee pays when it is called (credit side). */
  guarantor: 'GUARANTOR',
  /** Drawn from the deposit, not yet reported paid to the workers by the bank. */
  drawdownsInFlight: 'DRAWDOWNS_IN_FLIGHT',
  /** What was left in the wage account when it closed, handed to the general contractor, whose it is then (《保障农民工工资支付条例》). */
  balanceReturned: 'BALANCE_RETURNED',
} as const;

export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[keyof typeof LEDGER_ACCOUNTS];

/** Accounts that hold money and can never go below zero. */
export const NON_NEGATIVE_ACCOUNTS: readonly LedgerAccount[] = [
  LEDGER_ACCOUNTS.wageAccount,
  LEDGER_ACCOUNTS.paymentsInFlight,
  LEDGER_ACCOUNTS.depositHeld,
  LEDGER_ACCOUNTS.drawdownsInFlight,
];

export type TransferCause =
  'FUNDING' | 'RESERVATION' | 'PAYMENT' | 'REVERSAL' | 'DEPOSIT' | 'TOP_UP' | 'DRAWDOWN' | 'DRAWDOWN_PAID' | 'RELEASE' | 'BALANCE_RETURN';

export interface Transfer {
  projectId: string;
  debit: LedgerAccount;
  credit: LedgerAccount;
  amountFen: bigint;
  cause: TransferCause;
  causeId: string;
  at: Date;
}

export function transfer(
  projectId: string,
  debit: LedgerAccount,
  credit: LedgerAccount,
  amountFen: bigint,
  cause: TransferCause,
  causeId: string,
  at: Date,
): Transfer {
  if (amountFen <= 0n) throw new Error(`a transfer moves a positive amount (got ${amountFen})`);
  if (debit === credit) throw new Error('a transfer moves money between two different accounts');
  return { projectId, debit, credit, amountFen, cause, causeId, at };
}

/** Balance per account: debits minus credits. */
export function balances(transfers: ReadonlyArray<Pick<Transfer, 'debit' | 'credit' | 'amountFen'>>): Map<LedgerAccount, bigint> {
  const result = new Map<LedgerAccount, bigint>(Object.values(LEDGER_ACCOUNTS).map((account) => [account, 0n]));
  for (const { debit, credit, amountFen } of transfers) {
    result.set(debit, (result.get(debit) ?? 0n) + amountFen);
    result.set(credit, (result.get(credit) ?? 0n) - amountFen);
  }
  return result;
}

export const fundingReceived = (projectId: string, fundingId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.wageAccount, LEDGER_ACCOUNTS.clientFunding, amountFen, 'FUNDING', fundingId, at);

export const batchReserved = (projectId: string, batchId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.paymentsInFlight, LEDGER_ACCOUNTS.wageAccount, amountFen, 'RESERVATION', batchId, at);

export const linePaid = (projectId: string, lineId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.workersPaid, LEDGER_ACCOUNTS.paymentsInFlight, amountFen, 'PAYMENT', lineId, at);

/** A failed line's money goes back to the wage account, to be paid again once the card is fixed. */
export const lineFailed = (projectId: string, lineId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.wageAccount, LEDGER_ACCOUNTS.paymentsInFlight, amountFen, 'REVERSAL', lineId, at);

/** A cash deposit comes in; a guarantee moves no money until it is called. */
export const depositPlaced = (projectId: string, depositId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.depositHeld, LEDGER_ACCOUNTS.contractorDeposit, amountFen, 'DEPOSIT', depositId, at);

export const depositToppedUp = (projectId: string, topUpId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.depositHeld, LEDGER_ACCOUNTS.contractorDeposit, amountFen, 'TOP_UP', topUpId, at);

/** A drawdown takes the money from the cash deposit, or calls the guarantee. */
export const drawdownStarted = (projectId: string, drawdownId: string, amountFen: bigint, fromGuarantee: boolean, at: Date) =>
  transfer(
    projectId,
    LEDGER_ACCOUNTS.drawdownsInFlight,
    fromGuarantee ? LEDGER_ACCOUNTS.guarantor : LEDGER_ACCOUNTS.depositHeld,
    amountFen,
    'DRAWDOWN',
    drawdownId,
    at,
  );

export const drawdownPaid = (projectId: string, drawdownId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.workersPaid, LEDGER_ACCOUNTS.drawdownsInFlight, amountFen, 'DRAWDOWN_PAID', drawdownId, at);

export const depositReleased = (projectId: string, depositId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.contractorDeposit, LEDGER_ACCOUNTS.depositHeld, amountFen, 'RELEASE', depositId, at);

/** Closing the wage account hands what is left in it to the general contractor; the account's id is the cause, so it happens once. */
export const balanceReturned = (projectId: string, accountId: string, amountFen: bigint, at: Date) =>
  transfer(projectId, LEDGER_ACCOUNTS.balanceReturned, LEDGER_ACCOUNTS.wageAccount, amountFen, 'BALANCE_RETURN', accountId, at);
