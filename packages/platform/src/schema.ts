import { readFileSync } from 'node:fs';
import { GraphQLScalarType, Kind, parse, type DocumentNode } from 'graphql';
import { invalidInput } from './errors';

export function readSchema(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}

/** RFC 3339 timestamps in UTC on the graph. */
export const dateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An RFC 3339 timestamp in UTC, e.g. 2026-11-25T08:00:00.000Z.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : undefined),
});

function parseDate(value: unknown): Date {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw invalidInput('INVALID_DATE_TIME', 'DateTime', `"${String(value)}" is not an RFC 3339 timestamp.`);
  return date;
}
