import { randomUUID } from 'node:crypto';
import { addDays, MONEY_MAX_FEN, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createWelfareHarness, GC } from '../support/harness';

/**
 * Hostile input on every list, id and amount of welfare: each is refused with a stable code and
 * its field (or, for a lookup, answered as not found), and nothing is written.
 */
const harness = createWelfareHarness();
const workerId = randomUUID();
const worker = principalFromClaims({ sub: workerId, kind: 'WORKER' });
const handler = principalFromClaims({ sub: 'inspector', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.complaintHandle });
const trainer = principalFromClaims({ sub: 'trainer', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.trainingManage });
const serviceManager = principalFromClaims({ sub: 'centre-manager', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.serviceManage });
const contractor = principalFromClaims({ sub: 'gc-admin', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.projectRegister });
const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const complaintInput = (overrides: Record<string, unknown> = {}) => ({
  category: 'WAGE_ARREARS',
  employerUscc: GC,
  periodFrom: '2026-09',
  periodTo: '2026-10',
  amountClaimed: '1200000',
  workersAffected: 3,
  description: '九月十月工资未发',
  ...overrides,
});

const LISTS: ReadonlyArray<readonly [string, string, Record<string, unknown>, Principal]> = [
  [
    'serviceCentres',
    'query ($after: String) { list: serviceCentres(regionCode: "650100", first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    {},
    worker,
  ],
  [
    'trainingSessions',
    'query ($after: String) { list: trainingSessions(regionCode: "650100", first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    {},
    worker,
  ],
  ['myComplaints', 'query ($after: String) { list: myComplaints(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', {}, worker],
  [
    'complaints',
    'query ($after: String) { list: complaints(regionCode: "130500", first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    {},
    handler,
  ],
  [
    'complaints (overdue only)',
    'query ($after: String) { list: complaints(regionCode: "130500", overdueOnly: true, first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    {},
    handler,
  ],
];

beforeAll(async () => {
  await harness.start();
  await harness.db.serviceCentre.deleteMany({ where: { regionCode: '650102' } });
  await harness.db.serviceCentre.createMany({
    data: [1, 2].map((n) => ({
      id: randomUUID(),
      name: `乌鲁木齐服务站${n}`,
      kind: 'TOWNSHIP_STATION' as const,
      regionCode: '650102',
      address: '天山区',
      phone: '0991-1',
    })),
  });
  const providerId = randomUUID();
  const programmeId = randomUUID();
  await harness.db.trainingProvider.create({ data: { id: providerId, name: '乌鲁木齐培训基地', kind: 'TRAINING_BASE', regionCode: '650102' } });
  await harness.db.trainingProgramme.create({
    data: { id: programmeId, providerId, name: '三级安全教育', kind: 'SAFETY', safetyLevel: 'COMPANY', requiredHours: 24 },
  });
  const day = new Date(`${harness.clock.today()}T00:00:00.000Z`);
  await harness.db.trainingSession.createMany({
    data: [1, 2].map(() => ({ id: randomUUID(), programmeId, regionCode: '650102', startsOn: day, endsOn: day, capacity: 5 })),
  });
  const projectId = await harness.project();
  for (const n of [1, 2]) {
    const filed = await harness.execute(FILE, { input: complaintInput({ projectId, description: `工资未发 ${n}` }) }, worker);
    expect(filed.errors).toBeUndefined();
  }
  // Both complaints pass their deadline (working days, holidays included), so the overdue list has two pages as well.
  harness.clock.advance({ days: 150 });
});
afterAll(() => harness.stop());

describe('a cursor no list issued', () => {
  it.each(LISTS)('%s pages on with the cursor it gave', async (_, query, variables, caller) => {
    const first = await harness.execute(query, variables, caller);
    expect(first.errors).toBeUndefined();
    expect(first.data!.list.nodes).toHaveLength(1);
    const second = await harness.execute(query, { ...variables, after: first.data!.list.pageInfo.endCursor }, caller);
    expect(second.errors).toBeUndefined();
    expect(second.data!.list.nodes).toHaveLength(1);
    expect(second.data!.list.nodes[0].id).not.toBe(first.data!.list.nodes[0].id);
  });

  const cases = LISTS.flatMap(([name, query, variables, caller]) =>
    testing.FORGED_CURSORS.map(([forged, after]) => [name, forged, query, { ...variables, after }, caller] as const),
  );
  it.each(cases)('%s refuses %s with INVALID_CURSOR on after', async (_, __, query, variables, caller) => {
    const result = await harness.execute(query, variables, caller);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });

  it("the overdue list refuses the newest-first list's cursor, and the other way round", async () => {
    const [, newest] = LISTS[3]!;
    const [, overdue] = LISTS[4]!;
    const newestCursor = (await harness.execute(newest, {}, handler)).data!.list.pageInfo.endCursor;
    const overdueCursor = (await harness.execute(overdue, {}, handler)).data!.list.pageInfo.endCursor;
    expect((await harness.execute(overdue, { after: newestCursor }, handler)).errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
    expect((await harness.execute(newest, { after: overdueCursor }, handler)).errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });
});

describe('an id that is not one', () => {
  it('is hidden when another subgraph asks for the entity, or when looked up', async () => {
    const entities = await harness.execute(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceCentre { id } } }',
      { r: [{ __typename: 'ServiceCentre', id: 'not-a-uuid' }] },
      worker,
    );
    expect(entities).toEqual({ data: { _entities: [null] } });
    const lookups = await harness.execute(
      `{ complaint(id: "x") { id } awardRound(id: "x") { id } injuryPolicies(projectId: "x") { id } injuryCoverage(workerId: "x") { projectId } }`,
      {},
      handler,
    );
    expect(lookups).toEqual({ data: { complaint: null, awardRound: null, injuryPolicies: [], injuryCoverage: [] } });
  });

  it.each<[string, string, Record<string, unknown>, Principal, string, string]>([
    [
      'enrolInTraining (session)',
      'mutation ($id: ID!) { enrolInTraining(sessionId: $id, workerId: "2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60") { id } }',
      { id: 'x' },
      trainer,
      'INVALID_ID',
      'sessionId',
    ],
    [
      'enrolInTraining (worker)',
      'mutation ($id: ID!) { enrolInTraining(sessionId: "2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60", workerId: $id) { id } }',
      { id: 'x' },
      trainer,
      'INVALID_ID',
      'workerId',
    ],
    [
      'recordTrainingHours',
      'mutation ($id: ID!) { recordTrainingHours(enrolmentId: $id, day: "2026-11-02", hours: 4) { id } }',
      { id: 'x' },
      trainer,
      'INVALID_ID',
      'enrolmentId',
    ],
    ['completeTraining', 'mutation ($id: ID!) { completeTraining(enrolmentId: $id) { id } }', { id: 'x' }, trainer, 'INVALID_ID', 'enrolmentId'],
    [
      'decideAwards (round)',
      'mutation ($id: ID!) { decideAwards(roundId: $id, workerIds: ["2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60"]) { id } }',
      { id: 'x' },
      serviceManager,
      'INVALID_ID',
      'roundId',
    ],
    [
      'nominateForAward',
      'mutation ($id: ID!) { nominateForAward(roundId: $id, workerId: $id, reason: "连续三年无事故") { workerId } }',
      { id: 'x' },
      serviceManager,
      'ROUND_NOT_FOUND',
      'roundId',
    ],
    [
      'closeServiceRequest',
      'mutation ($id: ID!) { closeServiceRequest(requestId: $id, done: true, outcome: "已办结") { id } }',
      { id: 'x' },
      serviceManager,
      'REQUEST_NOT_FOUND',
      'requestId',
    ],
    [
      'advanceComplaint',
      'mutation ($id: ID!) { advanceComplaint(complaintId: $id, to: "ACCEPTED") { id } }',
      { id: 'x' },
      handler,
      'COMPLAINT_NOT_FOUND',
      'complaintId',
    ],
    ['fileComplaint (project)', FILE, { input: complaintInput({ projectId: 'x' }) }, worker, 'INVALID_INPUT', 'projectId'],
  ])('%s refuses it with a code and its field, writing nothing', async (_, query, variables, caller, code, field) => {
    const before = await writes();
    const result = await harness.execute(query, variables, caller);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await writes()).toEqual(before);
  });
});

describe('an amount out of range', () => {
  const tooLarge = String(MONEY_MAX_FEN + 1n);
  const beyondDoubles = String(2n ** 53n + 1n);
  const BUY = 'mutation ($input: BuyInjuryInsuranceInput!) { buyInjuryInsurance(input: $input) { id } }';
  const policy = (projectId: string, premium: unknown) => ({
    input: { projectId, insurer: '中国人寿', policyNumber: 'GS-2026-0009', premium, rateBp: 50, coverFrom: addDays(harness.clock.today(), 1) },
  });

  it.each<[string, unknown, string]>([
    ['2^53 + 1 fen as a string', beyondDoubles, 'MONEY_OUT_OF_RANGE'],
    ['one fen above the maximum', tooLarge, 'MONEY_OUT_OF_RANGE'],
    ['a JSON number above 2^53', 2 ** 53 + 1, 'INVALID_MONEY'],
    ['a small JSON number', 3_600_000, 'INVALID_MONEY'],
  ])('buyInjuryInsurance refuses a premium of %s, writing nothing', async (_, premium, code) => {
    const projectId = await harness.project();
    const before = await writes();
    const result = await harness.execute(BUY, policy(projectId, premium), contractor);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.premium' });
    expect(await writes()).toEqual(before);
  });

  it.each<[string, unknown, string]>([
    ['2^53 + 1 fen as a string', beyondDoubles, 'MONEY_OUT_OF_RANGE'],
    ['a JSON number above 2^53', 2 ** 53 + 1, 'INVALID_MONEY'],
  ])('fileComplaint refuses an amount claimed of %s, writing nothing', async (_, amountClaimed, code) => {
    const before = await writes();
    const result = await harness.execute(FILE, { input: complaintInput({ amountClaimed }) }, worker);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field: 'input.amountClaimed' });
    expect(await writes()).toEqual(before);
  });

  it('advanceComplaint refuses an amount owed above the maximum, writing nothing', async () => {
    const { id } = await harness.db.complaint.findFirstOrThrow({ where: { workerId } });
    const before = await writes();
    const result = await harness.execute(
      'mutation ($id: ID!, $owed: Money) { advanceComplaint(complaintId: $id, to: "VERIFIED", amountOwed: $owed) { id } }',
      { id, owed: tooLarge },
      handler,
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'MONEY_OUT_OF_RANGE', field: 'owed' });
    expect(await writes()).toEqual(before);
  });
});

/** Rows of every table these mutations write, with the outbox. */
async function writes() {
  const [policies, complaints, steps, enrolments, nominations, rounds, requests, outbox] = await Promise.all([
    harness.db.injuryPolicy.count(),
    harness.db.complaint.count(),
    harness.db.complaintStep.count(),
    harness.db.trainingEnrolment.count(),
    harness.db.awardNomination.count(),
    harness.db.awardRound.count({ where: { status: 'DECIDED' } }),
    harness.db.serviceRequest.count({ where: { status: { not: 'OPEN' } } }),
    harness.db.outboxEvent.count(),
  ]);
  return { policies, complaints, steps, enrolments, nominations, rounds, requests, outbox };
}
