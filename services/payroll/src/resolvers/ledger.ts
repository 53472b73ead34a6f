import { connection, cursorKeys, pageRequest, type PageArgs } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { Instalment } from '../domain/funding';
import type { FundingInstalmentResolvers, FundingReceiptResolvers, ProjectLedgerResolvers } from '../generated/resolvers';

/** A ledger resolves from its project: balances and instalments read up front, transfers paged on demand. */
export interface ProjectLedgerParent {
  projectId: string;
  balances: Array<{ account: string; balance: bigint }>;
  instalments: Instalment[];
}

export const ProjectLedger = {
  /** Oldest first, the order money moved in. */
  transfers: async (ledger: { projectId: string }, args: PageArgs, ctx: PayrollContext) => {
    const { take, after } = pageRequest(args, cursorKeys.serial);
    const rows = await ctx.db.ledgerTransfer.findMany({
      where: { projectId: ledger.projectId, ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(
      rows.map((row) => ({ ...row, amount: row.amountFen })),
      take,
      (row) => row.id.toString(),
    );
  },
} satisfies ProjectLedgerResolvers;

export const FundingInstalment = {
  amount: (instalment: Instalment) => instalment.amountFen,
  paid: (instalment: Instalment) => instalment.paidFen,
  /** Not fully paid after its due day, in China. */
  overdue: (instalment, _, ctx) => instalment.paidFen < instalment.amountFen && instalment.dueOn < ctx.clock.today(),
} satisfies FundingInstalmentResolvers;

export const FundingReceipt = {
  amount: (receipt: { amountFen: bigint }) => receipt.amountFen,
} satisfies FundingReceiptResolvers;
