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

/** PostgreSQL DATE columns arrive as UTC midnights; domains speak calendar days, YYYY-MM-DD. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const dateOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

const DAY_MS = 86_400_000;

/** The calendar day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number): string => dayOf(new Date(dateOfDay(day).getTime() + days * DAY_MS));

/** The instant `days` × 24 h after `at`: exact in China, which has no daylight saving. */
export const instantPlusDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => (dateOfDay(to).getTime() - dateOfDay(from).getTime()) / DAY_MS;

/** A pay period or attendance month: YYYY-MM. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Calendar days in China Standard Time (UTC+8, no daylight saving): sites, deadlines and pay periods use local days. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant in China. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
