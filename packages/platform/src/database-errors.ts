/**
 * What a database error means for the caller, read from the error's shape without importing a
 * service's generated Prisma client.
 */

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** The pg driver's error that @prisma/adapter-pg wrapped, if any. */
function adapterCause(error: object): unknown {
  const meta = Reflect.get(error, 'meta');
  const adapterError = isObject(meta) ? Reflect.get(meta, 'driverAdapterError') : undefined;
  return isObject(adapterError) ? Reflect.get(adapterError, 'cause') : undefined;
}

/** A unique index refused the write: Prisma's P2002 on a model write, P2010 carrying PostgreSQL's 23505 on a raw statement. */
export function isUniqueViolation(error: unknown): boolean {
  if (!isObject(error)) return false;
  const code = Reflect.get(error, 'code');
  if (code === 'P2002') return true;
  const cause = adapterCause(error);
  return code === 'P2010' && isObject(cause) && Reflect.get(cause, 'originalCode') === '23505';
}

/**
 * The service's database did not answer (down, restarting, unreachable, out of connections) rather
 * than refused the request: the same request may succeed a moment later.
 */
export function isDatabaseOutage(error: unknown): boolean {
  for (let cause = error, depth = 0; isObject(cause) && depth < 5; cause = Reflect.get(cause, 'cause'), depth += 1) {
    if (prismaOutage(cause) || pgOutage(cause)) return true;
  }
  return false;
}

/** Prisma's codes for "the database server is out of reach", and the engine failing to connect at all. */
const PRISMA_OUTAGE_CODES: ReadonlySet<unknown> = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** What @prisma/adapter-pg reports when the pg driver lost or never got its connection. */
const ADAPTER_OUTAGE_KINDS: ReadonlySet<unknown> = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

function prismaOutage(error: object): boolean {
  if (Reflect.get(error, 'name') === 'PrismaClientInitializationError') return true;
  if (PRISMA_OUTAGE_CODES.has(Reflect.get(error, 'code'))) return true;
  const cause = adapterCause(error);
  return isObject(cause) && ADAPTER_OUTAGE_KINDS.has(Reflect.get(cause, 'kind'));
}

/**
 * The pg driver's own connection failures carry no code, only these messages (pg 8, pg-pool 3);
 * PostgreSQL's refusals carry an SQLSTATE: class 08 (connection exception), 57P01-57P03 (shutting
 * down, crashed, starting up) and 53300 (too many connections).
 */
const PG_OUTAGE_MESSAGES: ReadonlySet<unknown> = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Query read timeout',
]);

function pgOutage(error: object): boolean {
  if (PG_OUTAGE_MESSAGES.has(Reflect.get(error, 'message'))) return true;
  const sqlState = Reflect.get(error, 'code');
  const fromServer = typeof Reflect.get(error, 'severity') === 'string';
  return fromServer && typeof sqlState === 'string' && (sqlState.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(sqlState));
}

/**
 * Every connection of the pool was busy for as long as a transaction may wait to start (Prisma's
 * P2028): nothing was written, and the same request may succeed once the load passes.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return isObject(error) && Reflect.get(error, 'code') === 'P2028';
}
