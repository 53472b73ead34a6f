import { TOPICS } from './topics';

/**
 * The banks connected to the system (接入银行). Each has a payment-instruction topic of its own, a
 * Kafka user that reads only that topic, and a gRPC client certificate naming its code. Connecting a
 * bank is adding it here: a reviewed change, from which infra, the Strimzi users and the ACLs follow.
 */
export const CONNECTED_BANKS = {
  ABC: '中国农业银行',
  CCB: '中国建设银行',
  ICBC: '中国工商银行',
} as const;

export type BankCode = keyof typeof CONNECTED_BANKS;

export function isConnectedBank(code: string): code is BankCode {
  return Object.hasOwn(CONNECTED_BANKS, code);
}

export const BANK_CODES: readonly BankCode[] = Object.keys(CONNECTED_BANKS).filter(isConnectedBank).sort();

/** Where payroll writes the payment instructions for one bank's cards: that bank alone reads it. */
export function disbursementTopic(bankCode: BankCode): string {
  return `${TOPICS.payrollDisbursements}.${bankCode.toLowerCase()}`;
}

/** The Kafka user (SASL/SCRAM) and consumer-group prefix of one bank. */
export function bankKafkaUser(bankCode: BankCode): string {
  return `bank-${bankCode.toLowerCase()}`;
}
