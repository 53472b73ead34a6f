import { readFileSync } from 'node:fs';
import { GraphQLScalarType, Kind, parse, type DocumentNode } from 'graphql';
import { AppError, invalidInput } from './errors';

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

/** The largest amount a Money input takes (10^15 fen = ¥10 trillion); a field that needs less says so in its resolver's schema. */
export const MONEY_MAX_FEN = 10n ** 15n;
const MONEY_MAX_DIGITS = String(MONEY_MAX_FEN).length;

/** Whole fen in canonical form: ASCII digits, no sign, no leading zero. */
const WHOLE_FEN = /^(0|[1-9][0-9]*)$/;

/** Told on every subgraph's `scalar Money` (a repository test checks each schema.graphql says exactly this). */
export const MONEY_DESCRIPTION = [
  'An amount in whole fen (分; ¥1 = 100 fen), written as a string of the ASCII digits 0-9, e.g. "219000" for ¥2,190.00.',
  'Refused with INVALID_MONEY: a JSON number (even a small one, so that no amount is ever rounded), a sign, a decimal',
  'point, an exponent, spaces, leading zeros or full-width digits. Refused with MONEY_OUT_OF_RANGE: more than',
  `${MONEY_MAX_FEN} fen (¥10 trillion); some fields allow less and say so.`,
].join('\n');

/**
 * Money in integer fen, on the wire as a string so JavaScript clients never round. Only a string
 * is taken: a JSON number above 2^53 has been rounded before any code sees it, so numbers are
 * refused whatever their size. The refusal names no field: the error formatter adds the
 * argument's path, which only graphql-js knows.
 */
export const moneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: MONEY_DESCRIPTION,
  serialize: (value) => String(value),
  parseValue: (value) => parseFen(value),
  parseLiteral: (ast) => parseFen(ast.kind === Kind.STRING ? ast.value : ast),
});

const invalidMoney = (message: string) => new AppError('INVALID_MONEY', message);

function parseFen(value: unknown): bigint {
  if (typeof value !== 'string') {
    throw invalidMoney('An amount is a string of whole fen in quotes, e.g. "219000" for ¥2,190.00; a number is refused so that it is never rounded.');
  }
  if (!WHOLE_FEN.test(value)) {
    throw invalidMoney(
      'An amount is whole fen written with the digits 0-9 only, e.g. "219000" for ¥2,190.00 (1 yuan = 100 fen): no sign, decimal point, exponent, spaces or leading zeros.',
    );
  }
  // Canonical digits longer than the maximum's are above it; BigInt is not asked to read a megabyte of them.
  if (value.length > MONEY_MAX_DIGITS || BigInt(value) > MONEY_MAX_FEN)
    throw new AppError('MONEY_OUT_OF_RANGE', `An amount is at most ${MONEY_MAX_FEN} fen (¥10 trillion).`);
  return BigInt(value);
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

/** The scalars every subgraph declares, resolved the same way in all of them. */
export const scalarResolvers = { DateTime: dateTimeScalar, Date: dateScalar, Money: moneyScalar };
