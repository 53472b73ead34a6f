import type { z } from 'zod';
import { invalidInput } from './errors';

/**
 * Validates resolver input with a zod schema; the first problem becomes an AppError naming the
 * field, with a stable code per field where one is given (else INVALID_INPUT).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, codes: Record<string, string> = {}): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'input';
  throw invalidInput(codes[field] ?? 'INVALID_INPUT', field, `${field}: ${issue.message}.`);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID: ids are checked before they reach a uuid column, which would reject them with an internal error. */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
