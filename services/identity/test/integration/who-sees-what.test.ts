import { randomUUID } from 'node:crypto';
import { callUnary, grpc, maskIdNumber, mintToken, SCOPES } from '@yikatong/platform';
import { WorkerRegistryService } from '../../src/grpc/worker-registry-server';
import { createHarness, GC_USCC, lastMonth, OTHER_USCC, principal, REGISTER, roles, SUB_USCC, testIdNumber, workerInput } from '../support/harness';

/**
 * Issue 13's identity findings, each first seen failing: a caller learns about a worker exactly what
 * its role allows, on the graph and over gRPC alike.
 */
const harness = createHarness();
beforeAll(() => harness.start());
beforeEach(() => harness.reset());
afterAll(() => harness.stop());

const ENROL = `mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }`;
const END = `mutation ($input: EndEnrolmentInput!) { endEnrolment(input: $input) { status } }`;
const WORKER = `query ($id: ID!) { worker(id: $id) { id name } }`;
const WORKERS = `{ workers(first: 50) { nodes { id } } }`;

const terms = (projectId: string, employerUscc: string) => ({
  projectId,
  employerUscc,
  contractType: 'LABOUR_CONTRACT',
  tradeCode: 'REBAR',
  rateKind: 'DAILY',
  rate: '35000',
  employmentKind: 'FULL_TIME',
  startDate: harness.clock.today(),
  endDate: null,
});

async function trainedWorker(sequence: number, caller = roles.subcontractor) {
  const workerId = await harness.registerWorker(testIdNumber(sequence), caller);
  await harness.safetyTraining(workerId);
  return workerId;
}

async function enrolledWorker(sequence: number, projectId: string) {
  const workerId = await trainedWorker(sequence);
  const enrolled = await harness.execute(ENROL, { input: { ...harness.idCard(workerId), ...terms(projectId, SUB_USCC) } }, roles.subcontractor);
  expect(enrolled.errors).toBeUndefined();
  return { workerId, enrolmentId: enrolled.data!.enrolWorker.id as string };
}

const seenBy = async (workerId: string, caller = roles.subcontractor) => {
  const one = await harness.execute(WORKER, { id: workerId }, caller);
  const list = await harness.execute(WORKERS, {}, caller);
  return { one: one.data!.worker !== null, listed: list.data!.workers.nodes.some((node: { id: string }) => node.id === workerId) };
};

async function withRegistry<T>(use: (client: InstanceType<typeof WorkerRegistryService>) => Promise<T>): Promise<T> {
  const client = new WorkerRegistryService(`127.0.0.1:${harness.grpcPort}`, grpc.credentials.createInsecure());
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

describe('finding 1: VerifyWorkers and the ledger’s personal data', () => {
  it('gives ID number and phone unmasked only with pii:read, writing an audit entry per worker; without it, masked and unaudited', async () => {
    const projectId = await harness.project();
    const { workerId } = await enrolledWorker(1, projectId);
    const stranger = await harness.registerWorker(testIdNumber(2));
    const request = { projectId, period: harness.clock.period(), workerIds: [] };
    await withRegistry(async (client) => {
      const masked = await callUnary<{ workers: Array<Record<string, unknown>> }>(client, 'VerifyWorkers', request, {
        token: await harness.serviceToken('payroll'),
      });
      expect(masked.workers).toEqual([
        expect.objectContaining({ workerId, enrolled: true, holderName: '张三', idNumber: maskIdNumber(testIdNumber(1)), phone: '138****5678' }),
      ]);
      expect(await harness.db.auditEntry.count({ where: { action: 'READ_PII' } })).toBe(0);

      const token = await harness.serviceToken('payroll', [SCOPES.piiRead]);
      const ledger = await callUnary<{ workers: Array<Record<string, unknown>> }>(client, 'VerifyWorkers', request, { token });
      expect(ledger.workers).toEqual([expect.objectContaining({ workerId, idNumber: testIdNumber(1), phone: '13812345678' })]);
      expect(await harness.db.auditEntry.findMany({ where: { action: 'READ_PII' } })).toEqual([
        expect.objectContaining({
          actor: 'payroll',
          actorKind: 'SERVICE',
          subjectId: workerId,
          regionCode: '130502',
          fields: ['name', 'idNumber', 'phone'],
          purpose: expect.stringContaining('payroll wage sheet'),
          at: harness.clock.now(),
        }),
      ]);

      // A worker asked about by id but not enrolled on the project is verified, never described.
      const asked = await callUnary<{ workers: Array<Record<string, unknown>> }>(client, 'VerifyWorkers', { ...request, workerIds: [stranger] }, { token });
      expect(asked.workers).toEqual([expect.objectContaining({ workerId: stranger, enrolled: false, holderName: '', idNumber: '', phone: '' })]);
      expect(await harness.db.auditEntry.count({ where: { action: 'READ_PII', subjectId: stranger } })).toBe(0);
    });
  });
});

describe('finding 4: ways to learn who someone is', () => {
  it('a duplicate registration names the registered worker only to a caller who may see them; every attempt is audited', async () => {
    const idNumber = testIdNumber(3);
    const workerId = await harness.registerWorker(idNumber, roles.subcontractor, { name: '王建国' });
    const probe = await harness.execute(REGISTER, { input: workerInput(idNumber) }, roles.otherEnterprise);
    expect(probe.errors?.[0]?.extensions).toMatchObject({ code: 'WORKER_ALREADY_REGISTERED', field: 'idNumber' });
    for (const secret of ['王建国', workerId, harness.clock.today()]) expect(probe.errors![0]!.message).not.toContain(secret);

    const own = await harness.execute(REGISTER, { input: workerInput(idNumber) }, roles.subcontractor);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'WORKER_ALREADY_REGISTERED', field: 'idNumber' });
    expect(own.errors![0]!.message).toContain(workerId);

    const attempts = await harness.db.auditEntry.findMany({ where: { action: 'DUPLICATE_REGISTRATION' }, orderBy: { id: 'asc' } });
    expect(attempts).toEqual([
      expect.objectContaining({ subjectId: workerId, actorKind: 'ENTERPRISE', fields: [] }),
      expect.objectContaining({ subjectId: workerId, actorKind: 'ENTERPRISE', fields: expect.arrayContaining(['name']) }),
    ]);
  });

  it('an enterprise gains sight of a worker by showing the person (ID number and name), never by a bare id', async () => {
    const workerId = await trainedWorker(4);
    const rivalProject = await harness.project(randomUUID(), [OTHER_USCC]);
    const bare = await harness.execute(ENROL, { input: { workerId, ...terms(rivalProject, OTHER_USCC) } }, roles.otherEnterprise);
    expect(bare.errors).toBeDefined();
    expect(await seenBy(workerId, roles.otherEnterprise)).toEqual({ one: false, listed: false });

    const wrongName = await harness.execute(
      ENROL,
      { input: { workerId, idNumber: testIdNumber(4), name: '李四', ...terms(rivalProject, OTHER_USCC) } },
      roles.otherEnterprise,
    );
    expect(wrongName.errors?.[0]?.extensions).toMatchObject({ code: 'IDENTITY_NOT_CONFIRMED', field: 'name' });
    const otherPerson = await trainedWorker(5);
    const wrongId = await harness.execute(
      ENROL,
      { input: { workerId: otherPerson, ...harness.idCard(workerId), ...terms(rivalProject, OTHER_USCC) } },
      roles.otherEnterprise,
    );
    expect(wrongId.errors?.[0]?.extensions).toMatchObject({ code: 'IDENTITY_NOT_CONFIRMED', field: 'workerId' });
    expect(await harness.db.auditEntry.count({ where: { action: 'PRESENCE_NOT_CONFIRMED', subjectId: workerId } })).toBe(2);
    const unknown = await harness.execute(
      ENROL,
      { input: { idNumber: testIdNumber(99), name: '张三', ...terms(rivalProject, OTHER_USCC) } },
      roles.otherEnterprise,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'WORKER_NOT_FOUND', field: 'idNumber' });
    expect(await seenBy(workerId, roles.otherEnterprise)).toEqual({ one: false, listed: false });

    // With the person in front of it (the name as on the card, spacing aside) it enrols them and sees them.
    const { idNumber, name } = harness.idCard(workerId);
    const present = await harness.execute(
      ENROL,
      { input: { idNumber: idNumber.toLowerCase(), name: ` ${name} `, ...terms(rivalProject, OTHER_USCC) } },
      roles.otherEnterprise,
    );
    expect(present.errors).toBeUndefined();
    expect(await seenBy(workerId, roles.otherEnterprise)).toEqual({ one: true, listed: true });
  });

  it('an enterprise names a responsible person by their ID card too, not by a bare person id', async () => {
    const { enterpriseRegisteredV1 } = await import('@yikatong/contracts');
    await harness.deliver(enterpriseRegisteredV1, GC_USCC, {
      uscc: GC_USCC,
      name: '邢台建工集团',
      type: 'GENERAL_CONTRACTOR',
      regionCode: '130502',
      registeredAt: harness.clock.now().toISOString(),
    });
    const personId = await harness.registerWorker(testIdNumber(6), roles.registrar);
    const ISSUE = `mutation ($input: IssueResponsiblePersonCardInput!) { issueResponsiblePersonCard(input: $input) { holderKind holder { id } } }`;
    const bare = await harness.execute(ISSUE, { input: { personId, enterpriseUscc: GC_USCC, role: '法定代表人' } }, roles.generalContractor);
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'PRESENCE_REQUIRED', field: 'idNumber' });
    expect(await seenBy(personId, roles.generalContractor)).toEqual({ one: false, listed: false });
    const shown = await harness.execute(
      ISSUE,
      { input: { ...harness.idCard(personId), enterpriseUscc: GC_USCC, role: '法定代表人' } },
      roles.generalContractor,
    );
    expect(shown.data).toEqual({ issueResponsiblePersonCard: { holderKind: 'RESPONSIBLE_PERSON', holder: { id: personId } } });
  });

  it('an employer’s sight ends EMPLOYER_SIGHT_AFTER_ENROLMENT_DAYS (90) after the last enrolment ends, or after registering a worker it never enrolled', async () => {
    const projectId = await harness.project();
    const employed = await trainedWorker(7, roles.registrar);
    const enrolled = await harness.execute(ENROL, { input: { ...harness.idCard(employed), ...terms(projectId, SUB_USCC) } }, roles.subcontractor);
    const ended = await harness.execute(
      END,
      { input: { enrolmentId: enrolled.data!.enrolWorker.id, endDate: harness.clock.today(), reason: '合同期满' } },
      roles.subcontractor,
    );
    expect(ended.data).toEqual({ endEnrolment: { status: 'ENDED' } });
    const registeredOnly = await harness.registerWorker(testIdNumber(8));

    harness.clock.advance({ days: 90 });
    expect(await seenBy(employed)).toEqual({ one: true, listed: true });
    expect(await seenBy(registeredOnly)).toEqual({ one: true, listed: true });
    harness.clock.advance({ days: 1 });
    expect(await seenBy(employed)).toEqual({ one: false, listed: false });
    expect(await seenBy(registeredOnly)).toEqual({ one: false, listed: false });
    // Its own record of the employment stays; the person behind it is no longer shown.
    const own = await harness.execute(`{ enrolments { nodes { workerId: id worker { id } } } }`, {}, roles.subcontractor);
    expect(own.data!.enrolments.nodes).toEqual([expect.objectContaining({ worker: null })]);
  });
});

describe('finding 5: GetCardStatus shows what the graph shows', () => {
  it('an enterprise reads only its own cards and the cards of workers it may see; banks read none', async () => {
    const workerId = await harness.registerWorker(testIdNumber(9));
    const card = await harness.db.realNameCard.findFirstOrThrow({ where: { personId: workerId } });
    const employer = await mintToken(harness.config, { sub: 'gate-sub', kind: 'ENTERPRISE', uscc: SUB_USCC });
    const rival = await mintToken(harness.config, { sub: 'gate-rival', kind: 'ENTERPRISE', uscc: OTHER_USCC });
    const bank = await mintToken(harness.config, { sub: 'icbc', kind: 'BANK', bank: 'ICBC' });
    await withRegistry(async (client) => {
      const status = (target: Record<string, string>, token: string) =>
        callUnary<{ cards?: Array<Record<string, unknown>> }>(client, 'GetCardStatus', target, { token });
      const targets: Array<Record<string, string>> = [{ personId: workerId }, { cardNumber: card.number }];
      for (const target of targets) {
        expect((await status(target, employer)).cards).toEqual([expect.objectContaining({ cardNumber: card.number, personId: workerId, status: 'ACTIVE' })]);
        expect((await status(target, rival)).cards ?? []).toEqual([]);
        await expect(status(target, bank)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
      }
      await expect(status({ enterpriseUscc: GC_USCC }, rival)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    });
    // The graph answers the same: the employer sees its worker's card by number, the rival nothing.
    const BY_NUMBER = `query ($n: String!) { realNameCard(number: $n) { number } }`;
    expect((await harness.execute(BY_NUMBER, { n: card.number }, roles.subcontractor)).data).toEqual({ realNameCard: { number: card.number } });
    expect((await harness.execute(BY_NUMBER, { n: card.number }, roles.otherEnterprise)).data).toEqual({ realNameCard: null });
  });
});

describe('finding 7: each write names its scope', () => {
  const withoutScope = {
    portal: principal({ kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }),
    generalContractor: principal({ kind: 'ENTERPRISE', uscc: GC_USCC, scope: SCOPES.projectRegister }),
  };

  it('recordWorkerConduct needs credit:record', async () => {
    const workerId = await harness.registerWorker(testIdNumber(10));
    const RECORD = `mutation ($input: ConductRecordInput!) { recordWorkerConduct(input: $input) { kind } }`;
    const input = { workerId, kind: 'BAD', description: '冒用他人身份证进场', authority: '信都区住建局' };
    expect((await harness.execute(RECORD, { input }, withoutScope.portal)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await harness.execute(RECORD, { input }, roles.conductRecorder)).data).toEqual({ recordWorkerConduct: { kind: 'BAD' } });
    expect(await harness.db.conductRecord.count()).toBe(1);
  });

  it('a portal’s endEnrolment needs worker:register', async () => {
    const projectId = await harness.project();
    const { enrolmentId } = await enrolledWorker(11, projectId);
    const input = { enrolmentId, endDate: harness.clock.today(), reason: '合同期满' };
    expect((await harness.execute(END, { input }, withoutScope.portal)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await harness.execute(END, { input }, roles.registrar)).data).toEqual({ endEnrolment: { status: 'ENDED' } });
  });

  it('closeAttendanceMonth needs attendance:write, for the general contractor and for a portal', async () => {
    const projectId = await harness.project();
    const CLOSE = `mutation ($p: ID!, $m: String!) { closeAttendanceMonth(projectId: $p, period: $m) { period } }`;
    const variables = { p: projectId, m: lastMonth(harness.clock.period()).period };
    for (const caller of [withoutScope.generalContractor, withoutScope.portal]) {
      expect((await harness.execute(CLOSE, variables, caller)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await harness.db.attendanceMonthClose.count()).toBe(0);
    expect((await harness.execute(CLOSE, variables, roles.generalContractor)).data).toEqual({ closeAttendanceMonth: { period: variables.m } });
  });
});
