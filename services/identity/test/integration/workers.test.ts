import { createHarness, REGISTER, roles, testIdNumber, workerInput } from '../support/harness';

const harness = createHarness();
beforeAll(() => harness.start());
beforeEach(() => harness.reset());
afterAll(() => harness.stop());

const WORKER = `query ($id: ID!, $purpose: String) { worker(id: $id) { id name idNumber(purpose: $purpose) phone(purpose: $purpose) birthDate sex } }`;

describe('registering workers by real name', () => {
  it('registers with derived data, issues a real-name card, encrypts personal data and writes events and an audit entry in one go', async () => {
    const idNumber = testIdNumber(11);
    const result = await harness.execute(REGISTER, { input: workerInput(idNumber) }, roles.subcontractor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerWorker).toMatchObject({
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
      birthDate: '1990-01-01',
      sex: 'MALE',
      phone: '138****5678',
      trade: { code: 'REBAR', name: '钢筋工' },
      realNameCard: { status: 'ACTIVE', holderKind: 'WORKER' },
    });
    const raw = await harness.db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(w)::text AS row FROM worker w`);
    expect(raw[0]!.row).not.toContain(idNumber);
    expect(raw[0]!.row).not.toContain('13812345678');
    const types = (await harness.db.outboxEvent.findMany()).map((event) => event.type).sort();
    expect(types).toEqual(['cn.yikatong.identity.card.issued.v1', 'cn.yikatong.identity.worker.registered.v1']);
    expect(await harness.db.auditEntry.findMany()).toEqual([
      expect.objectContaining({ action: 'REGISTER_WORKER', actor: 'enterprise-1', actorKind: 'ENTERPRISE', at: harness.clock.now() }),
    ]);
  });

  it('upgrades a 15-digit ID and refuses a second registration of the same person, naming the existing record to a portal that sees it', async () => {
    const id = await harness.registerWorker('110105491231002');
    const before = await harness.count();
    const again = await harness.execute(REGISTER, { input: workerInput('11010519491231002X') }, roles.registrar);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'WORKER_ALREADY_REGISTERED', field: 'idNumber' });
    expect(again.errors![0]!.message).toContain(id);
    expect(again.errors![0]!.message).toContain(`registered ${harness.clock.today()}`);
    // Nothing is saved but the audit entry of the attempt.
    expect(await harness.count()).toEqual({ ...before, audit_entry: before.audit_entry! + 1 });
  });

  it.each([
    ['110105194912310021', 'ID_NUMBER_CHECK_CHARACTER', 'idNumber'],
    ['11010519490231002X', 'ID_NUMBER_BIRTH_DATE', 'idNumber'],
  ])('refuses ID %s with %s and writes nothing', async (idNumber, code, field) => {
    const before = await harness.count();
    const result = await harness.execute(REGISTER, { input: workerInput(idNumber) }, roles.registrar);
    expect(result.errors![0]!.extensions).toMatchObject({ code, field });
    expect(await harness.count()).toEqual(before);
  });

  it('refuses an unknown trade, a bad region code, a portal of another region and a caller without worker:register', async () => {
    const input = workerInput(testIdNumber(12));
    const cases: Array<[Record<string, unknown>, typeof roles.portal, string]> = [
      [{ ...input, tradeCode: 'ASTRONAUT' }, roles.registrar, 'UNKNOWN_TRADE'],
      [{ ...input, regionCode: '1305' }, roles.registrar, 'INVALID_REGION_CODE'],
      [{ ...input, regionCode: '130102' }, roles.registrar, 'FORBIDDEN'],
      [input, roles.portal, 'FORBIDDEN'],
      [input, roles.analytics, 'FORBIDDEN'],
    ];
    for (const [variables, caller, code] of cases) {
      const result = await harness.execute(REGISTER, { input: variables }, caller);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect((await harness.count()).worker).toBe(0);
  });

  it('finds a worker by ID number through the keyed hash', async () => {
    const id = await harness.registerWorker(testIdNumber(13));
    const found = await harness.execute(`query ($n: String!) { workerByIdNumber(idNumber: $n) { id } }`, { n: testIdNumber(13) }, roles.portal);
    expect(found.data).toEqual({ workerByIdNumber: { id } });
    const bad = await harness.execute(`query ($n: String!) { workerByIdNumber(idNumber: $n) { id } }`, { n: '123' }, roles.portal);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'ID_NUMBER_FORMAT', field: 'idNumber' });
  });
});

describe('the working age is judged on the day in China', () => {
  const start = harness.clock.now();
  afterEach(() => harness.clock.set(start));
  // Born on 1 January 2011: 16 from 00:00 on 1 January 2027 in China, which is still 31 December in UTC.
  const sixteenOnNewYear = testIdNumber(31, '20110101');

  it('registers a worker at 00:30 China time on their 16th birthday', async () => {
    harness.clock.set(new Date('2026-12-31T16:30:00Z'));
    expect((await harness.execute(REGISTER, { input: workerInput(sixteenOnNewYear) }, roles.registrar)).errors).toBeUndefined();
  });

  it('refuses them at 23:59 China time the evening before', async () => {
    harness.clock.set(new Date('2026-12-31T15:59:00Z'));
    expect((await harness.execute(REGISTER, { input: workerInput(sixteenOnNewYear) }, roles.registrar)).errors![0]!.extensions!.code).toBe('BELOW_WORKING_AGE');
  });
});

describe('personal data: masked unless pii:read with a purpose, and every unmasked read audited', () => {
  it('masks for a portal without the scope, and for pii:read without a purpose', async () => {
    const id = await harness.registerWorker(testIdNumber(21));
    for (const [caller, purpose] of [
      [roles.portal, '核查欠薪'],
      [roles.piiReader, null],
    ] as const) {
      const result = await harness.execute(WORKER, { id, purpose }, caller);
      expect(result.data!.worker).toMatchObject({ idNumber: expect.stringContaining('********'), phone: '138****5678' });
    }
    expect(await harness.db.auditEntry.count({ where: { action: 'READ_PII' } })).toBe(0);
  });

  it('unmasks for pii:read with a purpose and audits who, what, when and why; the audit log is for audit:read in its region', async () => {
    const idNumber = testIdNumber(22);
    const id = await harness.registerWorker(idNumber);
    const result = await harness.execute(WORKER, { id, purpose: '劳动监察案件 2026-118 核查身份' }, roles.piiReader);
    expect(result.data!.worker).toMatchObject({ idNumber, phone: '13812345678' });
    const AUDIT = `query { auditEntries(first: 10) { nodes { action actor subjectId fields purpose at } } }`;
    const audit = await harness.execute(AUDIT, {}, roles.piiReader);
    expect(audit.data!.auditEntries.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'READ_PII', actor: 'portal-1', subjectId: id, fields: ['idNumber'], purpose: '劳动监察案件 2026-118 核查身份' }),
        expect.objectContaining({ action: 'READ_PII', fields: ['phone'] }),
      ]),
    );
    expect((await harness.execute(AUDIT, {}, roles.portal)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const otherRegion = { ...roles.piiReader, regionCodes: ['130100'] };
    expect((await harness.execute(AUDIT, {}, otherRegion)).data!.auditEntries.nodes).toEqual([]);
  });
});

describe('who sees which worker', () => {
  const LIST = `query ($filter: WorkerFilter) { workers(filter: $filter, first: 50) { nodes { id } pageInfo { hasNextPage } } }`;

  it('a portal sees its region only; another region neither finds nor lists the worker', async () => {
    const id = await harness.registerWorker(testIdNumber(31));
    expect((await harness.execute(WORKER, { id }, roles.portal)).data!.worker.id).toBe(id);
    expect((await harness.execute(WORKER, { id }, roles.otherRegionPortal)).data!.worker).toBeNull();
    expect((await harness.execute(LIST, {}, roles.otherRegionPortal)).data!.workers.nodes).toEqual([]);
    const asked = await harness.execute(LIST, { filter: { regionCode: '130502' } }, roles.otherRegionPortal);
    expect(asked.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('an enterprise sees the workers it registered or employs, not another enterprise’s', async () => {
    const id = await harness.registerWorker(testIdNumber(32));
    expect((await harness.execute(LIST, {}, roles.subcontractor)).data!.workers.nodes).toEqual([{ id }]);
    expect((await harness.execute(LIST, {}, roles.otherEnterprise)).data!.workers.nodes).toEqual([]);
    expect((await harness.execute(WORKER, { id }, roles.otherEnterprise)).data!.worker).toBeNull();
  });

  it('a worker sees only themself, through me', async () => {
    const id = await harness.registerWorker(testIdNumber(33));
    const other = await harness.registerWorker(testIdNumber(34));
    expect((await harness.execute(`{ me { id name } }`, {}, roles.worker(id))).data).toEqual({ me: { id, name: '张三' } });
    expect((await harness.execute(WORKER, { id: other }, roles.worker(id))).data!.worker).toBeNull();
    expect((await harness.execute(LIST, {}, roles.worker(id))).data!.workers.nodes).toEqual([{ id }]);
  });

  it('analytics sees no person at all', async () => {
    const id = await harness.registerWorker(testIdNumber(35));
    expect((await harness.execute(WORKER, { id }, roles.analytics)).data!.worker).toBeNull();
    expect((await harness.execute(LIST, {}, roles.analytics)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('pages through workers with a cursor and a bounded page size', async () => {
    for (let i = 41; i < 46; i += 1) await harness.registerWorker(testIdNumber(i));
    const PAGE = `query ($after: String) { workers(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await harness.execute(PAGE, { after }, roles.portal)).data!.workers;
      seen.push(...page.nodes.map((node: { id: string }) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(5);
    expect((await harness.execute(`{ workers(first: 1000) { nodes { id } } }`, {}, roles.portal)).errors![0]!.extensions!.code).toBe('INVALID_PAGE_SIZE');
  });
});

describe('the wage card', () => {
  const CHANGE = `mutation ($input: ChangeWageCardInput!) { changeWageCard(input: $input) { warning worker { wageCard { bankCode cardNumber version warning } } } }`;
  const card = { bankCode: 'ICBC', cardNumber: '6222021234567890128' };

  it('the worker changes their own card: masked on the graph, encrypted at rest, event for payroll and banks', async () => {
    const workerId = await harness.registerWorker(testIdNumber(51));
    const result = await harness.execute(CHANGE, { input: { workerId, ...card } }, roles.worker(workerId));
    expect(result.data!.changeWageCard).toEqual({
      warning: null,
      worker: { wageCard: { bankCode: 'ICBC', cardNumber: '6222***********0128', version: 1, warning: null } },
    });
    const event = await harness.db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.identity.worker.wage-card-changed.v1' } });
    expect(event.payload).toMatchObject({ data: { workerId, cardNumber: card.cardNumber, bankCode: 'ICBC', version: 1, luhnValid: true } });
    const stored = await harness.db.worker.findUniqueOrThrow({ where: { id: workerId } });
    expect(stored.wageCardCipher).not.toContain(card.cardNumber);
  });

  it('warns, without refusing, when the number fails the Luhn check', async () => {
    const workerId = await harness.registerWorker(testIdNumber(52));
    const result = await harness.execute(CHANGE, { input: { workerId, bankCode: 'ICBC', cardNumber: '6222021234567890123' } }, roles.worker(workerId));
    expect(result.data!.changeWageCard.warning).toContain('re-check');
  });

  it('an agent changes it only with the worker present, and that is recorded', async () => {
    const workerId = await harness.registerWorker(testIdNumber(53));
    const absent = await harness.execute(CHANGE, { input: { workerId, ...card } }, roles.agent);
    expect(absent.errors![0]!.extensions).toMatchObject({ code: 'WORKER_NOT_PRESENT', field: 'workerPresent' });
    const present = await harness.execute(CHANGE, { input: { workerId, ...card, workerPresent: true } }, roles.agent);
    expect(present.errors).toBeUndefined();
    expect(await harness.db.wageCardChange.findFirstOrThrow({ where: { workerId } })).toMatchObject({
      actorKind: 'AGENT',
      serviceCentreId: 'xingtai-centre',
      actor: 'portal-1',
    });
  });

  it('nobody else can change it: not another worker, not the employer, not a plain portal', async () => {
    const workerId = await harness.registerWorker(testIdNumber(54));
    const other = await harness.registerWorker(testIdNumber(55));
    for (const caller of [roles.worker(other), roles.subcontractor, roles.portal]) {
      const result = await harness.execute(CHANGE, { input: { workerId, ...card, workerPresent: true } }, caller);
      expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await harness.db.wageCardChange.count()).toBe(0);
  });
});
