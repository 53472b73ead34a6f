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

/** Money in integer fen; strings on the wire so JavaScript clients never round. */
export const moneyScalar = new GraphQLScalarType({
  name: 'Money',
  serialize: (value) => String(value),
  parseValue: (value) => parseFen(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING || ast.kind === Kind.INT ? parseFen(ast.value) : undefined),
});

function parseFen(value: unknown): bigint {
  if (!/^-?\d+$/.test(String(value))) throw invalidInput('INVALID_MONEY', 'Money', 'Amounts are whole fen (1 yuan = 100 fen), e.g. "219000".');
  return BigInt(String(value));
}

export const dateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDay(ast.value) : undefined),
});

function parseDay(value: unknown): Date {
  const text = String(value);
  const date = new Date(`${text}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw invalidInput('INVALID_DATE', 'Date', `"${text}" is not a calendar date (YYYY-MM-DD).`);
  }
  return date;
}
