import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
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
  ) {
    super(message);
    this.name = 'AppError';
  }
}

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
  throw new AppError(first.code, refusals.map((refusal) => refusal.message).join(' '), first.field, refusals.map((refusal) => refusal.code));
}

export const invalidInput = (code: string, field: string, message: string) => new AppError(code, message, field);
export const notFound = (code: string, message: string, field?: string) => new AppError(code, message, field);
export const conflict = (code: string, message: string, field?: string) => new AppError(code, message, field);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'A valid access token is required.') => new AppError('UNAUTHENTICATED', message);

/** Apollo `formatError`: AppErrors pass with code and field; unknown errors are masked in production. */
export function createErrorFormatter(logger: Logger, maskInternalErrors: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.reasons ? { reasons: original.reasons } : {}),
        },
      };
    }
    // Validation errors and errors a subgraph already coded reach the gateway as coded GraphQL errors.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    if (!maskInternalErrors) return formatted;
    return { message: 'Internal error; it has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
