import { randomUUID } from 'node:crypto';
import { chinaDay, principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

const h = createWelfareHarness();
const manager = principalFromClaims({ sub: 'rsj-training', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.trainingManage });
const workerId = randomUUID();
const worker = principalFromClaims({ sub: workerId, kind: 'WORKER' });
// China's year: on 31 December from 16:00 UTC it is already the next one there.
const year = Number(chinaDay(new Date()).slice(0, 4));

beforeAll(() => h.start());
afterAll(() => h.stop());

it('a district trains workers: provider, programme, session, enrolment, hours, completion announced to identity, progress against the target', async () => {
  const provider = await h.execute(`mutation { registerTrainingProvider(input: { name: "邢台建筑职业技术学校", kind: "SCHOOL", regionCode: "130502" }) { id } }`, {}, manager);
  expect(code(await h.execute(`mutation { registerTrainingProvider(input: { name: "外地学校", kind: "SCHOOL", regionCode: "440300" }) { id } }`, {}, manager))).toBe('FORBIDDEN');
  const providerId = provider.data!.registerTrainingProvider.id;
  const PROGRAMME = `mutation ($input: TrainingProgrammeInput!) { defineTrainingProgramme(input: $input) { id } }`;
  expect((await h.execute(PROGRAMME, { input: { providerId, name: '班组级安全教育', kind: 'SAFETY', safetyLevel: 'TEAM', requiredHours: 12 } }, manager)).errors?.[0]?.extensions)
    .toMatchObject({ code: 'TOO_FEW_HOURS', field: 'requiredHours' });
  const programmeId = (await h.execute(PROGRAMME, { input: { providerId, name: '钢筋工中级', kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, requiredHours: 16 } }, manager)).data!.defineTrainingProgramme.id;
  const session = await h.execute(`mutation ($input: TrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`,
    { input: { programmeId, regionCode: '130502', startsOn: '2026-11-23', endsOn: '2026-11-27', capacity: 1 } }, manager);
  const sessionId = session.data!.scheduleTrainingSession.id;

  const ENROL = `mutation ($s: ID!, $w: ID) { enrolInTraining(sessionId: $s, workerId: $w) { id hours status } }`;
  const enrolled = await h.execute(ENROL, { s: sessionId }, worker);
  expect(enrolled.data!.enrolInTraining).toMatchObject({ hours: 0, status: 'ENROLLED' });
  expect(code(await h.execute(ENROL, { s: sessionId, w: randomUUID() }, manager))).toBe('SESSION_FULL');
  const enrolmentId = enrolled.data!.enrolInTraining.id;

  const HOURS = `mutation ($e: ID!, $d: Date!, $h: Float!) { recordTrainingHours(enrolmentId: $e, day: $d, hours: $h) { hours } }`;
  expect(code(await h.execute(HOURS, { e: enrolmentId, d: '2026-11-23', h: 8 }, worker))).toBe('FORBIDDEN');
  await h.execute(HOURS, { e: enrolmentId, d: '2026-11-23', h: 8 }, manager);
  expect((await h.execute(HOURS, { e: enrolmentId, d: '2026-11-23', h: 8 }, manager)).data!.recordTrainingHours.hours).toBe(8);
  const COMPLETE = `mutation ($e: ID!) { completeTraining(enrolmentId: $e) { status certificateNumber } }`;
  expect(code(await h.execute(COMPLETE, { e: enrolmentId }, manager))).toBe('HOURS_MISSING');
  await h.execute(HOURS, { e: enrolmentId, d: '2026-11-24', h: 8 }, manager);
  const done = await h.execute(COMPLETE, { e: enrolmentId }, manager);
  expect(done.data!.completeTraining).toMatchObject({ status: 'COMPLETED', certificateNumber: expect.stringMatching(new RegExp(`^ZS${year}[0-9A-F]{10}$`)) });
  const event = await h.db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.welfare.training.completed.v1', key: workerId } });
  expect(event.payload).toMatchObject({ data: { workerId, kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, hours: 16 } });

  expect((await h.execute(`{ myTraining { status hours } }`, {}, worker)).data!.myTraining).toEqual([{ status: 'COMPLETED', hours: 16 }]);
  await h.execute(`mutation ($y: Int!) { setTrainingTarget(regionCode: "130502", year: $y, traineeSessions: 50000) { traineeSessions } }`, { y: year }, manager);
  const progress = await h.execute(`query ($y: Int!) { trainingProgress(regionCode: "130502", year: $y) { target completed byProgramme { programme kind completed } } }`, { y: year }, principalFromClaims({ sub: 'dash', kind: 'ANALYTICS', regions: ['130500'] }));
  expect(progress.data!.trainingProgress).toEqual({ target: 50000, completed: 1, byProgramme: [{ programme: '钢筋工中级', kind: 'SKILL', completed: 1 }] });
});
