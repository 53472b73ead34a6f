import { randomUUID } from 'node:crypto';
import { InMemoryEventBus, principalFromClaims, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadWelfareConfig } from '../../src/config';
import { createWelfareContext } from '../../src/context';
import { createWelfareService } from '../../src/service';

const config = loadWelfareConfig({ ...testing.testConfig(), WELFARE_PORT: '0' } as never);
const service = createWelfareService(config, new InMemoryEventBus(), { clock: testing.testClock() });
const db = service.db;
const worker = principalFromClaims({ sub: '00000000-0000-4000-8000-000000000001', kind: 'WORKER' });
const QUERY = `query ($region: String!, $first: Int, $after: String) { serviceCentres(regionCode: $region, first: $first, after: $after) {
  nodes { name kind regionCode } pageInfo { hasNextPage endCursor } } }`;

type Page = { serviceCentres: { nodes: Array<{ name: string; regionCode: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const execute = (variables: Record<string, unknown>, principal: Principal | null = worker) =>
  testing.runOperation(service.subgraph.apollo, QUERY, variables, createWelfareContext(principal, service.deps));

beforeAll(async () => {
  await testing.requirePostgres(config, 'welfare');
  await db.serviceCentre.deleteMany();
  await db.serviceCentre.createMany({
    data: [
      { id: randomUUID(), name: '叙州区农民工服务中心', kind: 'DISTRICT_CENTRE', regionCode: '511504', address: '叙州区', phone: '0831-1' },
      ...Array.from({ length: 4 }, (_, i) => ({
        id: randomUUID(),
        name: `乡镇服务站${i}`,
        kind: 'TOWNSHIP_STATION' as const,
        regionCode: '511504',
        address: '镇',
        phone: '0831-2',
      })),
      { id: randomUUID(), name: '邢台服务站', kind: 'TOWNSHIP_STATION', regionCode: '130502', address: '邢台', phone: '0319-1' },
    ],
  });
});

afterAll(() => db.$disconnect());

it('pages through a region’s centres without repeats', async () => {
  const first = (await execute({ region: '511500', first: 3 })).data as Page;
  expect(first.serviceCentres.nodes).toHaveLength(3);
  expect(first.serviceCentres.pageInfo.hasNextPage).toBe(true);
  const second = (await execute({ region: '511500', first: 3, after: first.serviceCentres.pageInfo.endCursor })).data as Page;
  expect(second.serviceCentres.nodes).toHaveLength(2);
  expect(second.serviceCentres.pageInfo.hasNextPage).toBe(false);
  const names = [...first.serviceCentres.nodes, ...second.serviceCentres.nodes].map((node) => node.name);
  expect(new Set(names).size).toBe(5);
  expect(names.every((name) => name !== '邢台服务站')).toBe(true);
});

it('caps the page size and refuses a bad region code', async () => {
  expect((await execute({ region: '511500', first: 1000 })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_PAGE_SIZE', field: 'first' });
  expect((await execute({ region: 'abc' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_REGION_CODE' });
  expect((await execute({ region: '511500' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('resolves service centres as entities in one batch (_entities)', async () => {
  const ids = (await db.serviceCentre.findMany({ take: 2, orderBy: { id: 'asc' } })).map((row) => row.id);
  const result = await testing.runOperation<ReturnType<typeof createWelfareContext>, { _entities: Array<{ id: string } | null> }>(
    service.subgraph.apollo,
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceCentre { id name } } }',
    { r: [...ids, randomUUID()].map((id) => ({ __typename: 'ServiceCentre', id })) },
    createWelfareContext(worker, service.deps),
  );
  const entities = result.data!._entities;
  expect(entities.map((entity) => entity?.id ?? null)).toEqual([...ids, null]);
});
