import { randomUUID } from 'node:crypto';
import { principalFromClaims } from '@yikatong/platform';
import { createPayrollHarness, GC, roles, SUB } from '../support/harness';

const harness = createPayrollHarness();
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
const shenzhenDashboard = principalFromClaims({ sub: 'sz-dash', kind: 'ANALYTICS', regions: ['440300'] });
const xingtaiDashboard = principalFromClaims({ sub: 'xt-dash', kind: 'ANALYTICS', regions: ['130500'] });
const xingtaiPortal = principalFromClaims({ sub: 'xt-clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] });
const STATISTICS = `query ($r: String!) { payrollStatistics(regionCode: $r) { regionCode periods { period due paid } warnings { colour raised open } } }`;

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe("payrollStatistics: the platform's statistics scope", () => {
  it("refuses a Shenzhen dashboard Xingtai's figures, naming the region", async () => {
    const refused = await harness.execute(STATISTICS, { r: '130500' }, shenzhenDashboard);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('130500');
  });

  it('answers a Xingtai dashboard for a district of Xingtai', async () => {
    const answered = await harness.execute(STATISTICS, { r: '130502' }, xingtaiDashboard);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.payrollStatistics).toMatchObject({ regionCode: '130502' });
  });

  it("refuses a Xingtai portal outside its jurisdiction instead of answering its own region's figures", async () => {
    expect(code(await harness.execute(STATISTICS, { r: '440300' }, xingtaiPortal))).toBe('FORBIDDEN');
    expect(code(await harness.execute(STATISTICS, { r: '1305' }, xingtaiPortal))).toBe('INVALID_REGION_CODE');
    expect(code(await harness.execute(STATISTICS, { r: '130500' }, roles.bank()))).toBe('FORBIDDEN');
  });
});

describe("a bank's view of a deposit: what paying needs", () => {
  it("shows the holding bank the amounts and drawdowns, not the rate or its trace (the contractor's credit history)", async () => {
    const { projectId } = await harness.project();
    const placed = await harness.execute(
      `mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { id } }`,
      { input: { projectId, form: 'CASH', amount: '2000000000' } },
      roles.approver,
    );
    expect(placed.errors).toBeUndefined();
    const paying = await harness.execute(
      `query ($p: ID!) { deposit(projectId: $p) { form required held status drawdowns { id } } }`,
      { p: projectId },
      roles.bank(),
    );
    expect(paying.data!.deposit).toEqual({ form: 'CASH', required: '2000000000', held: '2000000000', status: 'HELD', drawdowns: [] });
    for (const field of ['rateBp', 'trace']) {
      const refused = await harness.execute(`query ($p: ID!) { deposit(projectId: $p) { held ${field} } }`, { p: projectId }, roles.bank());
      expect(code(refused)).toBe('FORBIDDEN');
      expect(refused.data!.deposit).toBeNull();
    }
    const contractor = await harness.execute(`query ($p: ID!) { deposit(projectId: $p) { rateBp trace } }`, { p: projectId }, roles.approver);
    expect(contractor.data!.deposit.rateBp).toBe(200);
  });
});

describe('entity resolution (_entities) of an arrears warning', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ArrearsWarning { id colour uscc status } } }`;
  const resolve = (id: string, caller: Parameters<typeof harness.execute>[2]) =>
    harness.execute(ENTITIES, { representations: [{ __typename: 'ArrearsWarning', id }] }, caller);

  async function warning() {
    const { projectId } = await harness.project();
    const id = randomUUID();
    await harness.db.arrearsWarning.create({
      data: {
        id,
        projectId,
        uscc: GC,
        regionCode: '130502',
        colour: 'YELLOW',
        ruleCode: 'UNPAID_PAST_DUE',
        message: '逾期未发',
        status: 'OPEN',
        version: 1,
        raisedAt: harness.clock.now(),
      },
    });
    return id;
  }

  it('resolves a warning for a portal of its region and for the enterprise it is about', async () => {
    const id = await warning();
    for (const caller of [roles.portal(), roles.approver]) {
      expect((await resolve(id, caller)).data).toEqual({ _entities: [{ id, colour: 'YELLOW', uscc: GC, status: 'OPEN' }] });
    }
  });

  it("hides it from another region's portal, another enterprise and a bank without the project's account; a malformed id too", async () => {
    const id = await warning();
    for (const caller of [roles.portal(['440300']), roles.clerk(SUB), roles.bank('ICBC')]) {
      expect(await resolve(id, caller)).toEqual({ data: { _entities: [null] } });
    }
    expect(await resolve('not-a-uuid', roles.portal())).toEqual({ data: { _entities: [null] } });
  });
});
