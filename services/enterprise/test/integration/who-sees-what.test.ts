import { randomUUID } from 'node:crypto';
import { dateOfDay, principalFromClaims } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness } from '../support/harness';

const { bus, config, clock, db, execute } = createHarness();
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
const GC = '91130500MA0A1B2C3D';
const shenzhenDashboard = principalFromClaims({ sub: 'sz-dash', kind: 'ANALYTICS', regions: ['440300'] });
const xingtaiDashboard = principalFromClaims({ sub: 'xt-dash', kind: 'ANALYTICS', regions: ['130500'] });
const xingtaiPortal = principalFromClaims({ sub: 'xt-clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] });
const bank = principalFromClaims({ sub: 'ccb-ops', kind: 'BANK', bank: 'CCB' });
const STATISTICS = `query ($r: String!) { enterpriseStatistics(regionCode: $r) { regionCode enterprises eligible } }`;
const projectId = randomUUID();

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.enterprise.createMany({
    data: [
      {
        uscc: GC,
        name: '邢台建工集团',
        type: 'GENERAL_CONTRACTOR',
        regionCode: '130502',
        legalRepresentative: '王五',
        registeredAt: clock.now(),
        registeredBy: 'test',
      },
    ],
    skipDuplicates: true,
  });
  await db.project.create({
    data: {
      id: projectId,
      name: '邢台学院图书馆',
      regionCode: '130502',
      client: '邢台学院',
      generalContractorUscc: GC,
      contractValueFen: 5_000_000_000n,
      labourCostShareBp: 2500,
      startDate: dateOfDay(clock.today()),
      stage: 'BIDDING',
      registeredBy: 'test',
      registeredAt: clock.now(),
    },
  });
});
afterAll(async () => {
  await bus.close();
  await db.$disconnect();
});

describe("enterpriseStatistics: the platform's statistics scope", () => {
  it("refuses a Shenzhen dashboard Xingtai's figures, naming the region", async () => {
    const refused = await execute(STATISTICS, { r: '130500' }, shenzhenDashboard);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('130500');
  });

  it('answers a Xingtai dashboard for a district of Xingtai', async () => {
    const answered = await execute(STATISTICS, { r: '130502' }, xingtaiDashboard);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.enterpriseStatistics).toMatchObject({ regionCode: '130502', enterprises: expect.any(Number) });
  });

  it('refuses a Xingtai portal outside its jurisdiction, a malformed code and a bank', async () => {
    expect(code(await execute(STATISTICS, { r: '440300' }, xingtaiPortal))).toBe('FORBIDDEN');
    expect(code(await execute(STATISTICS, { r: '1305' }, xingtaiPortal))).toBe('INVALID_REGION_CODE');
    expect(code(await execute(STATISTICS, { r: '130500' }, bank))).toBe('FORBIDDEN');
  });
});

describe('a bank sees of an enterprise what paying needs', () => {
  const ENTERPRISE = (fields: string) => `query ($uscc: ID!) { enterprise(uscc: $uscc) { ${fields} } }`;

  it('who it is, whether it may bid and the arrears warnings against it', async () => {
    const paying = await execute(
      ENTERPRISE('uscc name type regionCode legalRepresentative registeredAt biddingEligibility { eligible reasons { code } } arrearsWarnings { colour }'),
      { uscc: GC },
      bank,
    );
    expect(paying.errors).toBeUndefined();
    expect(paying.data!.enterprise).toMatchObject({
      uscc: GC,
      name: '邢台建工集团',
      biddingEligibility: { eligible: expect.any(Boolean) },
      arrearsWarnings: expect.any(Array),
    });
  });

  it.each([
    ['creditRecords', 'creditRecords { kind category }'],
    ['responsiblePersons', 'responsiblePersons { personId }'],
    ['depositRateInputs', 'depositRateInputs { cleanYears listed }'],
    ['blacklistListings', 'blacklistListings { responsiblePersonIds }'],
    ['qualifications', 'qualifications { certificateNumber }'],
    ['eligibilityHistory', 'eligibilityHistory { nodes { cause } }'],
  ])('refuses its %s', async (field, selection) => {
    const refused = await execute(ENTERPRISE(`uscc ${selection}`), { uscc: GC }, bank);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.path).toEqual(['enterprise', field]);
    expect(refused.data!.enterprise).toBeNull();
    expect((await execute(ENTERPRISE(`uscc ${selection}`), { uscc: GC }, xingtaiPortal)).errors).toBeUndefined();
  });

  it('reaches no project, project list or enterprise list', async () => {
    expect((await execute(`query ($id: ID!) { project(id: $id) { id client contractValue } }`, { id: projectId }, bank)).data!.project).toBeNull();
    expect(code(await execute(`{ projects { nodes { id } } }`, {}, bank))).toBe('FORBIDDEN');
    expect(code(await execute(`{ enterprises { nodes { uscc } } }`, {}, bank))).toBe('FORBIDDEN');
  });
});
