import { createPgAdapter } from '@yikatong/platform';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type PayrollDb = PrismaClient;
export type PayrollTx = Prisma.TransactionClient;

export function createPayrollDb(databaseUrl: string): PayrollDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
