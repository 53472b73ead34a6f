import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseBusy, isDatabaseOutage, isUniqueViolation } from './database-errors';
import { inputPathOf } from './input-path';
import type { Logger } from './logger';

/**
 * An error a caller can act on: a stable machine code, the input field at fault (if any) and a
 * message a clerk can read. Anything else that escapes a resolver is an internal error.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Every rule code, when one request broke several (the first is `code`). */
    readonly reasons?: readonly string[],
    /** Each refusal with its field and message, so a page can show every one against its own line. */
    readonly refusals?: readonly Refusal[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * A refusal for the moment only: something the service depends on (its database, another service)
 * did not answer. Told to the caller as `retryable`: the same request may simply be sent again.
 */
export class UnavailableError extends AppError {
  readonly retryable = true;
  /** How long the caller should wait before sending it again. */
  readonly retryAfterMs: number = 1_000;
}

/** More requests of this kind are in progress than the service takes at once: send it again after a pause. */
export const overloaded = (message: string) => new UnavailableError('OVERLOADED', message);

/** One reason a request must be refused. */
export interface Refusal {
  code: string;
  field?: string;
  message: string;
}

/** Throws when there is any refusal: the first is the code, every message is told, every code listed. */
export function refuseIfAny(refusals: readonly Refusal[]): void {
  const [first] = refusals;
  if (!first) return;
  throw new AppError(
    first.code,
    refusals.map((refusal) => refusal.message).join(' '),
    first.field,
    refusals.map((refusal) => refusal.code),
    refusals.map(({ code, field, message }) => ({ code, ...(field ? { field } : {}), message })),
  );
}

export const invalidInput = (code: string, field: string, message: string) => new AppError(code, message, field);
export const notFound = (code: string, message: string, field?: string) => new AppError(code, message, field);
export const conflict = (code: string, message: string, field?: string) => new AppError(code, message, field);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'A valid access token is required.') => new AppError('UNAUTHENTICATED', message);

/**
 * A scalar's refusal of an argument (its parseValue or parseLiteral threw an AppError, which
 * graphql-js and Apollo wrap in an error or two), named by the argument's path.
 */
function scalarRefusal(error: unknown): AppError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError) cause = cause.originalError;
  if (!(cause instanceof AppError)) return undefined;
  return new AppError(cause.code, cause.message, inputPathOf(error) ?? cause.field, cause.reasons);
}

/**
 * A write a unique index stopped because a concurrent request got there first: its transaction
 * rolled back, so the caller may simply try again and then sees what the other request did.
 */
function concurrentWriteConflict(error: unknown): AppError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  return conflict('CONFLICT', 'Another request changed the same record at the same moment, and nothing of yours was saved; try again.');
}

/**
 * The database did not answer, or had no connection free in time (the driver's own text goes to the
 * log only): nothing was written and the caller may retry.
 */
export function databaseUnavailable(error: unknown, logger: Logger): UnavailableError | undefined {
  if (isDatabaseBusy(error)) {
    logger.warn({ err: error }, 'database busy');
    return new UnavailableError('DATABASE_BUSY', 'The service is busy; retry shortly.');
  }
  if (!isDatabaseOutage(error)) return undefined;
  logger.warn({ err: error }, 'database unavailable');
  return new UnavailableError('DATABASE_UNAVAILABLE', 'The database is unavailable for a moment; retry shortly.');
}

/** The extensions a caller may branch on; anything else (stack traces, a subgraph's raw answer, its name) stays inside. */
const PUBLIC_EXTENSIONS = ['code', 'field', 'reasons', 'refusals', 'retryable'] as const;

function publicError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = Object.fromEntries(
    PUBLIC_EXTENSIONS.flatMap((name) => (formatted.extensions?.[name] === undefined ? [] : [[name, formatted.extensions[name]]])),
  );
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

/**
 * Apollo `formatError`: AppErrors pass with code and field, a database outage as a retryable
 * DATABASE_UNAVAILABLE; unknown errors are masked in production. Only public extensions leave.
 */
export function createErrorFormatter(logger: Logger, maskInternalErrors: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const refusal =
      unwrapped instanceof AppError ? unwrapped : (scalarRefusal(unwrapped) ?? concurrentWriteConflict(unwrapped) ?? databaseUnavailable(unwrapped, logger));
    if (refusal) {
      return {
        message: refusal.message,
        path: formatted.path,
        extensions: {
          code: refusal.code,
          ...(refusal.field ? { field: refusal.field } : {}),
          ...(refusal.reasons ? { reasons: refusal.reasons } : {}),
          ...(refusal.refusals ? { refusals: refusal.refusals } : {}),
          ...(refusal instanceof UnavailableError ? { retryable: true } : {}),
        },
      };
    }
    // Validation errors and errors a subgraph already coded reach the gateway as coded GraphQL errors.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return publicError(formatted);
    logger.error({ err: unwrapped, path: formatted.path }, 'unexpected error in resolver');
    if (!maskInternalErrors) return publicError(formatted);
    return { message: 'Internal error; it has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
