import { createPgAdapter } from '@yikatong/platform';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type IdentityDb = PrismaClient;
export type IdentityTx = Prisma.TransactionClient;

export function createIdentityDb(databaseUrl: string, poolSize: number): IdentityDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, poolSize) });
}
