import { randomUUID } from 'node:crypto';
import { principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness } from '../support/harness';

const { config, bus, db, execute } = createHarness();

const GC = '91350100M000100Y43';
const SUB = '91110000600037341L';
const LABOUR = '91130500MA0000001X';
const OTHER = '91130500MA0000002X';
const enterpriseOf = (uscc: string, scope: string = SCOPES.projectRegister): Principal =>
  principalFromClaims({ sub: `admin-${uscc.slice(-4)}`, kind: 'ENTERPRISE', uscc, scope });
const portal = (regions = ['130500'], scope: string = SCOPES.projectRegister): Principal =>
  principalFromClaims({ sub: 'clerk-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions, scope });

const REGISTER = `mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id stage contractValue labourCostSharePercent generalContractor { uscc } } }`;
const ADD = `mutation ($input: AddSubcontractorInput!) { addSubcontractor(input: $input) { participants { uscc role parentUscc enterprise { name } } } }`;
const project = (overrides: Record<string, unknown> = {}) => ({
  name: '邢台学院新校区',
  regionCode: '130502',
  client: '邢台学院',
  generalContractorUscc: GC,
  contractValue: '12000000000',
  labourCostSharePercent: 25,
  startDate: '2026-12-01',
  plannedEndDate: '2028-06-30',
  ...overrides,
});
const counts = async () => ({ projects: await db.project.count(), participants: await db.projectParticipant.count(), outbox: await db.outboxEvent.count() });

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe(
    'TRUNCATE project_participant, project, eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE',
  );
  const types = [
    [GC, 'GENERAL_CONTRACTOR'],
    [SUB, 'SUBCONTRACTOR'],
    [LABOUR, 'LABOUR_SERVICE'],
    [OTHER, 'SUBCONTRACTOR'],
  ] as const;
  await db.enterprise.createMany({
    data: types.map(([uscc, type]) => ({ uscc, name: `企业${uscc.slice(-4)}`, type, regionCode: '130502', legalRepresentative: '张三', registeredBy: 'test' })),
  });
});

afterAll(async () => {
  await db.$disconnect();
  await bus.close();
});

describe('projects and the subcontracting chain', () => {
  it('the general contractor registers its project; the event identity needs is in the same transaction', async () => {
    const result = await execute(REGISTER, { input: project() }, enterpriseOf(GC));
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerProject).toMatchObject({
      stage: 'BIDDING',
      contractValue: '12000000000',
      labourCostSharePercent: 25,
      generalContractor: { uscc: GC },
    });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { key: result.data!.registerProject.id } });
    expect(event).toMatchObject({ type: 'cn.yikatong.enterprise.project.registered.v1', topic: 'yikatong.enterprise.projects' });
    expect(event.payload).toMatchObject({ data: { generalContractorUscc: GC, regionCode: '130502' } });
  });

  it('builds the chain GC → subcontractor → labour subcontractor, each link by the subcontracting party', async () => {
    const { data } = await execute(REGISTER, { input: project() }, portal());
    const projectId = data!.registerProject.id;
    expect((await execute(ADD, { input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC } }, enterpriseOf(GC))).errors).toBeUndefined();
    const chain = await execute(ADD, { input: { projectId, uscc: LABOUR, role: 'LABOUR_SUBCONTRACTOR', parentUscc: SUB } }, enterpriseOf(SUB));
    expect(chain.data!.addSubcontractor.participants).toEqual([
      { uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC, enterprise: { name: '企业341L' } },
      { uscc: LABOUR, role: 'LABOUR_SUBCONTRACTOR', parentUscc: SUB, enterprise: null },
    ]);
    expect(await db.outboxEvent.count({ where: { key: projectId, type: 'cn.yikatong.enterprise.project.participant-added.v1' } })).toBe(2);
  });

  it.each<[string, Record<string, unknown>, Principal, string]>([
    ['an enterprise registering for another general contractor', {}, enterpriseOf(SUB), 'FORBIDDEN'],
    ['a caller without project:register', {}, enterpriseOf(GC, ''), 'FORBIDDEN'],
    ['a portal of another region', {}, portal(['130100']), 'FORBIDDEN'],
    ['a subcontractor named as general contractor', { generalContractorUscc: SUB }, portal(), 'NOT_A_GENERAL_CONTRACTOR'],
    ['an unknown general contractor', { generalContractorUscc: '91110000600037342X' }, portal(), 'ENTERPRISE_NOT_FOUND'],
    ['a zero contract value', { contractValue: '0' }, portal(), 'INVALID_CONTRACT_VALUE'],
    ['an end before the start', { plannedEndDate: '2026-01-01' }, portal(), 'END_BEFORE_START'],
  ])('refuses %s and writes nothing', async (_, overrides, caller, code) => {
    const before = await counts();
    const result = await execute(REGISTER, { input: project(overrides) }, caller);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('refuses a link made by someone other than the subcontracting party, or under a party not on the project', async () => {
    const { data } = await execute(REGISTER, { input: project() }, enterpriseOf(GC));
    const projectId = data!.registerProject.id;
    const before = await counts();
    expect(
      (await execute(ADD, { input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC } }, enterpriseOf(OTHER))).errors![0]!.extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await execute(ADD, { input: { projectId, uscc: LABOUR, role: 'LABOUR_SUBCONTRACTOR', parentUscc: SUB } }, enterpriseOf(SUB))).errors![0]!.extensions!
        .code,
    ).toBe('PARENT_NOT_ON_PROJECT');
    expect(
      (await execute(ADD, { input: { projectId: randomUUID(), uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC } }, enterpriseOf(GC))).errors![0]!.extensions!
        .code,
    ).toBe('PROJECT_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('shows a project to portals of its region and enterprises on it, and lists accordingly', async () => {
    const { data } = await execute(REGISTER, { input: project({ name: '可见性测试项目' }) }, enterpriseOf(GC));
    const projectId = data!.registerProject.id;
    await execute(ADD, { input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC } }, enterpriseOf(GC));
    const ONE = `query ($id: ID!) { project(id: $id) { name } }`;
    expect((await execute(ONE, { id: projectId }, portal(['440300'], ''))).data!.project).toBeNull();
    expect(
      (await execute(ONE, { id: projectId }, principalFromClaims({ sub: 'p', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }))).data!
        .project,
    ).toEqual({ name: '可见性测试项目' });
    expect((await execute(ONE, { id: projectId }, enterpriseOf(SUB))).data!.project).toEqual({ name: '可见性测试项目' });
    expect((await execute(ONE, { id: projectId }, enterpriseOf(OTHER))).data!.project).toBeNull();
    const LIST = `query { projects(stage: BIDDING, first: 100) { nodes { id } } }`;
    expect((await execute(LIST, {}, enterpriseOf(OTHER))).data!.projects.nodes).toEqual([]);
    expect((await execute(LIST, {}, enterpriseOf(SUB))).data!.projects.nodes.map((node: { id: string }) => node.id)).toContain(projectId);
    expect((await execute(LIST, {}, principalFromClaims({ sub: 'a', kind: 'ANALYTICS', regions: ['130500'] }))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe("a project's labour-wage officer (劳资专管员)", () => {
  const APPOINT = `mutation ($input: AppointLabourWageOfficerInput!) { appointLabourWageOfficer(input: $input) { labourWageOfficer { name phone appointedAt } } }`;
  const OFFICER = `query ($id: ID!) { project(id: $id) { labourWageOfficer { name phone } } }`;
  const registered = async () => (await execute(REGISTER, { input: project() }, enterpriseOf(GC))).data!.registerProject.id as string;

  it('is appointed by the general contractor, replaced by a later appointment, and the earlier one stays as the record', async () => {
    const projectId = await registered();
    expect((await execute(OFFICER, { id: projectId }, enterpriseOf(GC))).data!.project.labourWageOfficer).toBeNull();
    const first = await execute(APPOINT, { input: { projectId, name: ' 孙丽 ', phone: '139 0319 0001' } }, enterpriseOf(GC));
    expect(first.errors).toBeUndefined();
    expect(first.data!.appointLabourWageOfficer.labourWageOfficer).toMatchObject({ name: '孙丽', phone: '13903190001' });
    await execute(APPOINT, { input: { projectId, name: '周建华', phone: '0319-2345678' } }, portal());
    expect((await execute(OFFICER, { id: projectId }, enterpriseOf(GC))).data!.project.labourWageOfficer).toEqual({ name: '周建华', phone: '0319-2345678' });
    expect(await db.labourWageOfficerAppointment.findMany({ where: { projectId }, select: { name: true, appointedBy: true } })).toEqual(
      expect.arrayContaining([
        { name: '孙丽', appointedBy: 'admin-0Y43' },
        { name: '周建华', appointedBy: 'clerk-1' },
      ]),
    );
  });

  it.each<[string, Record<string, unknown>, Principal, string, string]>([
    ['a name not as on an ID card', { name: '孙' }, enterpriseOf(GC), 'INVALID_NAME', 'name'],
    ['a phone workers cannot call', { phone: '12345' }, enterpriseOf(GC), 'INVALID_PHONE', 'phone'],
    ['a project id that is not an id', { projectId: 'p-1' }, enterpriseOf(GC), 'INVALID_ID', 'projectId'],
    ['an unknown project', { projectId: randomUUID() }, enterpriseOf(GC), 'PROJECT_NOT_FOUND', 'projectId'],
    ['a subcontractor', {}, enterpriseOf(SUB), 'FORBIDDEN', ''],
    ['a portal of another region', {}, portal(['130600']), 'FORBIDDEN', ''],
    ['a portal without project:register', {}, portal(['130500'], SCOPES.projectReview), 'FORBIDDEN', ''],
  ])('refuses %s and writes nothing', async (_, overrides, principal, code, field) => {
    const projectId = await registered();
    const before = await db.labourWageOfficerAppointment.count();
    const result = await execute(APPOINT, { input: { projectId, name: '孙丽', phone: '13903190001', ...overrides } }, principal);
    expect(result.errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
    expect(await db.labourWageOfficerAppointment.count()).toBe(before);
  });

  it('refuses an appointment on a closed project', async () => {
    const projectId = await registered();
    await db.project.update({ where: { id: projectId }, data: { stage: 'CLOSED' } });
    const result = await execute(APPOINT, { input: { projectId, name: '孙丽', phone: '13903190001' } }, enterpriseOf(GC));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PROJECT_CLOSED', field: 'projectId' });
  });
});

describe('entity resolution (_entities) of enterprises and projects', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Enterprise { uscc name } ... on Project { id name generalContractor { uscc } } } }`;
  const resolve = (representation: Record<string, unknown>, caller: Principal) => execute(ENTITIES, { representations: [representation] }, caller);

  it('resolves an enterprise and its project for a portal of the region and for the enterprise itself', async () => {
    const { data } = await execute(REGISTER, { input: project({ name: '邢台实体项目' }) }, enterpriseOf(GC));
    const projectId = data!.registerProject.id;
    for (const caller of [portal(), enterpriseOf(GC)]) {
      expect((await resolve({ __typename: 'Enterprise', uscc: GC }, caller)).data).toEqual({ _entities: [{ uscc: GC, name: `企业${GC.slice(-4)}` }] });
      expect((await resolve({ __typename: 'Project', id: projectId }, caller)).data).toEqual({
        _entities: [{ id: projectId, name: '邢台实体项目', generalContractor: { uscc: GC } }],
      });
    }
  });

  it("hides them from another region's portal and from an enterprise that is not on the project", async () => {
    const { data } = await execute(REGISTER, { input: project({ name: '邢台实体项目二' }) }, enterpriseOf(GC));
    const projectId = data!.registerProject.id;
    for (const caller of [portal(['130100']), enterpriseOf(OTHER)]) {
      expect(await resolve({ __typename: 'Enterprise', uscc: GC }, caller)).toEqual({ data: { _entities: [null] } });
      expect(await resolve({ __typename: 'Project', id: projectId }, caller)).toEqual({ data: { _entities: [null] } });
    }
  });
});
