import { createPgAdapter } from '@yikatong/platform';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type EnterpriseDb = PrismaClient;
export type EnterpriseTx = Prisma.TransactionClient;

export function createEnterpriseDb(databaseUrl: string, poolSize: number): EnterpriseDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, poolSize) });
}
