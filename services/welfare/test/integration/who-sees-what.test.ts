import { randomUUID } from 'node:crypto';
import { workerRegisteredV1 } from '@yikatong/contracts';
import { principalFromClaims } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

const harness = createWelfareHarness();
const shenzhenDashboard = principalFromClaims({ sub: 'sz-dash', kind: 'ANALYTICS', regions: ['440300'] });
const xingtaiDashboard = principalFromClaims({ sub: 'xt-dash', kind: 'ANALYTICS', regions: ['130500'] });
const xingtaiPortal = principalFromClaims({ sub: 'xt-clerk', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] });
const bank = principalFromClaims({ sub: 'ccb-ops', kind: 'BANK', bank: 'CCB' });

/** Every dashboard aggregate welfare answers, each asked for one region ($r). */
const STATISTICS = {
  complaintStatistics: `query ($r: String!) { complaintStatistics(regionCode: $r) { regionCode byStage { category stage count } } }`,
  trainingNeeds: `query ($r: String!) { trainingNeeds(regionCode: $r) { regionCode workersWithoutSafetyTraining } }`,
  insuranceCoverageGaps: `query ($r: String!) { insuranceCoverageGaps(regionCode: $r) { regionCode projects workers } }`,
  trainingProgress: `query ($r: String!) { trainingProgress(regionCode: $r, year: 2026) { target completed } }`,
  overdueServiceRequests: `query ($r: String!) { overdueServiceRequests(regionCode: $r) { department overdue } }`,
};

beforeAll(async () => {
  await harness.start();
  const workerId = randomUUID();
  await harness.deliver(workerRegisteredV1, workerId, {
    workerId,
    regionCode: '130502',
    tradeCode: 'REBAR',
    birthYear: 1985,
    sex: 'MALE',
    registeredAt: harness.clock.now().toISOString(),
  });
});
afterAll(() => harness.stop());

describe.each(Object.entries(STATISTICS))('%s: one statistics scope for every dashboard', (field, query) => {
  it("refuses a Shenzhen dashboard Xingtai's figures, naming the region", async () => {
    const refused = await harness.execute(query, { r: '130500' }, shenzhenDashboard);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('130500');
    expect(refused.data?.[field] ?? null).toBeNull();
  });

  it('answers a Xingtai dashboard for a district of Xingtai', async () => {
    const answered = await harness.execute(query, { r: '130502' }, xingtaiDashboard);
    expect(answered.errors).toBeUndefined();
    expect(answered.data![field]).not.toBeNull();
  });

  it('refuses a Xingtai portal outside its jurisdiction instead of answering zeros', async () => {
    expect(code(await harness.execute(query, { r: '440300' }, xingtaiPortal))).toBe('FORBIDDEN');
  });

  it('checks the region code before comparing it, and refuses banks', async () => {
    expect(code(await harness.execute(query, { r: '1305' }, xingtaiDashboard))).toBe('INVALID_REGION_CODE');
    expect(code(await harness.execute(query, { r: '130500' }, bank))).toBe('FORBIDDEN');
  });
});

it("counts a region's figures for its own dashboard", async () => {
  const needs = await harness.execute(STATISTICS.trainingNeeds, { r: '130500' }, xingtaiDashboard);
  expect(needs.data!.trainingNeeds).toEqual({ regionCode: '130500', workersWithoutSafetyTraining: 1 });
});

it('shows a bank an award round, a public notice, but not the workers nominated', async () => {
  const roundId = randomUUID();
  await harness.db.awardRound.create({ data: { id: roundId, kind: 'OUTSTANDING_WORKER', year: 2026, regionCode: '130500', quota: 3, status: 'OPEN' } });
  await harness.db.awardNomination.create({
    data: { id: randomUUID(), roundId, workerId: randomUUID(), reason: '连续三年零事故', nominatedBy: 'rsj', at: harness.clock.now() },
  });
  const round = `query ($id: ID!) { awardRound(id: $id) { year quota status } }`;
  expect((await harness.execute(round, { id: roundId }, bank)).data!.awardRound).toEqual({ year: 2026, quota: 3, status: 'OPEN' });
  const nominations = `query ($id: ID!) { awardRound(id: $id) { nominations { workerId reason } } }`;
  expect(code(await harness.execute(nominations, { id: roundId }, bank))).toBe('FORBIDDEN');
  expect(code(await harness.execute(nominations, { id: roundId }, xingtaiDashboard))).toBe('FORBIDDEN');
  expect((await harness.execute(nominations, { id: roundId }, xingtaiPortal)).data!.awardRound.nominations).toHaveLength(1);
});
