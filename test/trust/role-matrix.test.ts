import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor } from '@yikatong/platform';
import { ROOT } from '../support/system';
import { cellRunner, REFUSALS, type Cell } from './cells';
import { columnTokens, COLUMNS, REFUSED_AT_THE_DOOR, type Column } from './columns';
import { startTrustSystem, type TrustSystem } from './federation';
import { seedFixture, type Fixture } from './fixture';
import { allOperations, type Operation } from './operations';
import { columnsOf, POLICY } from './policy';

/**
 * The role × operation matrix (#13): every root field of the composed graph, every entity a
 * subgraph resolves for `_entities`, every gRPC method of packages/contracts/proto, each called by
 * every column of columns.ts about one fixture (fixture.ts) on real PostgreSQL, and the outcome
 * compared with policy.ts. A refused mutation changes no row in any database.
 */
const SERVICES = ['identity', 'enterprise', 'payroll', 'welfare'] as const;
/** Tables a refused call may write to: the audit log records attempts. */
const AUDIT_TABLES = new Set(['audit_entry']);

let system: TrustSystem;
let runner: ReturnType<typeof cellRunner>;
let tokens: Record<Column, string | undefined>;
let fixture: Fixture | undefined;
const fixtureOf = (): Fixture => {
  if (!fixture) throw new Error('the fixture was not seeded');
  return fixture;
};
const databases: Array<{ service: string; client: Client; tables: string[] }> = [];
const operations = allOperations();
const tally = { allowed: 0, withheld: 0, hidden: 0, refused: 0 };

type Expected = 'allowed' | 'withheld' | 'hidden' | 'refused';
function classOf(outcome: string): Expected {
  if (REFUSALS.has(outcome)) return 'refused';
  if (outcome.startsWith('WITHHELD_')) return 'withheld';
  return outcome === 'EMPTY' || outcome.endsWith('NOT_FOUND') ? 'hidden' : 'allowed';
}

function expectedOf(operation: Operation, column: Column): Expected {
  const rule = POLICY[operation.name] ?? {};
  if (columnsOf(rule.allowed).includes(column)) return 'allowed';
  if (columnsOf(rule.withheld).includes(column)) return 'withheld';
  if (columnsOf(rule.hidden).includes(column)) return 'hidden';
  return 'refused';
}

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { service, client, tables } of databases) {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(', ')}`,
    );
    for (const [table, count] of Object.entries(rows[0]!)) counts[`${service}.${table}`] = count;
  }
  return counts;
}

/** Counts once they have stopped moving (events of an earlier row's allowed calls may still be landing). */
async function settledCounts(): Promise<Record<string, number>> {
  let previous = await rowCounts();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await rowCounts();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
}

beforeAll(async () => {
  system = await startTrustSystem('yktrust');
  fixture = await seedFixture(system);
  tokens = await columnTokens(system.config, fixture, system.token);
  runner = cellRunner(system, fixture);
  for (const service of SERVICES) {
    const client = new Client({ connectionString: databaseUrlFor(system.config, service) });
    await client.connect();
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name",
    );
    databases.push({ service, client, tables: rows.map((row) => row.table_name).filter((table) => !AUDIT_TABLES.has(table)) });
  }
}, 180_000);

afterAll(async () => {
  runner?.close();
  for (const { client } of databases) await client.end();
  await system?.stop();
});

it('has a row for every operation of the graph and the .proto files, and none for an operation that is gone', () => {
  const kinds = operations.reduce<Record<string, number>>((counts, operation) => ({ ...counts, [operation.kind]: (counts[operation.kind] ?? 0) + 1 }), {});
  expect(kinds.entity).toBeGreaterThan(5);
  expect(kinds.grpc).toBe(5);
  expect(operations.map((operation) => operation.name).filter((name) => !POLICY[name])).toEqual([]);
  expect(Object.keys(POLICY).filter((name) => !operations.some((operation) => operation.name === name))).toEqual([]);
});

/** What differs between a cell and the policy, in words; nothing when it agrees. */
function disagreement(operation: Operation, column: Column, cell: Cell): string[] {
  const problems: string[] = [];
  const expected = expectedOf(operation, column);
  const actual = classOf(cell.outcome);
  if (REFUSED_AT_THE_DOOR.includes(column) ? cell.outcome !== 'UNAUTHENTICATED' : actual !== expected) {
    problems.push(
      `${column}: expected ${REFUSED_AT_THE_DOOR.includes(column) ? 'UNAUTHENTICATED' : expected}, got ${cell.outcome} — ${cell.answer.slice(0, 300)}`,
    );
  }
  const unmasked = columnsOf(POLICY[operation.name]?.unmasked).includes(column);
  if (!unmasked && cell.plaintext.length) problems.push(`${column}: sees the worker's ${cell.plaintext.join(', ')} in full`);
  if (unmasked && cell.plaintext.length === 0)
    problems.push(`${column}: should see the worker's personal data unmasked (pii:read with a purpose), saw it masked or not at all`);
  if (cell.uncoded.length) problems.push(`${column}: errors without a stable code: ${cell.uncoded.join('; ')}`);
  return problems;
}

it.each(operations.map((operation) => [operation.name, operation] as const))('%s', async (_, operation) => {
  const problems: string[] = [];
  const record = (column: Column, cell: Cell) => {
    tally[classOf(cell.outcome)] += 1;
    problems.push(...disagreement(operation, column, cell));
  };
  const refusedColumns = COLUMNS.filter((column) => REFUSED_AT_THE_DOOR.includes(column) || expectedOf(operation, column) === 'refused');
  const before = operation.name.startsWith('Mutation.') ? await settledCounts() : undefined;
  for (const column of refusedColumns) record(column, await runner.run(operation, tokens[column]));
  if (before) expect({ refusedCallsChanged: await rowCounts() }).toEqual({ refusedCallsChanged: before });
  for (const column of COLUMNS.filter((candidate) => !refusedColumns.includes(candidate))) record(column, await runner.run(operation, tokens[column]));
  expect(problems).toEqual([]);
});

it("states the matrix's shape in the README", () => {
  const cells = operations.length * COLUMNS.length;
  const shape = `${operations.length} operations × ${COLUMNS.length} principals = ${cells} cells: ${tally.allowed} allowed, ${tally.withheld} withheld, ${tally.hidden} hidden, ${tally.refused} refused`;
  expect(tally.allowed + tally.withheld + tally.hidden + tally.refused).toBe(cells);
  expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(shape);
});

const MALFORMED_KEYS: Record<string, string[]> = { id: ['not-a-uuid', '', "1' OR '1'='1"], uscc: ['x', '', '91130500MA0000501%'] };

it.each(operations.filter((operation) => operation.kind === 'entity').map((operation) => [operation.name, operation] as const))(
  '%s answers a malformed key with null (asked by a portal that sees the good one), never an internal error',
  async (_, operation) => {
    if (operation.kind !== 'entity') throw new Error('entity rows only');
    const good = operation.representation(fixtureOf());
    for (const [key, values] of Object.entries(MALFORMED_KEYS).filter(([name]) => name in good)) {
      for (const value of values) {
        const cell = await runner.run({ ...operation, representation: () => ({ ...good, [key]: value }) }, tokens.housingPortal);
        expect({ value, outcome: cell.outcome, uncoded: cell.uncoded }).toEqual({ value, outcome: 'EMPTY', uncoded: [] });
      }
    }
  },
);
