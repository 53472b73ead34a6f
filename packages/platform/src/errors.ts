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
  ) {
    super(message);
    this.name = 'AppError';
  }
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
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
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
