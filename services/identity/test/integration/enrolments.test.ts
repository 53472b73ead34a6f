import { randomUUID } from 'node:crypto';
import { enterpriseBlacklistedV1, enterpriseDelistedV1, trainingCompletedV1 } from '@yikatong/contracts';
import { addDays, addMonthsInChina, chinaDay } from '@yikatong/platform';
import { createHarness, GC_USCC, OTHER_USCC, roles, SUB_USCC, testIdNumber } from '../support/harness';

const harness = createHarness();
beforeAll(() => harness.start());
beforeEach(() => harness.reset());
afterAll(() => harness.stop());

const ENROL = `mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id status startDate rate regionCode movements { kind day actor } worker { id } } }`;
const END = `mutation ($input: EndEnrolmentInput!) { endEnrolment(input: $input) { status endDate movements { kind reason } } }`;
const FREEZE = `mutation ($input: CardStatusChangeInput!) { freezeRealNameCard(input: $input) { status } }`;
const decision = { reason: '拒不改正欠薪行为', legalBasis: '《保障农民工工资支付条例》第五十五条', authority: '邢台市住房和城乡建设局' };

/** The enterprise shows the person it enrols: their ID number and name. */
const enrolment = (workerId: string, projectId: string, overrides: Record<string, unknown> = {}) => ({
  workerId,
  ...harness.idCard(workerId),
  projectId,
  employerUscc: SUB_USCC,
  contractType: 'LABOUR_CONTRACT',
  tradeCode: 'REBAR',
  rateKind: 'DAILY',
  rate: '35000',
  employmentKind: 'FULL_TIME',
  team: '钢筋一班',
  startDate: '2026-11-01',
  endDate: null,
  ...overrides,
});

async function trainedWorker(sequence: number) {
  const workerId = await harness.registerWorker(testIdNumber(sequence));
  await harness.safetyTraining(workerId);
  return workerId;
}

describe('enrolment on a project (实名登记)', () => {
  it('enrols a trained worker with an active card for an employer on the project: entry recorded, event written', async () => {
    const projectId = await harness.project();
    const workerId = await trainedWorker(1);
    const result = await harness.execute(ENROL, { input: enrolment(workerId, projectId) }, roles.subcontractor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.enrolWorker).toMatchObject({
      status: 'ACTIVE',
      rate: '35000',
      regionCode: '130502',
      movements: [{ kind: 'ENTRY', day: '2026-11-01', actor: 'enterprise-1' }],
      worker: { id: workerId },
    });
    const event = await harness.db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.identity.enrolment.started.v1' } });
    expect(event.payload).toMatchObject({ data: { workerId, projectId, employerUscc: SUB_USCC, rateFen: 35000, rateKind: 'DAILY' } });
  });

  it('records the exit with its reason and publishes enrolment ended', async () => {
    const projectId = await harness.project();
    const workerId = await trainedWorker(2);
    const { data } = await harness.execute(ENROL, { input: enrolment(workerId, projectId) }, roles.subcontractor);
    harness.clock.advance({ hours: 2 });
    const ended = await harness.execute(END, { input: { enrolmentId: data!.enrolWorker.id, endDate: '2026-11-20', reason: '合同期满' } }, roles.subcontractor);
    expect(ended.data!.endEnrolment).toEqual({
      status: 'ENDED',
      endDate: '2026-11-20',
      movements: [
        { kind: 'ENTRY', reason: 'entered the project' },
        { kind: 'EXIT', reason: '合同期满' },
      ],
    });
    expect(await harness.db.outboxEvent.count({ where: { type: 'cn.yikatong.identity.enrolment.ended.v1' } })).toBe(1);
    const foreign = await harness.execute(END, { input: { enrolmentId: data!.enrolWorker.id, endDate: '2026-11-21', reason: 'x1' } }, roles.generalContractor);
    expect(foreign.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps a registration made after the 10-day deadline, with the days late, and lists late ones for inspectors', async () => {
    const projectId = await harness.project();
    const today = harness.clock.today();
    const ENROL_LATE = `mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id registeredLateByDays } }`;
    const late = await harness.execute(
      ENROL_LATE,
      { input: enrolment(await trainedWorker(3), projectId, { startDate: addDays(today, -15) }) },
      roles.subcontractor,
    );
    expect(late.data!.enrolWorker.registeredLateByDays).toBe(5);
    const onTime = await harness.execute(
      ENROL_LATE,
      { input: enrolment(await trainedWorker(4), projectId, { startDate: addDays(today, -10) }) },
      roles.subcontractor,
    );
    expect(onTime.data!.enrolWorker.registeredLateByDays).toBe(0);
    const started = await harness.db.outboxEvent.findMany({
      where: { type: 'cn.yikatong.identity.enrolment.started.v1', key: { in: [late.data!.enrolWorker.id, onTime.data!.enrolWorker.id] } },
    });
    expect(
      Object.fromEntries(started.map((event) => [event.key, (event.payload as { data: { registeredLateByDays: number } }).data.registeredLateByDays])),
    ).toEqual({ [late.data!.enrolWorker.id]: 5, [onTime.data!.enrolWorker.id]: 0 });

    const LIST = `query ($f: EnrolmentFilter) { enrolments(filter: $f) { nodes { id registeredLateByDays } } }`;
    expect((await harness.execute(LIST, { f: { registeredLate: true } }, roles.portal)).data!.enrolments.nodes).toEqual([
      { id: late.data!.enrolWorker.id, registeredLateByDays: 5 },
    ]);
    expect((await harness.execute(LIST, { f: { registeredLate: false } }, roles.portal)).data!.enrolments.nodes).toEqual([
      { id: onTime.data!.enrolWorker.id, registeredLateByDays: 0 },
    ]);
    expect((await harness.execute(LIST, { f: {} }, roles.portal)).data!.enrolments.nodes).toHaveLength(2);
  });

  describe('refusals name the reason and change nothing', () => {
    const refused = async (input: Record<string, unknown>, code: string, caller = roles.subcontractor) => {
      const before = await harness.count();
      const result = await harness.execute(ENROL, { input }, caller);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors![0]!.message.length).toBeGreaterThan(20);
      expect(await harness.count()).toEqual(before);
    };

    it('no safety training on record', async () => {
      const projectId = await harness.project();
      const workerId = await harness.registerWorker(testIdNumber(10));
      await refused(enrolment(workerId, projectId), 'SAFETY_TRAINING_MISSING');
    });

    it('the real-name card is frozen', async () => {
      const projectId = await harness.project();
      const workerId = await trainedWorker(11);
      const card = await harness.db.realNameCard.findFirstOrThrow({ where: { personId: workerId } });
      await harness.execute(FREEZE, { input: { cardNumber: card.number, ...decision } }, roles.freezer);
      await refused(enrolment(workerId, projectId), 'CARD_NOT_ACTIVE');
    });

    it('already full-time on an overlapping project', async () => {
      const first = await harness.project();
      const second = await harness.project();
      const workerId = await trainedWorker(12);
      await harness.execute(ENROL, { input: enrolment(workerId, first) }, roles.subcontractor);
      await refused(enrolment(workerId, second, { startDate: '2026-12-01' }), 'FULL_TIME_ELSEWHERE');
    });

    it('the employer is not on the project (and an enterprise cannot enrol as someone else)', async () => {
      const projectId = await harness.project(randomUUID(), []);
      const workerId = await trainedWorker(13);
      await refused(enrolment(workerId, projectId), 'EMPLOYER_NOT_ON_PROJECT');
      await refused(enrolment(workerId, projectId, { employerUscc: OTHER_USCC }), 'FORBIDDEN');
    });

    it('bad input: unknown worker, unknown trade, zero rate', async () => {
      const projectId = await harness.project();
      const workerId = await trainedWorker(14);
      await refused({ ...enrolment(workerId, projectId), workerId: undefined, idNumber: testIdNumber(99) }, 'WORKER_NOT_FOUND');
      await refused(enrolment(workerId, projectId, { tradeCode: 'JUGGLER' }), 'UNKNOWN_TRADE');
      await refused(enrolment(workerId, projectId, { rate: '0' }), 'INVALID_INPUT');
    });
  });

  it('lists enrolments by project for a portal of the region and an employer, not for another enterprise', async () => {
    const projectId = await harness.project();
    const workerId = await trainedWorker(15);
    await harness.execute(ENROL, { input: enrolment(workerId, projectId) }, roles.subcontractor);
    const LIST = `query ($filter: EnrolmentFilter) { enrolments(filter: $filter) { nodes { worker { id } trade { code } } } }`;
    expect((await harness.execute(LIST, { filter: { projectId } }, roles.portal)).data!.enrolments.nodes).toEqual([
      { worker: { id: workerId }, trade: { code: 'REBAR' } },
    ]);
    expect((await harness.execute(LIST, { filter: { projectId } }, roles.subcontractor)).data!.enrolments.nodes).toHaveLength(1);
    expect((await harness.execute(LIST, { filter: { projectId } }, roles.otherEnterprise)).data!.enrolments.nodes).toEqual([]);
    expect((await harness.execute(LIST, { filter: { projectId } }, roles.otherRegionPortal)).data!.enrolments.nodes).toEqual([]);
    const byTrade = `query { workers(filter: { tradeCode: "REBAR", employerUscc: "${SUB_USCC}" }) { nodes { id } } }`;
    expect((await harness.execute(byTrade, {}, roles.portal)).data!.workers.nodes).toEqual([{ id: workerId }]);
  });
});

describe('events consumed', () => {
  it('a skill certificate raises the skill level and is listed under training', async () => {
    const workerId = await harness.registerWorker(testIdNumber(20));
    await harness.deliver(trainingCompletedV1, workerId, {
      completionId: randomUUID(),
      workerId,
      kind: 'SKILL',
      programme: '钢筋工（高级）',
      hours: 80,
      tradeCode: 'REBAR',
      skillLevel: 3,
      certificateNumber: 'HB-2026-0001',
      completedAt: harness.clock.now().toISOString(),
    });
    const result = await harness.execute(
      `query ($id: ID!) { worker(id: $id) { skillLevel safetyTrainedOn training { kind certificateNumber trade { name } } } }`,
      { id: workerId },
      roles.portal,
    );
    expect(result.data!.worker).toEqual({
      skillLevel: 3,
      safetyTrainedOn: null,
      training: [{ kind: 'SKILL', certificateNumber: 'HB-2026-0001', trade: { name: '钢筋工' } }],
    });
  });

  it('a blacklisting freezes the enterprise’s and its responsible persons’ cards (never a worker’s); the removal unfreezes exactly those', async () => {
    const { realNameCardsOf } = await enterpriseWithResponsiblePerson();
    const workerId = await harness.registerWorker(testIdNumber(22));
    const listingId = randomUUID();
    const until = addMonthsInChina(harness.clock.now(), 36);
    await harness.deliver(enterpriseBlacklistedV1, GC_USCC, {
      uscc: GC_USCC,
      listingId,
      reason: '拖欠农民工工资 62 万元',
      decision: '冀人社失信〔2026〕12号',
      authority: '河北省人力资源和社会保障厅',
      listedAt: harness.clock.now().toISOString(),
      until: until.toISOString(),
    });
    const cards = await realNameCardsOf();
    expect(cards.map((card) => [card.holderKind, card.status])).toEqual([
      ['ENTERPRISE', 'FROZEN'],
      ['RESPONSIBLE_PERSON', 'FROZEN'],
    ]);
    const history = await harness.db.cardStatusChange.findFirstOrThrow({ where: { action: 'FREEZE' } });
    expect(history.legalBasis).toContain('冀人社失信〔2026〕12号');
    // The clerk reads the listing's last day in China, also when it ends after 16:00 UTC.
    expect(history.reason).toContain(`until ${chinaDay(until)}:`);
    expect(await harness.db.realNameCard.findFirstOrThrow({ where: { personId: workerId, holderKind: 'WORKER' } })).toMatchObject({ status: 'ACTIVE' });
    expect(await harness.db.outboxEvent.count({ where: { type: 'cn.yikatong.identity.card.frozen.v1' } })).toBe(2);

    // Another authority's freeze is not lifted by the removal of the listing.
    const workerCard = await harness.db.realNameCard.findFirstOrThrow({ where: { personId: workerId } });
    await harness.execute(FREEZE, { input: { cardNumber: workerCard.number, ...decision } }, roles.freezer);
    await harness.deliver(enterpriseDelistedV1, GC_USCC, { uscc: GC_USCC, listingId, reason: 'EARLY_REMOVAL', delistedAt: harness.clock.now().toISOString() });
    expect((await realNameCardsOf()).map((card) => card.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(await harness.db.realNameCard.findUniqueOrThrow({ where: { id: workerCard.id } })).toMatchObject({ status: 'FROZEN' });
    expect(await harness.db.outboxEvent.count({ where: { type: 'cn.yikatong.identity.card.unfrozen.v1' } })).toBe(2);
  });

  async function enterpriseWithResponsiblePerson() {
    const { enterpriseRegisteredV1 } = await import('@yikatong/contracts');
    await harness.deliver(enterpriseRegisteredV1, GC_USCC, {
      uscc: GC_USCC,
      name: '邢台建工集团',
      type: 'GENERAL_CONTRACTOR',
      regionCode: '130502',
      registeredAt: harness.clock.now().toISOString(),
    });
    const personId = await harness.registerWorker(testIdNumber(21), roles.registrar);
    const ISSUE = `mutation ($input: IssueResponsiblePersonCardInput!) { issueResponsiblePersonCard(input: $input) { holderKind enterpriseUscc status holder { id } } }`;
    const input = { ...harness.idCard(personId), enterpriseUscc: GC_USCC, role: '法定代表人' };
    const issued = await harness.execute(ISSUE, { input }, roles.generalContractor);
    expect(issued.data!.issueResponsiblePersonCard).toEqual({
      holderKind: 'RESPONSIBLE_PERSON',
      enterpriseUscc: GC_USCC,
      status: 'ACTIVE',
      holder: { id: personId },
    });
    const twice = await harness.execute(ISSUE, { input: { ...input, personId } }, roles.generalContractor);
    expect(twice.errors![0]!.extensions!.code).toBe('CARD_ALREADY_ISSUED');
    const foreign = await harness.execute(ISSUE, { input }, roles.subcontractor);
    expect(foreign.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    return { realNameCardsOf: () => harness.db.realNameCard.findMany({ where: { enterpriseUscc: GC_USCC }, orderBy: { holderKind: 'asc' } }) };
  }

  it('cancelling a card is final', async () => {
    const workerId = await harness.registerWorker(testIdNumber(23));
    const card = await harness.db.realNameCard.findFirstOrThrow({ where: { personId: workerId } });
    const CANCEL = `mutation ($input: CardStatusChangeInput!) { cancelRealNameCard(input: $input) { status } }`;
    expect((await harness.execute(CANCEL, { input: { cardNumber: card.number, ...decision, reason: '持卡人死亡注销' } }, roles.freezer)).data).toEqual({
      cancelRealNameCard: { status: 'CANCELLED' },
    });
    expect((await harness.execute(FREEZE, { input: { cardNumber: card.number, ...decision } }, roles.freezer)).errors![0]!.extensions!.code).toBe(
      'CARD_CANCELLED',
    );
    expect(await harness.db.outboxEvent.count({ where: { type: 'cn.yikatong.identity.card.cancelled.v1' } })).toBe(1);
  });

  it('records conduct for portals of the worker’s region with credit:record only', async () => {
    const workerId = await harness.registerWorker(testIdNumber(24));
    const RECORD = `mutation ($input: ConductRecordInput!) { recordWorkerConduct(input: $input) { kind description } }`;
    const input = { workerId, kind: 'GOOD', description: '见义勇为，获区级表彰', authority: '信都区住建局' };
    expect((await harness.execute(RECORD, { input }, roles.conductRecorder)).data).toEqual({
      recordWorkerConduct: { kind: 'GOOD', description: '见义勇为，获区级表彰' },
    });
    const otherRegion = { ...roles.conductRecorder, regionCodes: roles.otherRegionPortal.regionCodes };
    expect((await harness.execute(RECORD, { input }, otherRegion)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('entity resolution (_entities) of workers and enrolments', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Worker { id name } ... on Enrolment { id status worker { id } } } }`;

  async function enrolled() {
    const projectId = await harness.project();
    const workerId = await trainedWorker(40);
    const { data } = await harness.execute<{ enrolWorker: { id: string } }>(ENROL, { input: enrolment(workerId, projectId) }, roles.subcontractor);
    return { workerId, enrolmentId: data!.enrolWorker.id };
  }
  const resolve = (representation: Record<string, unknown>, caller: Parameters<typeof harness.execute>[2]) =>
    harness.execute(ENTITIES, { representations: [representation] }, caller);

  it('resolves the worker and the enrolment for a portal of the region and for the employer', async () => {
    const { workerId, enrolmentId } = await enrolled();
    for (const caller of [roles.portal, roles.subcontractor]) {
      expect((await resolve({ __typename: 'Worker', id: workerId }, caller)).data).toEqual({ _entities: [{ id: workerId, name: '张三' }] });
      expect((await resolve({ __typename: 'Enrolment', id: enrolmentId }, caller)).data).toEqual({
        _entities: [{ id: enrolmentId, status: 'ACTIVE', worker: { id: workerId } }],
      });
    }
  });

  it("hides them from another region's portal and from an enterprise the worker has nothing to do with", async () => {
    const { workerId, enrolmentId } = await enrolled();
    for (const caller of [roles.otherRegionPortal, roles.otherEnterprise]) {
      expect(await resolve({ __typename: 'Worker', id: workerId }, caller)).toEqual({ data: { _entities: [null] } });
      expect(await resolve({ __typename: 'Enrolment', id: enrolmentId }, caller)).toEqual({ data: { _entities: [null] } });
    }
  });
});
