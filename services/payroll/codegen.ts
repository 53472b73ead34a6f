import { resolverTypes } from '../../scripts/resolver-codegen';

export default resolverTypes({
  serviceDir: __dirname,
  context: '../context#PayrollContext',
  mappers: {
    Deposit: '../domain/deposit#Deposit',
    DepositDrawdown: '../resolvers/deposit#DrawdownParent',
    FundingInstalment: '../domain/funding#Instalment',
    Payment: './prisma/models/DisbursementLine#DisbursementLineModel',
    ProjectLedger: '../resolvers/ledger#ProjectLedgerParent',
  },
  // Built by the resolvers in the schema's own shape.
  shapedBySchema: ['MinimumWage'],
});
