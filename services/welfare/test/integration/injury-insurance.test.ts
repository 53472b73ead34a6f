import { randomUUID } from 'node:crypto';
import { enrolmentStartedV1 } from '@yikatong/contracts';
import { addDays, principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness, GC } from '../support/harness';

const harness = createWelfareHarness();
const db = harness.db;
const contractor = principalFromClaims({ sub: 'gc-admin', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.projectRegister });
const BUY = `mutation ($input: BuyInjuryInsuranceInput!) { buyInjuryInsurance(input: $input) { id policyNumber premium coverFrom coverUntil } }`;
const COVERAGE = `query ($w: ID!, $on: Date) { injuryCoverage(workerId: $w, on: $on) { projectId covered policy { policyNumber } } }`;
const execute = harness.execute;
const deliver = harness.deliver;
const project = harness.project;

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('work-injury insurance', () => {
  it('the general contractor insures its project once per period, announced to enterprise; others are refused, nothing written', async () => {
    const projectId = await project();
    const input = { projectId, insurer: '中国人寿财产保险邢台分公司', policyNumber: 'GS-2026-0001', premium: '3600000', rateBp: 50, coverFrom: '2026-11-01' };
    expect(
      code(await execute(BUY, { input }, principalFromClaims({ sub: 'x', kind: 'ENTERPRISE', uscc: '91110000600037341L', scope: SCOPES.projectRegister }))),
    ).toBe('FORBIDDEN');
    expect(code(await execute(BUY, { input }, principalFromClaims({ sub: 'x', kind: 'ENTERPRISE', uscc: GC })))).toBe('FORBIDDEN');
    expect(code(await execute(BUY, { input: { ...input, projectId: randomUUID() } }, contractor))).toBe('PROJECT_NOT_FOUND');
    expect((await execute(BUY, { input: { ...input, premium: '0' } }, contractor)).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_PREMIUM',
      field: 'premium',
    });
    expect(await db.injuryPolicy.count()).toBe(0);
    const bought = await execute(BUY, { input }, contractor);
    expect(bought.data!.buyInjuryInsurance).toMatchObject({ policyNumber: 'GS-2026-0001', premium: '3600000', coverFrom: '2026-11-01', coverUntil: null });
    expect(code(await execute(BUY, { input: { ...input, policyNumber: 'GS-2026-0002' } }, contractor))).toBe('POLICY_OVERLAPS');
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.welfare.insurance.bought.v1', key: projectId } });
    expect(event).toMatchObject({ topic: 'yikatong.welfare.insurance' });
    expect(event.payload).toMatchObject({ data: { projectId, policyNumber: 'GS-2026-0001', coverFrom: '2026-11-01' } });
    expect(code(await execute(BUY, { input: { ...input, projectId: await project('COMPLETED'), policyNumber: 'GS-2026-0009' } }, contractor))).toBe(
      'PROJECT_FINISHED',
    );
  });

  it('answers whether a worker is covered today and by which policy; gaps are counted for dashboards', async () => {
    const insured = await project();
    const uninsured = await project();
    // Insured for the past year; the worker started on both projects three weeks ago.
    const today = harness.clock.today();
    const startDate = addDays(today, -21);
    await execute(
      BUY,
      { input: { projectId: insured, insurer: '平安财险', policyNumber: 'PA-2026-7788', premium: '1200000', rateBp: 40, coverFrom: addDays(today, -365) } },
      contractor,
    );
    const workerId = randomUUID();
    for (const projectId of [insured, uninsured]) {
      await deliver(enrolmentStartedV1, workerId, {
        enrolmentId: randomUUID(),
        workerId,
        projectId,
        employerUscc: GC,
        regionCode: '130502',
        tradeCode: 'REBAR',
        contractType: 'LABOUR_CONTRACT',
        rateKind: 'DAILY',
        rateFen: 30000,
        employmentKind: 'FULL_TIME',
        team: null,
        startDate,
        endDate: null,
      });
    }
    const self = await execute(COVERAGE, { w: workerId }, principalFromClaims({ sub: workerId, kind: 'WORKER' }));
    expect(self.data!.injuryCoverage).toEqual(
      expect.arrayContaining([
        { projectId: insured, covered: true, policy: { policyNumber: 'PA-2026-7788' } },
        { projectId: uninsured, covered: false, policy: null },
      ]),
    );
    expect((await execute(COVERAGE, { w: workerId, on: addDays(startDate, -1) }, contractor)).data!.injuryCoverage).toEqual([]);
    expect((await execute(COVERAGE, { w: workerId }, principalFromClaims({ sub: randomUUID(), kind: 'WORKER' }))).data!.injuryCoverage).toEqual([]);
    const gaps = await execute(
      `{ insuranceCoverageGaps(regionCode: "130500") { projects workers } }`,
      {},
      principalFromClaims({ sub: 'dash', kind: 'ANALYTICS', regions: ['130500'] }),
    );
    expect(gaps.data!.insuranceCoverageGaps.projects).toBeGreaterThanOrEqual(1);
    expect(code(await execute(`{ insuranceCoverageGaps(regionCode: "130500") { projects } }`, {}, contractor))).toBe('FORBIDDEN');
  });
});
