import { createPgAdapter } from '@yikatong/platform';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type PayrollDb = PrismaClient;
export type PayrollTx = Prisma.TransactionClient;

export function createPayrollDb(databaseUrl: string, poolSize: number): PayrollDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, poolSize) });
}
