import { principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

/**
 * Who is asking is judged before what they sent: a caller who may not define training or schemes
 * gets UNAUTHENTICATED or FORBIDDEN for any input, never a validation message about it.
 */
const harness = createWelfareHarness();
const worker = principalFromClaims({ sub: '5b1f0a52-7c1d-4e7a-9c11-2b6a0d3f4e51', kind: 'WORKER' });
const manager = principalFromClaims({
  sub: 'rsj-training',
  kind: 'PORTAL',
  dept: 'HRSS',
  regions: ['130500'],
  scope: `${SCOPES.trainingManage} ${SCOPES.serviceManage}`,
});
const MALFORMED: Array<[string, string]> = [
  ['registerTrainingProvider', `mutation { registerTrainingProvider(input: { name: "", kind: "NONE", regionCode: "13" }) { id } }`],
  ['defineTrainingProgramme', `mutation { defineTrainingProgramme(input: { providerId: "x", name: "", kind: "NONE", requiredHours: -1 }) { id } }`],
  [
    'scheduleTrainingSession',
    `mutation { scheduleTrainingSession(input: { programmeId: "x", regionCode: "13", startsOn: "2027-01-02", endsOn: "2027-01-01", capacity: 0 }) { id } }`,
  ],
  ['defineWelfareScheme', `mutation { defineWelfareScheme(input: { code: "", name: "", kind: "NONE", regionCode: "13", rules: [] }) { id } }`],
  ['openAwardRound', `mutation { openAwardRound(input: { kind: "NONE", year: 1, regionCode: "13", quota: 0 }) { id } }`],
];

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it.each(MALFORMED)('%s refuses an anonymous caller and a worker before reading the input, and tells the manager what is wrong', async (_, mutation) => {
  expect(code(await harness.execute(mutation, {}, null))).toBe('UNAUTHENTICATED');
  expect(code(await harness.execute(mutation, {}, worker))).toBe('FORBIDDEN');
  expect(code(await harness.execute(mutation, {}, manager))).toBe('INVALID_INPUT');
});
