import { PrismaPg } from '@prisma/adapter-pg';

/** The driver adapter Prisma 7 needs; one pool per service process. */
export function createPgAdapter(connectionString: string, maxConnections = 10): PrismaPg {
  return new PrismaPg({ connectionString, max: maxConnections });
}
