import { randomUUID } from 'node:crypto';
import { MONEY_MAX_FEN, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness, GC_USCC, roles, SUB_USCC, testIdNumber } from '../support/harness';

/**
 * Hostile input on every list, id and amount of identity: each is refused with a stable code and
 * its field (or, for a lookup, answered as not found), and nothing is written.
 */
const harness = createHarness();
const ENROL = 'mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }';
const enrolment = (workerId: string, projectId: string, rate: unknown = '35000', idCard = { idNumber: testIdNumber(1), name: '张三' }) => ({
  input: {
    workerId,
    ...idCard,
    projectId,
    employerUscc: SUB_USCC,
    contractType: 'LABOUR_CONTRACT',
    tradeCode: 'REBAR',
    rateKind: 'DAILY',
    rate,
    employmentKind: 'FULL_TIME',
    team: '钢筋一班',
    startDate: harness.clock.today(),
    endDate: null,
  },
});
let projectId: string;
let workerIds: string[];
let nextIdNumber = 3;

const LISTS: ReadonlyArray<readonly [string, string, Principal]> = [
  ['workers', 'query ($after: String) { list: workers(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', roles.portal],
  ['enrolments', 'query ($after: String) { list: enrolments(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', roles.portal],
  [
    'attendanceAnomalies',
    'query ($after: String) { list: attendanceAnomalies(first: 1, after: $after) { nodes { id: workerId } pageInfo { endCursor } } }',
    roles.portal,
  ],
  ['auditEntries', 'query ($after: String) { list: auditEntries(first: 1, after: $after) { nodes { id: action } pageInfo { endCursor } } }', roles.piiReader],
];

beforeAll(async () => {
  await harness.start();
  projectId = await harness.project(randomUUID(), [SUB_USCC]);
  workerIds = [await harness.registerWorker(testIdNumber(1)), await harness.registerWorker(testIdNumber(2))];
  for (const workerId of workerIds) {
    await harness.safetyTraining(workerId);
    expect((await harness.execute(ENROL, enrolment(workerId, projectId, '35000', harness.idCard(workerId)), roles.subcontractor)).errors).toBeUndefined();
  }
  await harness.db.attendanceAnomaly.createMany({
    data: workerIds.map((workerId, n) => ({
      kind: 'OUTSIDE_ENROLMENT_DATES' as const,
      attendanceId: BigInt(n + 1),
      workerId,
      projectId,
      regionCode: '130502',
      at: harness.clock.now(),
    })),
  });
  // Two unmasked reads: the audit log has entries of two kinds, so its pages differ.
  await harness.execute('query ($id: ID!) { worker(id: $id) { phone(purpose: "核实欠薪投诉") } }', { id: workerIds[0] }, roles.piiReader);
});
afterAll(() => harness.stop());

describe('a cursor no list issued', () => {
  it.each(LISTS)('%s pages on with the cursor it gave', async (_, query, caller) => {
    const first = await harness.execute(query, {}, caller);
    expect(first.errors).toBeUndefined();
    const second = await harness.execute(query, { after: first.data!.list.pageInfo.endCursor }, caller);
    expect(second.errors).toBeUndefined();
    expect(second.data!.list.nodes).toHaveLength(1);
  });

  const cases = LISTS.flatMap(([name, query, caller]) => testing.FORGED_CURSORS.map(([forged, after]) => [name, forged, query, after, caller] as const));
  it.each(cases)('%s refuses %s with INVALID_CURSOR on after', async (_, __, query, after, caller) => {
    const result = await harness.execute(query, { after }, caller);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });
});

describe('an id that is not one', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a worker', { __typename: 'Worker', id: 'not-a-uuid' }],
    ['a real-name card', { __typename: 'RealNameCard', id: 'not-a-uuid' }],
    ['an enrolment', { __typename: 'Enrolment', id: 'not-a-uuid' }],
    ['an enterprise with a NUL in its USCC', { __typename: 'Enterprise', uscc: `${GC_USCC.slice(0, 17)}\u0000` }],
  ])('hides %s another subgraph asks for', async (_, representation) => {
    const result = await harness.execute(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { id } ... on RealNameCard { id } ... on Enrolment { id } ... on Enterprise { realNameCards { id } } } }',
      { r: [representation] },
      roles.portal,
    );
    expect(result).toEqual({ data: { _entities: [null] } });
  });

  it.each<[string, string, Record<string, unknown>, Principal, string, string]>([
    [
      'workers (filter.projectId)',
      'query ($id: ID) { workers(filter: { projectId: $id }) { nodes { id } } }',
      { id: 'x' },
      roles.portal,
      'INVALID_ID',
      'filter.projectId',
    ],
    [
      'enrolments (filter.projectId)',
      'query ($id: ID) { enrolments(filter: { projectId: $id }) { nodes { id } } }',
      { id: 'x' },
      roles.portal,
      'INVALID_ID',
      'filter.projectId',
    ],
    [
      'attendanceAnomalies (projectId)',
      'query ($id: ID) { attendanceAnomalies(projectId: $id) { nodes { kind } } }',
      { id: 'x' },
      roles.portal,
      'INVALID_ID',
      'projectId',
    ],
    [
      'auditEntries (subjectId)',
      'query ($id: ID) { auditEntries(subjectId: $id) { nodes { action } } }',
      { id: 'x' },
      roles.piiReader,
      'INVALID_ID',
      'subjectId',
    ],
    [
      'monthlyAttendance (projectId)',
      'query ($id: ID!) { monthlyAttendance(projectId: $id, period: "2026-10") { workerId } }',
      { id: 'x' },
      roles.portal,
      'INVALID_ID',
      'projectId',
    ],
    [
      'changeWageCard (workerId)',
      'mutation ($id: ID!) { changeWageCard(input: { workerId: $id, bankCode: "ICBC", cardNumber: "6222021234567890128", workerPresent: true }) { warning } }',
      { id: 'x' },
      roles.agent,
      'INVALID_ID',
      'workerId',
    ],
    [
      'recordWorkerConduct (workerId)',
      'mutation ($id: ID!) { recordWorkerConduct(input: { workerId: $id, kind: GOOD, description: "见义勇为救助工友", authority: "邢台市住建局" }) { kind } }',
      { id: 'x' },
      roles.conductRecorder,
      'INVALID_ID',
      'workerId',
    ],
    [
      'closeAttendanceMonth (projectId)',
      'mutation ($id: ID!) { closeAttendanceMonth(projectId: $id, period: "2026-10") { period } }',
      { id: 'x' },
      roles.subcontractor,
      'INVALID_INPUT',
      'projectId',
    ],
    ['enrolWorker (workerId)', ENROL, enrolment('x', randomUUID()), roles.subcontractor, 'INVALID_INPUT', 'workerId'],
  ])('%s refuses it with a code and its field, writing nothing', async (_, query, variables, caller, code, field) => {
    const before = await harness.count();
    const result = await harness.execute(query, variables, caller);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await harness.count()).toEqual(before);
  });

  it('answers a lookup by a malformed id as not found', async () => {
    expect(await harness.execute('{ worker(id: "x") { id } }', {}, roles.portal)).toEqual({ data: { worker: null } });
  });
});

describe('an amount out of range', () => {
  it.each<[string, unknown, string]>([
    ['2^53 + 1 fen as a string', String(2n ** 53n + 1n), 'MONEY_OUT_OF_RANGE'],
    ['one fen above the maximum', String(MONEY_MAX_FEN + 1n), 'MONEY_OUT_OF_RANGE'],
    ['a JSON number', 35_000, 'INVALID_MONEY'],
  ])('enrolWorker refuses a rate of %s, writing nothing', async (_, rate, code) => {
    const workerId = await harness.registerWorker(testIdNumber(nextIdNumber++));
    const before = await harness.count();
    const result = await harness.execute(ENROL, enrolment(workerId, projectId, rate, harness.idCard(workerId)), roles.subcontractor);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.rate' });
    expect(await harness.count()).toEqual(before);
  });
});
