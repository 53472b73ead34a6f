import { z } from 'zod';
import { invalidInput } from './errors';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Validated page size and decoded cursor (an opaque base64url of the last item's sort key). */
export function pageRequest(args: PageArgs): { take: number; afterKey?: string } {
  const take = args.first ?? 20;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) {
    throw invalidInput('INVALID_PAGE_SIZE', 'first', `Page size must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  if (!args.after) return { take };
  const decoded = z.string().min(1).safeParse(Buffer.from(args.after, 'base64url').toString('utf8'));
  if (!decoded.success) throw invalidInput('INVALID_CURSOR', 'after', 'The page cursor is not valid; start again from the first page.');
  return { take, afterKey: decoded.data };
}

/** Builds a connection from `take + 1` fetched rows (the extra row only says whether more exist). */
export function connection<T>(rows: T[], take: number, keyOf: (row: T) => string) {
  const nodes = rows.slice(0, take);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > take,
      endCursor: last ? Buffer.from(keyOf(last), 'utf8').toString('base64url') : null,
    },
  };
}
