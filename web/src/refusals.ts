import { CombinedGraphQLErrors } from '@apollo/client';

/** A refusal as the graph tells it: each broken rule with its field (a wage line's is `workers.<id>`). */
export interface Refusal {
  code: string;
  field?: string;
  message: string;
}

const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' && 'message' in value && typeof value.message === 'string';

/** Every refusal in a failed request: `extensions.refusals` where one request broke several rules, else the error itself. */
export function refusalsOf(error: unknown): Refusal[] {
  if (!CombinedGraphQLErrors.is(error)) return [{ code: 'NETWORK', message: messageOf(error) }];
  return error.errors.flatMap((entry): Refusal[] => {
    const listed = entry.extensions?.refusals;
    if (Array.isArray(listed) && listed.every(isRefusal)) return listed;
    const code = entry.extensions?.code;
    return [{ code: typeof code === 'string' ? code : 'ERROR', message: entry.message }];
  });
}

/** What to tell the clerk about a failed request, in one line. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
