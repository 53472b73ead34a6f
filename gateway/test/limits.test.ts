import { readFileSync } from 'node:fs';
import { buildASTSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { gatewayConfigSchema, loadGatewayConfig } from '../src/config';
import { operationCost } from '../src/cost';
import { SUPERGRAPH_PATH } from '../src/supergraph';
import { postGraphQL, startFederation, type RunningFederation } from './support/federation';
import { PAGES } from './support/pages';

/**
 * The operation limits: real pages pass them, abusive operations are refused before anything is
 * fetched with HTTP 400 and a code a client can branch on — never "Syntax Error" or a 500.
 */
const defaults = loadGatewayConfig({ NODE_ENV: 'test' });
const LIMIT_CODES = ['QUERY_TOO_COSTLY', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS'];

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValid: true });
  const document = parse(query);
  const [operation] = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  return operationCost(schema, operation!, fragments, variables, { listSize: defaults.GATEWAY_COST_LIST_SIZE });
}

describe('the cost model', () => {
  it("counts objects, not scalars, and a connection's page as its first (literal, variable or default)", () => {
    expect(costOf('{ enterprises(first: 100) { nodes { uscc name } pageInfo { endCursor } } }')).toBe(102);
    expect(costOf('query ($n: Int) { enterprises(first: $n) { nodes { uscc } } }', { n: 100 })).toBe(101);
    expect(costOf('{ enterprises { nodes { uscc } } }')).toBe(21);
    expect(costOf('{ workers(first: 100) { nodes { enrolments { projectId } } } }')).toBe(1 + 100 * (1 + 10));
    expect(costOf('{ enterprises(first: 10) { ...names } } fragment names on EnterpriseConnection { nodes { name } }')).toBe(11);
  });

  it.each(PAGES.map((page) => [page.name, page] as const))('lets a page through with room to spare: %s', (_, page) => {
    expect(costOf(page.query, page.variables)).toBeLessThanOrEqual(defaults.GATEWAY_MAX_COST / 2);
  });

  it('refuses nested connections of 100 each, asked for with variables too', () => {
    expect(costOf('query ($n: Int) { enterprises(first: $n) { nodes { eligibilityHistory(first: $n) { nodes { cause } } } } }', { n: 100 })).toBeGreaterThan(
      defaults.GATEWAY_MAX_COST,
    );
  });

  it('defaults are documented settings', () => {
    expect(gatewayConfigSchema.parse({ NODE_ENV: 'test' })).toMatchObject({
      GATEWAY_MAX_COST: 10_000,
      GATEWAY_COST_LIST_SIZE: 10,
      GATEWAY_MAX_TOKENS: 1000,
      GATEWAY_MAX_DEPTH: 10,
      GATEWAY_MAX_ALIASES: 15,
    });
  });
});

describe('through the gateway', () => {
  let federation: RunningFederation;

  beforeAll(async () => {
    federation = await startFederation();
  });
  afterAll(async () => federation?.stop());

  it.each(PAGES.map((page) => [page.name, page] as const))('answers a page, not refusing it for its size: %s', async (_, page) => {
    const answer = await postGraphQL(federation.gatewayUrl, await federation.token(page.caller), page.query, page.variables);
    expect(answer.status).toBe(200);
    const refusals = (answer.body.errors ?? []).filter(
      (error) => LIMIT_CODES.includes(String(error.extensions?.code)) || error.message.startsWith('Syntax Error'),
    );
    expect(refusals).toEqual([]);
  });

  it('answers the dashboard page without any error', async () => {
    const [dashboard] = PAGES;
    const answer = await postGraphQL(federation.gatewayUrl, await federation.token(dashboard!.caller), dashboard!.query, dashboard!.variables);
    expect(answer.body.errors).toBeUndefined();
  });

  const nested = (depth: number): string => (depth === 0 ? 'name' : `realNameCard { holder { ${nested(depth - 1)} } }`);
  it.each([
    [
      'QUERY_TOO_COSTLY',
      'nested connections of 100 (variables)',
      'query ($n: Int) { enterprises(first: $n) { nodes { eligibilityHistory(first: $n) { nodes { cause } } } } }',
      { n: 100 },
    ],
    ['QUERY_TOO_COSTLY', 'lists inside lists inside a page of 100', '{ workers(first: 100) { nodes { enrolments { movements { at } } } } }', {}],
    ['QUERY_TOO_DEEP', '14 levels', `{ me { ${nested(6)} } }`, {}],
    ['TOO_MANY_ALIASES', '16 aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: trades { code }`).join(' ')} }`, {}],
    ['TOO_MANY_DIRECTIVES', '51 directives', `{ ${'__typename @include(if: true) '.repeat(51)}}`, {}],
    ['TOO_MANY_TOKENS', '1003 tokens', `{ ${'__typename '.repeat(1001)}}`, {}],
  ])('refuses with HTTP 400 and %s: %s', async (code, _, query, variables) => {
    const answer = await postGraphQL(federation.gatewayUrl, await federation.token(PAGES[0]!.caller), query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: expect.not.stringMatching(/^Syntax Error/), extensions: { code } }]);
  });
});
