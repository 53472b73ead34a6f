import { z } from 'zod';
import { PERIOD_PATTERN } from './calendar';
import { invalidInput } from './errors';
import { uuidSchema } from './validation';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * What a cursor holds: the sort key of a page's last row, as JSON strings only (a JSON number would
 * round a bigint id). The cursor on the wire is this JSON in base64url, opaque to callers.
 */
export type CursorKey = string | readonly string[];

/** A list's key schema: checks a decoded cursor key and turns it into what the list's query compares. */
export type CursorKeySchema<Key> = z.ZodType<Key, CursorKey>;

/** Cursors longer than this are not ours (the longest key, an instant and a UUID, is under 100 characters). */
const MAX_CURSOR_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const LARGEST_SERIAL = 2n ** 63n - 1n;

/** Building blocks of key schemas; a list with a compound order uses a tuple of them, e.g. `z.tuple([cursorKeys.instant, cursorKeys.uuid])`. */
export const cursorKeys = {
  uuid: uuidSchema,
  /** A bigserial id, as its decimal string. */
  serial: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,18})$/)
    .transform(BigInt)
    .pipe(z.bigint().max(LARGEST_SERIAL)),
  /** An instant as toISOString() writes it. */
  instant: z.iso
    .datetime()
    .transform((text) => new Date(text))
    .pipe(z.date()),
  /** A calendar day YYYY-MM-DD. */
  day: z.iso.date(),
  /** A month YYYY-MM. */
  period: z.string().regex(PERIOD_PATTERN),
};

const invalidCursor = () => invalidInput('INVALID_CURSOR', 'after', 'The page cursor is not valid for this list; start again from the first page.');

function decodeCursor(after: string): unknown {
  if (after.length > MAX_CURSOR_LENGTH || !BASE64URL.test(after)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

/**
 * Validated page size and the cursor's key, checked against the list's key schema before it
 * reaches a query: a forged, truncated or other list's cursor is INVALID_CURSOR on `after`.
 */
export function pageRequest<Key>(args: PageArgs, keySchema: CursorKeySchema<Key>): { take: number; after?: Key } {
  const take = args.first ?? 20;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) {
    throw invalidInput('INVALID_PAGE_SIZE', 'first', `Page size must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  if (args.after === null || args.after === undefined) return { take };
  const key = keySchema.safeParse(decodeCursor(args.after));
  if (!key.success) throw invalidCursor();
  return { take, after: key.data };
}

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Builds a connection from `take + 1` fetched rows (the extra row only says whether more exist). */
export function connection<T>(rows: T[], take: number, keyOf: (row: T) => CursorKey) {
  const nodes = rows.slice(0, take);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > take,
      endCursor: last ? encodeCursor(keyOf(last)) : null,
    },
  };
}

/**
 * Newest-first paging on (a sortable field, id): the cursor holds both, so rows that share the
 * field's value are neither skipped nor repeated. `where` goes beside the list's own filters.
 */
export function newestFirst<F extends string, V>(field: F, after: readonly [V, string] | undefined) {
  const orderBy: Array<Record<string, 'desc'>> = [{ [field]: 'desc' }, { id: 'desc' }];
  if (!after) return { where: {}, orderBy };
  const [value, id] = after;
  return { where: { OR: [{ [field]: { lt: value } }, { [field]: value, id: { lt: id } }] }, orderBy };
}
