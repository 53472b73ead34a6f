import { randomUUID } from 'node:crypto';
import { MONEY_MAX_FEN, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness } from '../support/harness';

/**
 * Hostile input on every list, id and amount of enterprise: each is refused with a stable code and
 * its field (or, for a lookup, answered as not found), and nothing is written.
 */
const { config, bus, clock, db, execute } = createHarness();
const GC = '91350100M000100Y43';
const SUB = '91110000600037341L';
const portal = principalFromClaims({ sub: 'clerk-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.projectRegister });
const reviewer = principalFromClaims({ sub: 'bureau-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.projectReview });
const REGISTER = 'mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }';
const project = (contractValue: unknown) => ({
  input: {
    name: '邢台学院新校区',
    regionCode: '130502',
    client: '邢台学院',
    generalContractorUscc: GC,
    contractValue,
    labourCostSharePercent: 25,
    startDate: '2026-12-01',
  },
});
const writes = async () => ({ projects: await db.project.count(), participants: await db.projectParticipant.count(), outbox: await db.outboxEvent.count() });

const LISTS: ReadonlyArray<readonly [string, string, (data: Record<string, any>) => Record<string, any>]> = [
  ['enterprises', 'query ($after: String) { enterprises(first: 1, after: $after) { nodes { id: uscc } pageInfo { endCursor } } }', (data) => data.enterprises],
  ['projects', 'query ($after: String) { projects(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', (data) => data.projects],
  [
    'Enterprise.eligibilityHistory',
    `query ($after: String) { enterprise(uscc: "${GC}") { eligibilityHistory(first: 1, after: $after) { nodes { id: cause } pageInfo { endCursor } } } }`,
    (data) => data.enterprise.eligibilityHistory,
  ],
];

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe(
    'TRUNCATE project_participant, project, eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE',
  );
  await db.enterprise.createMany({
    data: [
      [GC, 'GENERAL_CONTRACTOR'],
      [SUB, 'SUBCONTRACTOR'],
    ].map(([uscc, type]) => ({
      uscc: uscc!,
      name: `企业${uscc!.slice(-4)}`,
      type: type as 'GENERAL_CONTRACTOR',
      regionCode: '130502',
      legalRepresentative: '张三',
      registeredBy: 'test',
    })),
  });
  await db.eligibilityChange.createMany({
    data: [1, 2].map((n) => ({
      id: randomUUID(),
      uscc: GC,
      eligible: n === 1,
      reasonCodes: [],
      cause: `clock:RULE_${n}`,
      at: new Date(clock.now().getTime() - n * 60_000),
    })),
  });
  for (const value of ['12000000000', '13000000000']) expect((await execute(REGISTER, project(value), portal)).errors).toBeUndefined();
});

afterAll(async () => {
  await db.$disconnect();
  await bus.close();
});

describe('a cursor no list issued', () => {
  it.each(LISTS)('%s pages on with the cursor it gave', async (_, query, page) => {
    const first = await execute(query, {}, portal);
    expect(first.errors).toBeUndefined();
    const second = await execute(query, { after: page(first.data!).pageInfo.endCursor }, portal);
    expect(second.errors).toBeUndefined();
    expect(page(second.data!).nodes).toHaveLength(1);
    expect(page(second.data!).nodes[0].id).not.toBe(page(first.data!).nodes[0].id);
  });

  const cases = LISTS.flatMap(([name, query]) => testing.FORGED_CURSORS.map(([forged, after]) => [name, forged, query, after] as const));
  it.each(cases)('%s refuses %s with INVALID_CURSOR on after', async (_, __, query, after) => {
    const result = await execute(query, { after }, portal);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });
});

describe('an id that is not one', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an enterprise with a NUL in its USCC', { __typename: 'Enterprise', uscc: `${GC.slice(0, 17)}\u0000` }],
    ['an enterprise with a lower-case USCC', { __typename: 'Enterprise', uscc: 'not-a-uscc' }],
    ['a project with a non-UUID id', { __typename: 'Project', id: 'not-a-uuid' }],
  ])('hides %s another subgraph asks for', async (_, representation) => {
    const result = await execute(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc } ... on Project { id } } }',
      { r: [representation] },
      portal,
    );
    expect(result).toEqual({ data: { _entities: [null] } });
  });

  it('answers a lookup by a malformed id or USCC as not found', async () => {
    const result = await execute(
      'query ($uscc: ID!, $id: ID!) { enterprise(uscc: $uscc) { uscc } project(id: $id) { id } tender(id: $id) { id } }',
      { uscc: 'x\u0000', id: 'x' },
      portal,
    );
    expect(result).toEqual({ data: { enterprise: null, project: null, tender: null } });
  });

  it.each<[string, string, Record<string, unknown>, Principal, string]>([
    ['cancelTender', 'mutation ($id: ID!) { cancelTender(tenderId: $id) { id } }', { id: 'x' }, reviewer, 'tenderId'],
    [
      'addSubcontractor',
      'mutation ($input: AddSubcontractorInput!) { addSubcontractor(input: $input) { id } }',
      { input: { projectId: 'x', uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC } },
      portal,
      'projectId',
    ],
  ])('%s refuses it with its field, writing nothing', async (_, query, variables, caller, field) => {
    const before = await writes();
    const result = await execute(query, variables, caller);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(await writes()).toEqual(before);
  });
});

describe('an amount out of range', () => {
  it.each<[string, unknown, string]>([
    ['2^53 + 1 fen as a string', String(2n ** 53n + 1n), 'MONEY_OUT_OF_RANGE'],
    ['one fen above the maximum', String(MONEY_MAX_FEN + 1n), 'MONEY_OUT_OF_RANGE'],
    ['a JSON number above 2^53', 2 ** 53 + 1, 'INVALID_MONEY'],
    ['a small JSON number', 12_000, 'INVALID_MONEY'],
    ['a decimal', '120000.50', 'INVALID_MONEY'],
  ])('registerProject refuses a contract value of %s, writing nothing', async (_, contractValue, code) => {
    const before = await writes();
    const result = await execute(REGISTER, project(contractValue), portal);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.contractValue' });
    expect(await writes()).toEqual(before);
  });

  it('registerProject takes the largest amount', async () => {
    expect((await execute(REGISTER, project(String(MONEY_MAX_FEN)), portal)).errors).toBeUndefined();
  });
});
