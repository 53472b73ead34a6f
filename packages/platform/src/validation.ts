import { z } from 'zod';
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

/** A UUID in a zod schema (any version: ids come from several services). */
export const uuidSchema = z.string().regex(UUID_PATTERN, 'is not an id');

/** Refuses an id argument that is not a UUID with INVALID_ID on its field, before any query sees it. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw invalidInput('INVALID_ID', field, `${field} is not an id (ids look like 2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60).`);
  return value;
}

const USCC_SHAPE = /^[0-9A-Z]{18}$/;

/**
 * Whether a value looks like a unified social credit code (18 upper-case letters and digits),
 * checked before a lookup by USCC; the full rule (alphabet, check character) is enterprise's.
 */
export const hasUsccShape = (value: string): boolean => USCC_SHAPE.test(value);
export const usccShapeSchema = z.string().regex(USCC_SHAPE, 'is not a unified social credit code');

/** A GB/T 2260 region code (6 digits), refused with INVALID_REGION_CODE on `field` otherwise. */
export function requireRegionCode(value: string, field = 'regionCode'): string {
  if (!/^\d{6}$/.test(value)) throw invalidInput('INVALID_REGION_CODE', field, 'The region code has 6 digits (GB/T 2260), e.g. 130502.');
  return value;
}

const PERSON_NAME = /^[\p{Script=Han}A-Za-z·• ]{2,40}$/u;
const MOBILE_PHONE = /^1[3-9]\d{9}$/;
const LANDLINE_PHONE = /^0\d{2,3}-?\d{7,8}$/;

/** Whether a person's name is written as on a resident ID card: 2–40 Chinese or Latin letters, the middle dot allowed. */
export const isPersonName = (name: string): boolean => PERSON_NAME.test(name);

/** Whether a number is an 11-digit mainland mobile number (spaces and hyphens removed first by the caller). */
export const isMobilePhone = (phone: string): boolean => MOBILE_PHONE.test(phone);

/** Whether a number is a mainland mobile number or a landline with its area code (0319-1234567). */
export const isContactPhone = (phone: string): boolean => MOBILE_PHONE.test(phone) || LANDLINE_PHONE.test(phone);
