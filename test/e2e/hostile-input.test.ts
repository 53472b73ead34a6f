import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Client } from 'pg';
import { databaseUrlFor, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { freshDatabases, ROOT, startSystem, tokenFor, type RunningSystem } from '../support/system';

/**
 * Hostile input through the gateway, table-driven from the composed supergraph: every mutation
 * argument (and input field, however deep) of type Money, Date or DateTime gets each malformed value,
 * and every argument that is an id, a period, a region code, a name or free text gets its own
 * malformed values. Each refusal is a coded error naming the field, carrying nothing internal, and
 * no database row is written.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2ehostile' });
const SERVICES = ['identity', 'enterprise', 'payroll', 'welfare'];
let system: RunningSystem;
let token: string;

const supergraph: GraphQLSchema = buildASTSchema(parse(readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true });

/** A JSON number written out exactly, beyond what a JavaScript number holds (2^53 + 1). */
class RawNumber {
  constructor(readonly digits: string) {}
}

/** A malformed value refused with a code of its own rather than the scalar's. */
class RefusedAs {
  constructor(
    readonly value: unknown,
    readonly code: string,
  ) {}
}

/** Malformed values per scalar, each with the code its refusal must carry (the scalar's own, unless given). */
const SCALAR_CASES: Record<string, { code: string; values: unknown[] }> = {
  Money: {
    code: 'INVALID_MONEY',
    values: [
      '100.5',
      '1e3',
      '',
      '１００',
      ' 100',
      '+100',
      '-100',
      '0100',
      100,
      new RawNumber('9007199254740993'),
      true,
      new RefusedAs('9007199254740993', 'MONEY_OUT_OF_RANGE'),
      new RefusedAs('100000000000000000000', 'MONEY_OUT_OF_RANGE'),
    ],
  },
  Date: { code: 'INVALID_DATE', values: ['2027-02-30', '2027-1-01', '', '20270101', '２０２７-０１-０１', 20270101] },
  DateTime: { code: 'INVALID_DATE_TIME', values: ['yesterday', '', '2027-13-01T00:00:00Z', 1_700_000_000_000] },
};
const withCode = (entry: unknown, code: string): { value: unknown; code: string } => (entry instanceof RefusedAs ? entry : { value: entry, code });
/** Strings a clerk could mistype or an attacker could send, for arguments known by their name. */
const TEXT_CASES: Array<{ matches: RegExp; values: string[] }> = [
  { matches: /(^id$|Id$|Ids$)/, values: ['not-a-uuid', '', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g'] },
  { matches: /^(period|periodFrom|periodTo)$/, values: ['2027-13', '2027-1', '', '２０２７-０１'] },
  { matches: /^regionCode$/, values: ['13050', '1305021', 'abcdef', ''] },
  { matches: /^(name|holderName)$/, values: ['', ' ', 'x'.repeat(10_000)] },
  { matches: /^(reason|description|comment|note|outcome|pledge|legalBasis|authority)$/, values: ['x'.repeat(100_000)] },
];

interface Row {
  mutation: string;
  /** Argument or input-field path, e.g. ['input', 'amount']. */
  path: string[];
  typeName: string;
}

/** Every argument and nested input field of every mutation, with its path. */
function mutationInputs(): Row[] {
  const rows: Row[] = [];
  const visit = (mutation: string, at: string[], type: GraphQLInputType, seen: Set<string>) => {
    const named = getNamedType(type);
    rows.push({ mutation, path: at, typeName: named.name });
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const field of Object.values(named.getFields())) visit(mutation, [...at, field.name], field.type, new Set([...seen, named.name]));
    }
  };
  for (const field of Object.values(supergraph.getMutationType()!.getFields())) {
    for (const argument of field.args) visit(field.name, [argument.name], argument.type, new Set());
  }
  return rows;
}

/** A value of the type that passes the graph's own type checks (the resolver may still refuse it). */
function filler(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return filler(type.ofType);
  if (isListType(type)) return [filler(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, filler(field.type)]),
    );
  }
  if (!isScalarType(type)) throw new Error(`no filler for ${String(type)}`);
  return (
    (
      { ID: randomUUID(), String: 'x', Int: 1, Float: 1, Boolean: false, Money: '100', Date: '2027-01-01', DateTime: '2027-01-01T00:00:00.000Z' } as Record<
        string,
        unknown
      >
    )[type.name] ?? 'x'
  );
}

/** The mutation's required arguments filled in, with `value` placed at `path` (creating optional parents). */
function variablesFor(row: Row, value: unknown): Record<string, unknown> {
  const field = supergraph.getMutationType()!.getFields()[row.mutation]!;
  const variables: Record<string, unknown> = Object.fromEntries(field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, filler(arg.type)]));
  let holder: Record<string, unknown> = variables;
  let fields: ReadonlyArray<GraphQLArgument | GraphQLInputField> = field.args;
  for (const [depth, name] of row.path.entries()) {
    const definition = fields.find((candidate) => candidate.name === name)!;
    if (depth === row.path.length - 1) {
      holder[name] = isListType(isNonNullType(definition.type) ? definition.type.ofType : definition.type) ? [value] : value;
      break;
    }
    const named = getNamedType(definition.type);
    if (!isInputObjectType(named)) throw new Error(`${row.path.join('.')} goes through ${named.name}`);
    const current = holder[name];
    const child = (Array.isArray(current) ? current[0] : current) as Record<string, unknown> | undefined;
    const object = child ?? (filler(named) as Record<string, unknown>);
    holder[name] = isListType(isNonNullType(definition.type) ? definition.type.ofType : definition.type) ? [object] : object;
    holder = object;
    fields = Object.values(named.getFields());
  }
  return variables;
}

function operationFor(mutation: string): string {
  const field = supergraph.getMutationType()!.getFields()[mutation]!;
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation Hostile${declared ? `(${declared})` : ''} { ${mutation}${passed ? `(${passed})` : ''} { __typename } }`;
}

/** Sends the body as text, so a JSON number above 2^53 reaches the server exactly as written. */
async function send(row: Row, value: unknown) {
  const marker = '"__HOSTILE_NUMBER__"';
  const variables = variablesFor(row, value instanceof RawNumber ? '__HOSTILE_NUMBER__' : value);
  const text = JSON.stringify({ query: operationFor(row.mutation), variables });
  const body = value instanceof RawNumber ? text.replace(marker, value.digits) : text;
  const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const answer = await response.text();
  return {
    status: response.status,
    text: answer,
    body: JSON.parse(answer) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> },
  };
}

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of SERVICES) {
    const client = new Client({ connectionString: databaseUrlFor(config, service) });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
      );
      for (const { table_name: table } of tables.rows) {
        counts[`${service}.${table}`] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}

const LEAKS = /(https?:\/\/127\.0\.0\.1|\bat \S+ \(|node_modules|\/work\/|prisma|stacktrace|extensions":\{"response")/i;

const rows = mutationInputs();
const scalarRows = rows.filter((row) => row.typeName in SCALAR_CASES);
const textRows = rows.filter((row) => ['String', 'ID'].includes(row.typeName) && TEXT_CASES.some((cases) => cases.matches.test(row.path.at(-1)!)));
let before: Record<string, number>;

beforeAll(async () => {
  await testing.requireKafka(config);
  await freshDatabases(config);
  system = await startSystem(config);
  token = await tokenFor(config, {
    sub: 'hostile-clerk',
    kind: 'PORTAL',
    dept: 'HOUSING_CONSTRUCTION',
    regions: ['130500'],
    scope: Object.values(SCOPES).join(' '),
  });
  before = await rowCounts();
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

it('derives its rows from the supergraph: every Money, Date and DateTime input, and the named text inputs', () => {
  expect(scalarRows.filter((row) => row.typeName === 'Money').map((row) => `${row.mutation}.${row.path.join('.')}`)).toEqual(
    expect.arrayContaining([
      'recordFundingReceived.input.amount',
      'placeDeposit.input.amount',
      'registerProject.input.contractValue',
      'fileComplaint.input.amountClaimed',
    ]),
  );
  expect(scalarRows.length).toBeGreaterThan(20);
  expect(textRows.length).toBeGreaterThan(50);
});

it.each(scalarRows.map((row) => [`${row.mutation}(${row.path.join('.')}: ${row.typeName})`, row] as const))(
  '%s refuses each malformed value with its code and field',
  async (_, row) => {
    const cases = SCALAR_CASES[row.typeName]!;
    for (const { value, code } of cases.values.map((entry) => withCode(entry, cases.code))) {
      const { text, body } = await send(row, value);
      const error = body.errors?.[0];
      expect({
        value: String(value instanceof RawNumber ? value.digits : value),
        code: error?.extensions?.code,
        field: error?.extensions?.field?.replace(/\[\d+\]/g, ''),
      }).toEqual({ value: String(value instanceof RawNumber ? value.digits : value), code, field: row.path.join('.') });
      expect(text).not.toMatch(LEAKS);
      expect(body.data ?? null).toBeNull();
    }
  },
);

it.each(textRows.map((row) => [`${row.mutation}(${row.path.join('.')})`, row] as const))(
  '%s answers malformed text with a coded error, nothing internal',
  async (_, row) => {
    const { values } = TEXT_CASES.find((cases) => cases.matches.test(row.path.at(-1)!))!;
    for (const value of values) {
      const { text, body } = await send(row, value);
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      expect({ value, refused: codes.length > 0, internal: codes.filter((code) => !code || code === 'INTERNAL_SERVER_ERROR') }).toEqual({
        value,
        refused: true,
        internal: [],
      });
      expect(text).not.toMatch(LEAKS);
    }
  },
);

it('wrote nothing in any database', async () => {
  expect(await rowCounts()).toEqual(before);
});
