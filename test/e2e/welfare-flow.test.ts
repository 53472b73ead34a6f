import { addMonthsToPeriod, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { REGISTER, usccFor, waitForEnterpriseCard } from '../support/flows';
import { freshDatabases, graphqlClient, startSystem, tokenFor, type RunningSystem } from '../support/system';

/**
 * A wage complaint across processes on real PostgreSQL and Kafka, through the gateway: a worker
 * files it, the housing-construction bureau forwards it to labour inspection, which verifies it
 * with the amount owed; payroll draws on the project's deposit and enterprise records bad credit
 * from welfare's event; payroll's yellow warning stands while the complaint is open; the worker reads
 * the outcome.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2ewf' });
let system: RunningSystem;
const GC = usccFor(91);

beforeAll(async () => {
  await testing.requireKafka(config);
  await freshDatabases(config);
  system = await startSystem(config);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

it('a verified wage complaint reaches payroll (deposit drawdown) and enterprise (bad credit), and the complainant sees the outcome', async () => {
  const clerk = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.enterpriseRegister }),
  );
  expect(
    (
      await clerk(REGISTER, {
        input: { uscc: GC, name: '邢台第九十一建筑公司', type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '王五' },
      })
    ).errors,
  ).toBeUndefined();
  await waitForEnterpriseCard(clerk, GC);
  const contractor = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'gc-manager', kind: 'ENTERPRISE', uscc: GC, scope: `${SCOPES.projectRegister} ${SCOPES.wagesApprove}` }),
  );
  const project = await contractor<{ registerProject: { id: string } }>(`mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`, {
    input: {
      name: '信都区安置房',
      regionCode: '130502',
      client: '信都区住建局',
      generalContractorUscc: GC,
      contractValue: '5000000000',
      labourCostSharePercent: 25,
      startDate: `${addMonthsToPeriod(system.clock.period(), -6)}-01`,
    },
  });
  const projectId = project.data!.registerProject.id;
  // The deposit: 2 % of ¥50,000,000, once payroll and welfare have learned the project.
  await testing.eventually(
    async () => {
      const placed = await contractor(`mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { status } }`, {
        input: { projectId, form: 'CASH', amount: '100000000' },
      });
      return placed.errors ? undefined : true;
    },
    20_000,
    'payroll to learn the project and place the deposit',
  );

  const workerId = '5b1f0a52-7c1d-4e7a-9c11-2b6a0d3f4e51';
  const worker = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: workerId, kind: 'WORKER' }));
  const filed = await testing.eventually(
    async () => {
      const result = await worker<{ fileComplaint: { id: string; dueOn: string } }>(
        `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id dueOn } }`,
        {
          input: {
            category: 'WAGE_ARREARS',
            employerUscc: GC,
            projectId,
            periodFrom: addMonthsToPeriod(system.clock.period(), -3),
            periodTo: addMonthsToPeriod(system.clock.period(), -2),
            amountClaimed: '960000',
            workersAffected: 2,
            description: '两个月工资未发',
            handlerDepartment: 'HOUSING_CONSTRUCTION',
          },
        },
      );
      return result.errors ? undefined : result.data!.fileComplaint;
    },
    20_000,
    'welfare to learn the project',
  );

  const bureau = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'zjj-1', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.complaintHandle }),
  );
  const inspector = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'jiancha-1', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.complaintHandle }),
  );
  expect(
    (
      await bureau(
        `mutation ($id: ID!) { forwardComplaint(complaintId: $id, toDepartment: "LABOUR_INSPECTION", reason: "欠薪由劳动监察处理") { handlerDept } }`,
        { id: filed.id },
      )
    ).errors,
  ).toBeUndefined();
  const ADVANCE = `mutation ($id: ID!, $to: String!, $note: String, $owed: Money) { advanceComplaint(complaintId: $id, to: $to, note: $note, amountOwed: $owed) { stage } }`;
  for (const to of ['ACCEPTED', 'INVESTIGATING']) expect((await inspector(ADVANCE, { id: filed.id, to })).errors).toBeUndefined();
  expect((await inspector(ADVANCE, { id: filed.id, to: 'VERIFIED', note: '经查属实：拖欠两名工人工资9600元，已责令限期支付', owed: '960000' })).data).toEqual({
    advanceComplaint: { stage: 'VERIFIED' },
  });

  // Payroll draws on the deposit; enterprise records a bad credit entry — both from welfare's event on Kafka.
  const drawdowns = await testing.eventually(
    async () => {
      const deposit = await contractor<{ deposit: { held: string; drawdowns: Array<{ amount: string; cause: string }> } }>(
        `query ($p: ID!) { deposit(projectId: $p) { held drawdowns { amount cause } } }`,
        { p: projectId },
      );
      // The deposit and its drawdowns are two reads: wait until both show the drawdown's commit.
      return deposit.data?.deposit?.drawdowns.length && deposit.data.deposit.held !== '100000000' ? deposit.data.deposit : undefined;
    },
    20_000,
    'payroll to draw on the deposit',
  );
  expect(drawdowns).toEqual({ held: '99040000', drawdowns: [{ amount: '960000', cause: `complaint:${filed.id}` }] });
  await testing.eventually(
    async () => {
      const credit = await contractor<{ enterprise: { creditRecords: Array<{ kind: string; category: string }> } }>(
        `query ($u: ID!) { enterprise(uscc: $u) { creditRecords { kind category } } }`,
        { u: GC },
      );
      return credit.data?.enterprise?.creditRecords.some((r) => r.kind === 'BAD') ? true : undefined;
    },
    20_000,
    'enterprise to record bad credit',
  );

  // While the complaint is open the project carries payroll's yellow warning; resolving it clears it.
  const WARNINGS = `query ($p: ID) { arrearsWarnings(projectId: $p) { nodes { ruleCode colour } } }`;
  await testing.eventually(
    async () => {
      const open = await clerk<{ arrearsWarnings: { nodes: Array<{ ruleCode: string }> } }>(WARNINGS, { p: projectId });
      return open.data?.arrearsWarnings.nodes.some((w) => w.ruleCode === 'COMPLAINT_OPEN') ? true : undefined;
    },
    20_000,
    'payroll to raise the complaint warning',
  );
  expect((await inspector(ADVANCE, { id: filed.id, to: 'RESOLVED', note: '企业已足额支付拖欠工资' })).errors).toBeUndefined();
  await testing.eventually(
    async () => {
      const open = await clerk<{ arrearsWarnings: { nodes: Array<{ ruleCode: string }> } }>(WARNINGS, { p: projectId });
      return open.data && !open.data.arrearsWarnings.nodes.some((w) => w.ruleCode === 'COMPLAINT_OPEN') ? true : undefined;
    },
    20_000,
    'payroll to clear the complaint warning',
  );

  const mine = await worker<{ myComplaints: { nodes: Array<{ stage: string; result: string; handlerDept: string }> } }>(
    `{ myComplaints { nodes { stage result handlerDept } } }`,
  );
  expect(mine.data!.myComplaints.nodes).toEqual([{ stage: 'RESOLVED', result: '企业已足额支付拖欠工资', handlerDept: 'LABOUR_INSPECTION' }]);
}, 120_000);
