import { randomUUID } from 'node:crypto';
import { workerRegisteredV1 } from '@yikatong/contracts';
import { addDays, principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

const harness = createWelfareHarness();
const manager = principalFromClaims({
  sub: 'rsj',
  kind: 'PORTAL',
  dept: 'HRSS',
  regions: ['130500'],
  scope: `${SCOPES.serviceManage} ${SCOPES.trainingManage}`,
});
const SCHEME = `mutation ($input: WelfareSchemeInput!) { defineWelfareScheme(input: $input) { code rules { rule value } } }`;

async function registered(birthYear = 1985) {
  const workerId = randomUUID();
  await harness.deliver(workerRegisteredV1, workerId, {
    workerId,
    regionCode: '130502',
    tradeCode: 'REBAR',
    birthYear,
    sex: 'MALE',
    registeredAt: harness.clock.now().toISOString(),
  });
  return workerId;
}

/** Completes a programme for the worker through the graph, as a training manager would, over the last three days. */
async function trained(workerId: string, programme: Record<string, unknown>) {
  const days = [-3, -2, -1].map((n) => addDays(harness.clock.today(), n));
  const provider = (
    await harness.execute(`mutation { registerTrainingProvider(input: { name: "邢台技校", kind: "SCHOOL", regionCode: "130502" }) { id } }`, {}, manager)
  ).data!.registerTrainingProvider.id;
  const programmeId = (
    await harness.execute(
      `mutation ($input: TrainingProgrammeInput!) { defineTrainingProgramme(input: $input) { id } }`,
      { input: { providerId: provider, ...programme } },
      manager,
    )
  ).data!.defineTrainingProgramme.id;
  const sessionId = (
    await harness.execute(
      `mutation ($input: TrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`,
      { input: { programmeId, regionCode: '130502', startsOn: days[0], endsOn: days[2], capacity: 30 } },
      manager,
    )
  ).data!.scheduleTrainingSession.id;
  const enrolmentId = (
    await harness.execute(`mutation ($s: ID!, $w: ID) { enrolInTraining(sessionId: $s, workerId: $w) { id } }`, { s: sessionId, w: workerId }, manager)
  ).data!.enrolInTraining.id;
  for (const day of days)
    await harness.execute(
      `mutation ($e: ID!, $d: Date!) { recordTrainingHours(enrolmentId: $e, day: $d, hours: 8) { hours } }`,
      { e: enrolmentId, d: day },
      manager,
    );
  expect((await harness.execute(`mutation ($e: ID!) { completeTraining(enrolmentId: $e) { status } }`, { e: enrolmentId }, manager)).errors).toBeUndefined();
}

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it('schemes enrol only workers who meet every rule; awards nominate the eligible and decide within the quota; training needs are counted', async () => {
  const subsidy = {
    code: 'skill_subsidy',
    name: '技能提升补贴',
    kind: 'TRAINING_SUBSIDY',
    regionCode: '130500',
    rules: [
      { rule: 'AGE_AT_MOST', value: '50' },
      { rule: 'SKILL_LEVEL_AT_LEAST', value: '3' },
    ],
  };
  expect(code(await harness.execute(SCHEME, { input: subsidy }, principalFromClaims({ sub: 'x', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'] })))).toBe(
    'FORBIDDEN',
  );
  expect(code(await harness.execute(SCHEME, { input: { ...subsidy, rules: [{ rule: 'NONSENSE' }] } }, manager))).toBe('INVALID_RULES');
  expect((await harness.execute(SCHEME, { input: subsidy }, manager)).data!.defineWelfareScheme).toEqual({
    code: 'SKILL_SUBSIDY',
    rules: [
      { rule: 'AGE_AT_MOST', value: '50' },
      { rule: 'SKILL_LEVEL_AT_LEAST', value: '3' },
    ],
  });

  const older = await registered(1960);
  const younger = await registered(1990);
  const trainingNeeds = `{ trainingNeeds(regionCode: "130500") { workersWithoutSafetyTraining } }`;
  expect((await harness.execute(trainingNeeds, {}, manager)).data!.trainingNeeds.workersWithoutSafetyTraining).toBe(2);
  const APPLY = `mutation ($w: ID) { applyForScheme(schemeCode: "SKILL_SUBSIDY", workerId: $w) { workerId } }`;
  const refused = await harness.execute(APPLY, {}, principalFromClaims({ sub: older, kind: 'WORKER' }));
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_ELIGIBLE_AGE_AT_MOST',
    reasons: ['NOT_ELIGIBLE_AGE_AT_MOST', 'NOT_ELIGIBLE_SKILL_LEVEL_AT_LEAST'],
  });
  await trained(younger, { name: '钢筋工中级', kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, requiredHours: 24 });
  expect((await harness.execute(APPLY, {}, principalFromClaims({ sub: younger, kind: 'WORKER' }))).data!.applyForScheme).toEqual({ workerId: younger });
  expect(code(await harness.execute(APPLY, {}, principalFromClaims({ sub: younger, kind: 'WORKER' })))).toBe('ALREADY_ENROLLED');

  const round = (
    await harness.execute(
      `mutation ($input: AwardRoundInput!) { openAwardRound(input: $input) { id } }`,
      { input: { kind: 'OUTSTANDING_WORKER', year: harness.clock.year(), regionCode: '130500', quota: 1 } },
      manager,
    )
  ).data!.openAwardRound.id;
  const NOMINATE = `mutation ($r: ID!, $w: ID!) { nominateForAward(roundId: $r, workerId: $w, reason: "全年零事故，带徒弟三名") { workerId } }`;
  const employer = principalFromClaims({ sub: 'sub-admin', kind: 'ENTERPRISE', uscc: '91110000600037341L' });
  expect(code(await harness.execute(NOMINATE, { r: round, w: younger }, employer))).toBe('NOT_ELIGIBLE_SAFETY_TRAINED');
  await trained(younger, { name: '项目级安全教育', kind: 'SAFETY', safetyLevel: 'PROJECT', requiredHours: 15 });
  expect((await harness.execute(trainingNeeds, {}, manager)).data!.trainingNeeds.workersWithoutSafetyTraining).toBe(1);
  expect((await harness.execute(NOMINATE, { r: round, w: younger }, employer)).errors).toBeUndefined();
  const DECIDE = `mutation ($r: ID!, $w: [ID!]!) { decideAwards(roundId: $r, workerIds: $w) { status nominations { workerId awarded } } }`;
  expect(code(await harness.execute(DECIDE, { r: round, w: [younger, older] }, manager))).toBe('INVALID_WINNERS');
  expect(code(await harness.execute(DECIDE, { r: round, w: [older] }, manager))).toBe('NOT_NOMINATED');
  expect((await harness.execute(DECIDE, { r: round, w: [younger] }, manager)).data!.decideAwards).toEqual({
    status: 'DECIDED',
    nominations: [{ workerId: younger, awarded: true }],
  });
  expect(code(await harness.execute(NOMINATE, { r: round, w: older }, manager))).toBe('ROUND_DECIDED');
});

it('judges ages by the year in China: from 16:00 UTC on 31 December a worker born in 1977 is 50 there', async () => {
  await harness.execute(
    SCHEME,
    { input: { code: 'LEGAL_AID_UNDER_50', name: '法律援助', kind: 'LEGAL_AID', regionCode: '130500', rules: [{ rule: 'AGE_AT_MOST', value: '49' }] } },
    manager,
  );
  const APPLY = `mutation { applyForScheme(schemeCode: "LEGAL_AID_UNDER_50") { workerId } }`;
  harness.clock.set(new Date('2026-12-31T15:59:00Z'));
  const [first, second] = [await registered(1977), await registered(1977)];
  expect((await harness.execute(APPLY, {}, principalFromClaims({ sub: first, kind: 'WORKER' }))).data!.applyForScheme).toEqual({ workerId: first });
  harness.clock.advance({ minutes: 61 });
  expect(code(await harness.execute(APPLY, {}, principalFromClaims({ sub: second, kind: 'WORKER' })))).toBe('NOT_ELIGIBLE_AGE_AT_MOST');
});
