import { connection, cursorKeys, maskIdNumber, pageRequest, type PageArgs } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import type { WageLine as WageLineRow, DisbursementBatch as BatchRow } from '../generated/prisma/client';

const items = (value: unknown) => (value as Array<{ kind: string; label: string; amountFen: string }>).map((item) => ({ ...item, amount: item.amountFen }));

/** Field resolvers of the sheet, its lines (payslips) and its bank batches. */
export const WageSheet = {
  cycle: (sheet: { cycleKind: string }) => sheet.cycleKind,
  totalGross: (sheet: { totalGrossFen: bigint }) => sheet.totalGrossFen,
  totalNet: (sheet: { totalNetFen: bigint }) => sheet.totalNetFen,
  /** A page of lines in worker order (a city sheet has 100,000, each decrypted to be shown), on the (sheet, worker) index. */
  lines: async (sheet: { id: string }, args: PageArgs, ctx: PayrollContext) => {
    const { take, after } = pageRequest(args, cursorKeys.uuid);
    const rows = await ctx.db.wageLine.findMany({
      where: { sheetId: sheet.id, ...(after ? { workerId: { gt: after } } : {}) },
      orderBy: { workerId: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (line) => line.workerId);
  },
  batches: (sheet: { id: string }, _: unknown, ctx: PayrollContext) => ctx.loaders.batchesBySheet.load(sheet.id),
};

export const WageLine = {
  holderName: (line: WageLineRow, _: unknown, ctx: PayrollContext) => ctx.pii.decrypt(line.holderNameCipher),
  idNumberMasked: (line: WageLineRow, _: unknown, ctx: PayrollContext) => maskIdNumber(ctx.pii.decrypt(line.idNumberCipher)),
  rate: (line: WageLineRow) => line.rateFen,
  basePay: (line: WageLineRow) => line.basePayFen,
  additions: (line: WageLineRow) => items(line.additions),
  deductions: (line: WageLineRow) => items(line.deductions),
  gross: (line: WageLineRow) => line.grossFen,
  totalDeductions: (line: WageLineRow) => line.deductionsFen,
  net: (line: WageLineRow) => line.netFen,
  payment: async (line: WageLineRow, _: unknown, ctx: PayrollContext) => {
    const payments = await ctx.loaders.paymentsByWageLine.load(line.id);
    // A live instruction (pending or paid) wins over failed ones sent before it.
    return payments.find((payment) => payment.status !== 'FAILED') ?? payments.at(-1) ?? null;
  },
};

export const Payment = {
  amount: (payment: { amountFen: bigint }) => payment.amountFen,
};

type LineStatus = 'PAID' | 'FAILED' | 'PENDING';
const statusTotals = async (batch: BatchRow, ctx: PayrollContext, status: LineStatus) =>
  (await ctx.loaders.batchTotals.load(batch.id)).find((row) => row.status === status);
const countOf = (status: LineStatus) => async (batch: BatchRow, _: unknown, ctx: PayrollContext) => (await statusTotals(batch, ctx, status))?._count._all ?? 0;
const totalOf = (status: LineStatus) => async (batch: BatchRow, _: unknown, ctx: PayrollContext) =>
  (await statusTotals(batch, ctx, status))?._sum.amountFen ?? 0n;

/** A batch reconciles: expected = paid + failed + pending, in count and in money. */
export const DisbursementBatch = {
  expectedTotal: (batch: BatchRow) => batch.expectedTotalFen,
  paidCount: countOf('PAID'),
  paidTotal: totalOf('PAID'),
  failedCount: countOf('FAILED'),
  failedTotal: totalOf('FAILED'),
  pendingCount: countOf('PENDING'),
  pendingTotal: totalOf('PENDING'),
};
