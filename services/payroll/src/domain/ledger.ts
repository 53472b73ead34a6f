/**
 * The project's double-entry ledger, in fen. Every movement is one transfer that debits one
 * account and credits another by the same positive amount, so the accounts always sum to zero;
 * each names its cause (a funding receipt, a batch reservation, a line payment or reversal),
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
} as const;

export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[keyof typeof LEDGER_ACCOUNTS];

/** Accounts that hold money and can never go below zero. */
export const NON_NEGATIVE_ACCOUNTS: readonly LedgerAccount[] = [LEDGER_ACCOUNTS.wageAccount, LEDGER_ACCOUNTS.paymentsInFlight];

export type TransferCause = 'FUNDING' | 'RESERVATION' | 'PAYMENT' | 'REVERSAL';

export interface Transfer {
  projectId: string;
  debit: LedgerAccount;
  credit: LedgerAccount;
  amountFen: bigint;
  cause: TransferCause;
  causeId: string;
  at: Date;
}

export function transfer(projectId: string, debit: LedgerAccount, credit: LedgerAccount, amountFen: bigint, cause: TransferCause, causeId: string, at: Date): Transfer {
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
