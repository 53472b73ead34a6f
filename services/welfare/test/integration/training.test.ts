import { randomUUID } from 'node:crypto';
import { addDays, principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

const harness = createWelfareHarness();
const manager = principalFromClaims({ sub: 'rsj-training', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.trainingManage });
const workerId = randomUUID();
const worker = principalFromClaims({ sub: workerId, kind: 'WORKER' });
const dashboard = principalFromClaims({ sub: 'dash', kind: 'ANALYTICS', regions: ['130500'] });
const PROGRAMME = `mutation ($input: TrainingProgrammeInput!) { defineTrainingProgramme(input: $input) { id } }`;
const SESSION = `mutation ($input: TrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`;
const ENROL = `mutation ($s: ID!, $w: ID) { enrolInTraining(sessionId: $s, workerId: $w) { id hours status } }`;
const HOURS = `mutation ($e: ID!, $d: Date!, $h: Float!) { recordTrainingHours(enrolmentId: $e, day: $d, hours: $h) { hours } }`;
const COMPLETE = `mutation ($e: ID!) { completeTraining(enrolmentId: $e) { status certificateNumber } }`;
const PROGRESS = `query ($r: String!, $y: Int!) { trainingProgress(regionCode: $r, year: $y) { target completed byProgramme { programme kind completed } } }`;

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it('a district trains workers: provider, programme, session, enrolment, hours, completion announced to identity, progress against the target', async () => {
  const provider = await harness.execute(
    `mutation { registerTrainingProvider(input: { name: "邢台建筑职业技术学校", kind: "SCHOOL", regionCode: "130502" }) { id } }`,
    {},
    manager,
  );
  expect(
    code(await harness.execute(`mutation { registerTrainingProvider(input: { name: "外地学校", kind: "SCHOOL", regionCode: "440300" }) { id } }`, {}, manager)),
  ).toBe('FORBIDDEN');
  const providerId = provider.data!.registerTrainingProvider.id;
  expect(
    (await harness.execute(PROGRAMME, { input: { providerId, name: '班组级安全教育', kind: 'SAFETY', safetyLevel: 'TEAM', requiredHours: 12 } }, manager))
      .errors?.[0]?.extensions,
  ).toMatchObject({ code: 'TOO_FEW_HOURS', field: 'requiredHours' });
  const programmeId = (
    await harness.execute(
      PROGRAMME,
      { input: { providerId, name: '钢筋工中级', kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, requiredHours: 16 } },
      manager,
    )
  ).data!.defineTrainingProgramme.id;
  // A week's session ending today, attended on its first two days.
  const [first, second, last] = [-6, -5, 0].map((n) => addDays(harness.clock.today(), n));
  const session = await harness.execute(SESSION, { input: { programmeId, regionCode: '130502', startsOn: first, endsOn: last, capacity: 1 } }, manager);
  const sessionId = session.data!.scheduleTrainingSession.id;

  const enrolled = await harness.execute(ENROL, { s: sessionId }, worker);
  expect(enrolled.data!.enrolInTraining).toMatchObject({ hours: 0, status: 'ENROLLED' });
  expect(code(await harness.execute(ENROL, { s: sessionId, w: randomUUID() }, manager))).toBe('SESSION_FULL');
  const enrolmentId = enrolled.data!.enrolInTraining.id;

  expect(code(await harness.execute(HOURS, { e: enrolmentId, d: first, h: 8 }, worker))).toBe('FORBIDDEN');
  await harness.execute(HOURS, { e: enrolmentId, d: first, h: 8 }, manager);
  expect((await harness.execute(HOURS, { e: enrolmentId, d: first, h: 8 }, manager)).data!.recordTrainingHours.hours).toBe(8);
  expect(code(await harness.execute(COMPLETE, { e: enrolmentId }, manager))).toBe('HOURS_MISSING');
  await harness.execute(HOURS, { e: enrolmentId, d: second, h: 8 }, manager);
  const done = await harness.execute(COMPLETE, { e: enrolmentId }, manager);
  expect(done.data!.completeTraining).toMatchObject({
    status: 'COMPLETED',
    certificateNumber: expect.stringMatching(new RegExp(`^ZS${harness.clock.year()}[0-9A-F]{10}$`)),
  });
  const event = await harness.db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.welfare.training.completed.v1', key: workerId } });
  expect(event.payload).toMatchObject({ data: { workerId, kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, hours: 16 } });

  expect((await harness.execute(`{ myTraining { status hours } }`, {}, worker)).data!.myTraining).toEqual([{ status: 'COMPLETED', hours: 16 }]);
  await harness.execute(
    `mutation ($y: Int!) { setTrainingTarget(regionCode: "130502", year: $y, traineeSessions: 50000) { traineeSessions } }`,
    { y: harness.clock.year() },
    manager,
  );
  const progress = await harness.execute(PROGRESS, { r: '130502', y: harness.clock.year() }, dashboard);
  expect(progress.data!.trainingProgress).toEqual({ target: 50000, completed: 1, byProgramme: [{ programme: '钢筋工中级', kind: 'SKILL', completed: 1 }] });
});

it('a completion at 01:00 on 1 January in China (still 31 December in UTC) carries the new year on its certificate and in the progress', async () => {
  harness.clock.set(new Date('2026-12-31T17:00:00Z'));
  const providerId = (
    await harness.execute(
      `mutation { registerTrainingProvider(input: { name: "信都区培训基地", kind: "TRAINING_BASE", regionCode: "130503" }) { id } }`,
      {},
      manager,
    )
  ).data!.registerTrainingProvider.id;
  const programmeId = (
    await harness.execute(PROGRAMME, { input: { providerId, name: '焊工初级', kind: 'SKILL', tradeCode: 'WELDER', skillLevel: 1, requiredHours: 8 } }, manager)
  ).data!.defineTrainingProgramme.id;
  const sessionId = (
    await harness.execute(SESSION, { input: { programmeId, regionCode: '130503', startsOn: '2026-12-31', endsOn: '2026-12-31', capacity: 5 } }, manager)
  ).data!.scheduleTrainingSession.id;
  const enrolmentId = (await harness.execute(ENROL, { s: sessionId, w: randomUUID() }, manager)).data!.enrolInTraining.id;
  await harness.execute(HOURS, { e: enrolmentId, d: '2026-12-31', h: 8 }, manager);
  const done = await harness.execute(COMPLETE, { e: enrolmentId }, manager);
  expect(done.data!.completeTraining.certificateNumber).toMatch(/^ZS2027[0-9A-F]{10}$/);
  expect((await harness.execute(PROGRESS, { r: '130503', y: 2027 }, dashboard)).data!.trainingProgress).toMatchObject({ completed: 1 });
  expect((await harness.execute(PROGRESS, { r: '130503', y: 2026 }, dashboard)).data!.trainingProgress).toMatchObject({ completed: 0 });
});
