import { createPgAdapter } from '@yikatong/platform';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type WelfareDb = PrismaClient;
export type WelfareTx = Prisma.TransactionClient;

export function createWelfareDb(databaseUrl: string, poolSize: number): WelfareDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, poolSize) });
}
