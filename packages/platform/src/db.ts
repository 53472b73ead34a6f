/**
 * What the platform needs of a service's Prisma client, without knowing its generated types:
 * raw SQL on a transaction, and interactive transactions.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface TransactionalClient<TTx extends SqlClient = SqlClient> extends SqlClient {
  $transaction<R>(fn: (tx: TTx) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
}
