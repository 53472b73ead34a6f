import { callUnary, chinaPeriod, createLogger, grpc, KafkaEventBus, SCOPES, serviceCallerToken } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { WorkerRegistryService } from '../../services/identity/src/grpc/worker-registry-server';
import { residentIdCheckCharacter } from '../../services/identity/src/domain/resident-id';
import { REGISTER, safetyTrainingMessage, usccFor, waitForEligibility, waitForEnterpriseCard } from '../support/flows';
import { freshDatabases, graphqlClient, PORTS, startSystem, tokenFor, type RunningSystem } from '../support/system';

/**
 * Identity across processes on real PostgreSQL and Kafka, through the gateway: a project and its
 * subcontractor are registered in enterprise, a worker is registered, trained (welfare's event),
 * enrolled on the project (identity learned it from enterprise's events), clocks in,
 * sets a wage card; payroll's gRPC question answers; labour inspection lists the general contractor,
 * identity freezes its card from the event, enterprise shows both reasons — and the worker stays payable.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2eid' });
let system: RunningSystem;
let bus: KafkaEventBus;
const GC = usccFor(71);
const SUB = usccFor(72);

beforeAll(async () => {
  const connection = await testing.requireKafka(config);
  await freshDatabases(config);
  system = await startSystem(config);
  bus = new KafkaEventBus({ clientId: 'e2e-identity', connection, logger: createLogger('e2e', 'warn') });
}, 180_000);

afterAll(async () => {
  await bus?.close();
  await system?.stop();
});

it('registers, trains, enrols, records attendance and answers payroll; a blacklisting freezes cards but never wages', async () => {
  const clerk = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'clerk',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.enterpriseRegister} ${SCOPES.piiRead}`,
    }),
  );
  for (const [uscc, type] of [
    [GC, 'GENERAL_CONTRACTOR'],
    [SUB, 'SUBCONTRACTOR'],
  ] as const) {
    expect(
      (await clerk(REGISTER, { input: { uscc, name: `企业${uscc.slice(-4)}`, type, regionCode: '130502', legalRepresentative: '李四' } })).errors,
    ).toBeUndefined();
    await waitForEnterpriseCard(clerk, uscc);
  }
  // The general contractor registers the project and its subcontractor in enterprise; identity learns of both from Kafka.
  const contractor = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-admin', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.projectRegister }));
  const project = await contractor<{ registerProject: { id: string } }>(`mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`, {
    input: {
      name: '邢台学院新校区',
      regionCode: '130502',
      client: '邢台学院',
      generalContractorUscc: GC,
      contractValue: '12000000000',
      labourCostSharePercent: 25,
      startDate: '2026-01-01',
    },
  });
  expect(project.errors).toBeUndefined();
  const projectId = project.data!.registerProject.id;
  const linked = await contractor(`mutation ($input: AddSubcontractorInput!) { addSubcontractor(input: $input) { id } }`, {
    input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC },
  });
  expect(linked.errors).toBeUndefined();

  const employer = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'sub-admin', kind: 'ENTERPRISE', uscc: SUB, scope: `${SCOPES.workerRegister} ${SCOPES.attendanceWrite}` }),
  );
  const first17 = '13050219920408003';
  const idNumber = first17 + residentIdCheckCharacter(first17);
  const registered = await employer<{ registerWorker: { id: string; idNumber: string } }>(
    `mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id idNumber } }`,
    { input: { idNumber, name: '孙立军', phone: '13903190001', education: 'SENIOR_SECONDARY', tradeCode: 'WELDER', skillLevel: 3, regionCode: '130502' } },
  );
  expect(registered.errors).toBeUndefined();
  const workerId = registered.data!.registerWorker.id;
  expect(registered.data!.registerWorker.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
  await bus.publish([safetyTrainingMessage(workerId, system.clock.now())]);

  // Enrolment succeeds once identity has applied the project and training events from Kafka.
  // Days and months are China's (UTC+8): from 16:00 UTC on the last day of a month, it is already the next.
  const today = system.clock.today();
  const enrol = () =>
    employer<{ enrolWorker: { id: string } }>(`mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }`, {
      input: {
        workerId,
        idNumber,
        name: '孙立军',
        projectId,
        employerUscc: SUB,
        contractType: 'LABOUR_CONTRACT',
        tradeCode: 'WELDER',
        rateKind: 'DAILY',
        rate: '40000',
        employmentKind: 'FULL_TIME',
        startDate: today,
      },
    });
  const enrolled = await testing.eventually(
    async () => {
      const result = await enrol();
      return result.errors ? undefined : result;
    },
    20_000,
    'enrolment to be accepted',
  );
  expect(enrolled.data!.enrolWorker.id).toBeDefined();

  const clockedAt = system.clock.now().getTime();
  const at = (seconds: number) => new Date(clockedAt - (seconds + 1) * 1_000).toISOString();
  const clockIns = [
    { deviceRecordId: 'd1', deviceId: 'gate-east', workerId, projectId, method: 'FINGERPRINT', at: at(1) },
    { deviceRecordId: 'd2', deviceId: 'gate-east', workerId, projectId, method: 'FINGERPRINT', at: at(0) },
  ];
  const recorded = await employer<{ recordAttendance: { accepted: number } }>(
    `mutation ($r: [ClockInInput!]!) { recordAttendance(records: $r) { accepted } }`,
    { r: clockIns },
  );
  expect(recorded.data).toEqual({ recordAttendance: { accepted: 2 } });

  const worker = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: workerId, kind: 'WORKER' }));
  const changed = await worker(`mutation ($input: ChangeWageCardInput!) { changeWageCard(input: $input) { worker { wageCard { cardNumber } } } }`, {
    input: { workerId, bankCode: 'ICBC', cardNumber: '6222021234567890128' },
  });
  expect(changed.data).toEqual({ changeWageCard: { worker: { wageCard: { cardNumber: '6222***********0128' } } } });
  expect((await worker(`{ me { name enrolments { projectId } } }`)).data).toEqual({ me: { name: '孙立军', enrolments: [{ projectId }] } });

  // Labour inspection lists the general contractor: enterprise blocks bidding at once; identity freezes its card
  // from the event, and enterprise then shows that reason too.
  const inspector = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'inspector', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.blacklistDecide }),
  );
  const listed = await inspector(`mutation ($input: ListOnBlacklistInput!) { listOnBlacklist(input: $input) { status } }`, {
    input: {
      uscc: GC,
      reason: '拖欠农民工工资，责令支付后逾期未支付',
      decision: '冀人社失信〔2026〕7号',
      authority: '河北省人力资源和社会保障厅',
      facts: { unpaidAfterOrder: true, largestOwedToOneWorker: '800000', workersOwed: 1, totalOwed: '800000', massIncident: false },
    },
  });
  expect(listed.data).toEqual({ listOnBlacklist: { status: 'ACTIVE' } });
  await testing.eventually(
    async () => {
      const verdict = await waitForEligibility(clerk, GC, false);
      const codes = verdict.reasons.map((reason) => reason.code);
      return codes.includes('BLACKLISTED') && codes.includes('ENTERPRISE_CARD_FROZEN') ? true : undefined;
    },
    20_000,
    'the listing and the frozen card to both show',
  );

  const client = new WorkerRegistryService(`127.0.0.1:${PORTS.identityGrpc}`, grpc.credentials.createInsecure());
  try {
    const token = await serviceCallerToken(config, 'payroll')();
    // The month of the clock-ins: a run that straddles China midnight at a month's end asks for the month worked.
    const period = chinaPeriod(new Date(clockIns[1]!.at));
    const answer = await callUnary<{ workers: Array<Record<string, unknown>> }>(client, 'VerifyWorkers', { projectId, period, workerIds: [] }, { token });
    expect(answer.workers).toEqual([
      expect.objectContaining({ workerId, enrolled: true, cardUsableForWages: true, problems: [], employerUscc: SUB, rateFen: '40000' }),
    ]);
  } finally {
    client.close();
  }
}, 120_000);
