import { scalarResolvers } from '@yikatong/platform';
import { ArrearsWarning } from './arrears-warning';
import { Deposit, DepositDrawdown, depositQueries } from './deposit';
import { depositMutations } from './deposit-mutations';
import { fundingMutations } from './funding-mutations';
import { FundingInstalment, FundingReceipt, ProjectLedger } from './ledger';
import { Query } from './query';
import { WageAccount } from './wage-account';
import { wageAccountMutations } from './wage-account-mutations';
import { DisbursementBatch, Payment, WageLine, WageSheet } from './wage-sheet';
import { wageSheetMutations } from './wage-sheet-mutations';
import type { Resolvers } from '../generated/resolvers';

export const resolvers = {
  ...scalarResolvers,
  Query: { ...Query, ...depositQueries },
  Mutation: { ...wageAccountMutations, ...wageSheetMutations, ...fundingMutations, ...depositMutations },
  WageAccount,
  WageSheet,
  WageLine,
  Payment,
  DisbursementBatch,
  ProjectLedger,
  FundingInstalment,
  FundingReceipt,
  ArrearsWarning,
  Deposit,
  DepositDrawdown,
} satisfies Resolvers;
