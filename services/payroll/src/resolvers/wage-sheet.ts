import { connection, cursorKeys, maskIdNumber, pageRequest, type PageArgs } from '@yikatong/platform';
import { z } from 'zod';
import type { PayrollContext } from '../context';
import { isCycleKind } from '../domain/pay-cycle';
import type { WageLine as WageLineRow, DisbursementBatch as BatchRow } from '../generated/prisma/client';
import type { DisbursementBatchResolvers, PaymentResolvers, WageLineResolvers, WageSheetResolvers } from '../generated/resolvers';

// Additions and deductions are stored as JSON with amounts in fen as strings.
const storedItems = z.array(z.object({ kind: z.string(), label: z.string(), amountFen: z.string() }));
const items = (value: unknown) => storedItems.parse(value).map((item) => ({ ...item, amount: item.amountFen }));

/** Field resolvers of the sheet, its lines (payslips) and its bank batches. */
export const WageSheet = {
  cycle: (sheet) => {
    if (!isCycleKind(sheet.cycleKind)) throw new Error(`wage sheet ${sheet.id} has an unknown cycle kind ${sheet.cycleKind}`);
    return sheet.cycleKind;
  },
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
  batches: (sheet, _, ctx) => ctx.batchesBySheet.load(sheet.id),
} satisfies WageSheetResolvers;

export const WageLine = {
  holderName: (line, _, ctx) => ctx.pii.decrypt(line.holderNameCipher),
  idNumberMasked: (line, _, ctx) => maskIdNumber(ctx.pii.decrypt(line.idNumberCipher)),
  rate: (line: WageLineRow) => line.rateFen,
  basePay: (line: WageLineRow) => line.basePayFen,
  additions: (line: WageLineRow) => items(line.additions),
  deductions: (line: WageLineRow) => items(line.deductions),
  gross: (line: WageLineRow) => line.grossFen,
  totalDeductions: (line: WageLineRow) => line.deductionsFen,
  net: (line: WageLineRow) => line.netFen,
  payment: async (line, _, ctx) => {
    const payments = await ctx.paymentsByWageLine.load(line.id);
    // A live instruction (pending or paid) wins over failed ones sent before it.
    return payments.find((payment) => payment.status !== 'FAILED') ?? payments.at(-1) ?? null;
  },
} satisfies WageLineResolvers;

export const Payment = {
  amount: (payment: { amountFen: bigint }) => payment.amountFen,
} satisfies PaymentResolvers;

type LineStatus = 'PAID' | 'FAILED' | 'PENDING';
const statusTotals = async (batch: BatchRow, ctx: PayrollContext, status: LineStatus) =>
  (await ctx.batchTotals.load(batch.id)).find((row) => row.status === status);
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
} satisfies DisbursementBatchResolvers;
