import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, addMonthsToPeriod, callUnary, clockStartingAt, createLogger, grpc, KafkaEventBus, lastDayOfPeriod, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { residentIdCheckCharacter } from '../../services/identity/src/domain/resident-id';
import { PayrollSettlementService } from '../../services/payroll/src/grpc/settlement-server';
import { startBankConnector, type BankConnectorProcess } from '../support/bank-connector';
import { DECISION, FREEZE, REGISTER, safetyTrainingMessage, usccFor, waitForEnterpriseCard, waitForReasons } from '../support/flows';
import { freshDatabases, graphqlClient, PORTS, startSystem, tokenFor, withDatabase, type RunningSystem } from '../support/system';

/**
 * A month's wages across processes on real PostgreSQL and Kafka, through the gateway: two workers
 * enrolled and clocked in last month (identity), a sheet prepared from identity's VerifyWorkers
 * over gRPC, confirmed by each worker, reviewed and approved (payroll). Wages being past due, payroll
 * raises a red warning that enterprise turns into a bidding block. ICBC's bank connector consumes the
 * disbursement events and reports over gRPC — one report duplicated — and the ledger balances,
 * the warnings clear and enterprise restores eligibility. One worker's real-name card is frozen: paid anyway.
 * On the way, the construction permit is granted only once payroll's account and deposit and welfare's
 * injury insurance have all reached enterprise.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2epay' });
let system: RunningSystem;
let bus: KafkaEventBus;
let bank: BankConnectorProcess;
const GC = usccFor(81);
const SUB = usccFor(82);

beforeAll(async () => {
  const connection = await testing.requireKafka(config);
  await freshDatabases(config);
  // Last month's wages fell due yesterday, whatever today is: late (yellow and red on the share paid)
  // but never the month late that would add the red WAGES_UNPAID_A_MONTH.
  const clock = clockStartingAt(testing.testStart());
  system = await startSystem(config, { WAGE_DUE_DAYS_AFTER_CYCLE: String(Number(clock.today().slice(8)) - 1) }, clock);
  bus = new KafkaEventBus({ clientId: 'e2e-payroll', connection, logger: createLogger('e2e', 'warn') });
  // ICBC: the reference bank connector, as its own process with ICBC's Kafka user.
  bank = await startBankConnector(config, { bankCode: 'ICBC', dir: mkdtempSync(path.join(tmpdir(), 'yikatong-e2e-icbc-')) });
}, 180_000);

afterAll(async () => {
  await bank?.stop();
  await bus?.close();
  await system?.stop();
});

/** Last month in China, by the system's clock. */
const lastMonth = () => {
  const period = addMonthsToPeriod(system.clock.period(), -1);
  const lastDay = lastDayOfPeriod(period);
  return { period, firstDay: `${period}-01`, lastDay, dayBefore: addDays(lastDay, -1) };
};

async function settle(reports: Array<{ lineId: string; outcome: string; bankReference: string }>) {
  const client = new PayrollSettlementService(`127.0.0.1:${PORTS.payrollGrpc}`, grpc.credentials.createInsecure());
  try {
    const token = await tokenFor(config, { sub: 'icbc-ops', kind: 'BANK', bank: 'ICBC' });
    return await callUnary<{ results: Array<{ lineId: string; result: string }> }>(
      client,
      'ReportSettlements',
      { reports: reports.map((r) => ({ ...r, failureReason: '', settledAt: '' })) },
      { token },
    );
  } finally {
    client.close();
  }
}

it('a month is prepared, confirmed, approved, paid by the bank and settled; warnings and the bidding block come and go', async () => {
  const month = lastMonth();
  const clerk = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'clerk',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.enterpriseRegister} ${SCOPES.cardFreeze} ${SCOPES.projectRegister}`,
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
  const contractor = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'gc-manager',
      kind: 'ENTERPRISE',
      uscc: GC,
      scope: `${SCOPES.projectRegister} ${SCOPES.wagesApprove} ${SCOPES.attendanceWrite}`,
    }),
  );
  const project = await contractor<{ registerProject: { id: string } }>(`mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`, {
    input: {
      name: '邢台学院新校区二期',
      regionCode: '130502',
      client: '邢台学院',
      generalContractorUscc: GC,
      contractValue: '8000000000',
      labourCostSharePercent: 25,
      startDate: month.firstDay,
    },
  });
  expect(project.errors).toBeUndefined();
  const projectId = project.data!.registerProject.id;
  expect(
    (
      await contractor(`mutation ($input: AddSubcontractorInput!) { addSubcontractor(input: $input) { id } }`, {
        input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC },
      })
    ).errors,
  ).toBeUndefined();
  await withDatabase(config, 'payroll', (db) =>
    db.query(`INSERT INTO minimum_wage (id, region_code, monthly_fen, hourly_fen, effective_from) VALUES ($1, '130000', 220000, 2200, '2025-01-01')`, [
      randomUUID(),
    ]),
  );

  // The dedicated wage account at CCB, and the client's money in it.
  const account = await testing.eventually(
    async () => {
      const result = await contractor<{ requestWageAccount: { id: string } }>(
        `mutation ($input: RequestWageAccountInput!) { requestWageAccount(input: $input) { id } }`,
        { input: { projectId, bankCode: 'CCB', bankName: '中国建设银行邢台分行' } },
      );
      return result.errors ? undefined : result.data!.requestWageAccount.id;
    },
    20_000,
    'payroll to learn the project',
  );
  const ccb = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'ccb-ops', kind: 'BANK', bank: 'CCB' }));
  expect(
    (
      await ccb(`mutation ($input: ConfirmWageAccountOpenedInput!) { confirmWageAccountOpened(input: $input) { status } }`, {
        input: { accountId: account, accountNumber: '13050161520800000777' },
      })
    ).errors,
  ).toBeUndefined();
  expect(
    (
      await ccb(`mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`, {
        input: { accountId: account, amount: '2000000', bankReference: 'CCB-E2E-0001' },
      })
    ).errors,
  ).toBeUndefined();

  // The deposit: payroll asks enterprise's GetDepositRateInputs over gRPC (a new enterprise: the base rate, 2 % of ¥80,000,000).
  const assessment = await contractor<{ depositAssessment: { rateBp: number; amount: string } }>(
    `query ($p: ID!) { depositAssessment(projectId: $p) { rateBp amount } }`,
    { p: projectId },
  );
  expect(assessment.data).toEqual({ depositAssessment: { rateBp: 200, amount: '160000000' } });
  expect(
    (
      await contractor(`mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { status } }`, {
        input: { projectId, form: 'CASH', amount: '160000000' },
      })
    ).data,
  ).toEqual({ placeDeposit: { status: 'HELD' } });

  // The construction permit needs three services' facts: payroll's wage account and deposit, and welfare's injury insurance.
  const bureau = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'bureau-009', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: SCOPES.projectReview }),
  );
  const STEP = `mutation ($input: RequestProjectStepInput!) { requestProjectStep(input: $input) { id } }`;
  const REVIEW_STEP = `mutation ($input: ReviewProjectStepInput!) { reviewProjectStep(input: $input) { status } }`;
  const awarded = await contractor<{ requestProjectStep: { id: string } }>(STEP, {
    input: { projectId, to: 'AWARDED', details: { noticeNumber: '冀邢招2026-101' } },
  });
  expect((await bureau(REVIEW_STEP, { input: { stepId: awarded.data!.requestProjectStep.id, approve: true } })).errors).toBeUndefined();
  const permit = { input: { projectId, to: 'PERMITTED', details: { permitNumber: '130502202611250101' } } };
  await testing.eventually(
    async () => {
      const refused = await contractor(STEP, permit);
      return JSON.stringify(refused.errors?.[0]?.extensions?.reasons) === JSON.stringify(['INJURY_INSURANCE_NOT_BOUGHT']) ? true : undefined;
    },
    20_000,
    'enterprise to count the wage account and deposit, and miss only the insurance',
  );
  const insured = await contractor(`mutation ($input: BuyInjuryInsuranceInput!) { buyInjuryInsurance(input: $input) { policyNumber } }`, {
    input: {
      projectId,
      insurer: '中国人寿财产保险邢台分公司',
      policyNumber: 'GS-E2E-0001',
      premium: '960000',
      rateBp: 50,
      coverFrom: month.firstDay,
    },
  });
  expect(insured.errors).toBeUndefined();
  const permitStep = await testing.eventually(
    async () => {
      const requested = await contractor<{ requestProjectStep: { id: string } }>(STEP, permit);
      return requested.errors ? undefined : requested.data!.requestProjectStep.id;
    },
    20_000,
    'enterprise to learn the insurance from welfare',
  );
  expect((await bureau(REVIEW_STEP, { input: { stepId: permitStep, approve: true } })).data).toEqual({ reviewProjectStep: { status: 'APPROVED' } });

  // Two workers of the subcontractor, trained, enrolled from the first of last month, with two days on site and a wage card each.
  const employer = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, { sub: 'sub-admin', kind: 'ENTERPRISE', uscc: SUB, scope: `${SCOPES.workerRegister} ${SCOPES.attendanceWrite}` }),
  );
  const workerIds: string[] = [];
  for (const [n, name] of ['刘海军', '陈秀兰'].entries()) {
    const first17 = `1305021990040800${n + 1}`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const registered = await employer<{ registerWorker: { id: string } }>(`mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, {
      input: {
        idNumber,
        name,
        phone: `1390319100${n}`,
        education: 'SENIOR_SECONDARY',
        tradeCode: 'WELDER',
        skillLevel: 3,
        regionCode: '130502',
      },
    });
    expect(registered.errors).toBeUndefined();
    const workerId = registered.data!.registerWorker.id;
    workerIds.push(workerId);
    await bus.publish([safetyTrainingMessage(workerId, system.clock.now())]);
    await testing.eventually(
      async () => {
        const enrolled = await employer(`mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }`, {
          input: {
            workerId,
            idNumber,
            name,
            projectId,
            employerUscc: SUB,
            contractType: 'LABOUR_CONTRACT',
            tradeCode: 'WELDER',
            rateKind: 'DAILY',
            rate: '40000',
            employmentKind: 'FULL_TIME',
            startDate: month.firstDay,
          },
        });
        return enrolled.errors ? undefined : true;
      },
      20_000,
      'the enrolment to be accepted',
    );
    const clockIns = [month.dayBefore, month.lastDay].flatMap((day) => [
      { deviceRecordId: `${workerId}-${day}-in`, deviceId: 'gate-east', workerId, projectId, method: 'FINGERPRINT', at: `${day}T00:30:00Z` },
      { deviceRecordId: `${workerId}-${day}-out`, deviceId: 'gate-east', workerId, projectId, method: 'FINGERPRINT', at: `${day}T09:30:00Z` },
    ]);
    expect((await employer(`mutation ($r: [ClockInInput!]!) { recordAttendance(records: $r) { accepted } }`, { r: clockIns })).data).toEqual({
      recordAttendance: { accepted: 4 },
    });
    const worker = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: workerId, kind: 'WORKER' }));
    expect(
      (
        await worker(`mutation ($input: ChangeWageCardInput!) { changeWageCard(input: $input) { warning } }`, {
          input: { workerId, bankCode: 'ICBC', cardNumber: '6222021234567890128' },
        })
      ).errors,
    ).toBeUndefined();
  }
  expect(
    (await contractor(`mutation ($p: ID!, $m: String!) { closeAttendanceMonth(projectId: $p, period: $m) { workers } }`, { p: projectId, m: month.period }))
      .errors,
  ).toBeUndefined();

  // One worker's real-name card is frozen: that never stops wages.
  const card = await clerk<{ worker: { realNameCard: { number: string } } }>(`query ($id: ID!) { worker(id: $id) { realNameCard { number } } }`, {
    id: workerIds[0],
  });
  expect((await clerk(FREEZE, { input: { cardNumber: card.data!.worker.realNameCard.number, ...DECISION } })).errors).toBeUndefined();

  // The subcontractor prepares the sheet: payroll asks identity over gRPC (the wage cards reach payroll over Kafka).
  const subClerk = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'sub-payroll', kind: 'ENTERPRISE', uscc: SUB, scope: SCOPES.wagesPrepare }));
  const sheet = await testing.eventually(
    async () => {
      const prepared = await subClerk<{
        prepareWageSheet: { id: string; totalNet: string; lines: { nodes: Array<{ id: string; workerId: string; days: number; net: string }> } };
      }>(`mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) { id totalNet lines { nodes { id workerId days net } } } }`, {
        input: { projectId, period: month.period },
      });
      return prepared.errors ? undefined : { ...prepared.data!.prepareWageSheet, lines: prepared.data!.prepareWageSheet.lines.nodes };
    },
    20_000,
    'the sheet to be prepared',
  );
  expect(sheet.lines.map((line) => [line.days, line.net])).toEqual([
    [2, '80000'],
    [2, '80000'],
  ]);
  expect(sheet.totalNet).toBe('160000');

  // Wages for last month are due and nobody is paid: payroll raises warnings, enterprise blocks the contractor on the red one.
  await waitForReasons(clerk, GC, ['RED_ARREARS_WARNING']);
  const open = await clerk<{ arrearsWarnings: { nodes: Array<{ ruleCode: string; colour: string }> } }>(
    `query ($p: ID) { arrearsWarnings(projectId: $p) { nodes { ruleCode colour } } }`,
    { p: projectId },
  );
  expect(open.data!.arrearsWarnings.nodes.map((w) => w.ruleCode).sort()).toEqual(['FEWER_PAID_THAN_WORKED', 'UNDER_90_PERCENT_PAID']);

  for (const line of sheet.lines) {
    const worker = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: line.workerId, kind: 'WORKER' }));
    expect((await worker(`mutation ($id: ID!) { confirmWageLine(lineId: $id) { confirmedAt } }`, { id: line.id })).errors).toBeUndefined();
  }
  const officer = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-officer', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.wagesReview }));
  expect((await officer(`mutation ($id: ID!) { reviewWageSheet(sheetId: $id) { status } }`, { id: sheet.id })).data).toEqual({
    reviewWageSheet: { status: 'REVIEWED' },
  });
  expect((await contractor(`mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status } }`, { id: sheet.id })).data).toEqual({
    approveWageSheet: { status: 'APPROVED' },
  });

  // The bank's connector receives one instruction per line, pays each and reports: both lines settle.
  const lines = await testing.eventually(
    () =>
      withDatabase(config, 'payroll', async (db) => {
        const { rows } = await db.query('SELECT id, bank_code, amount_fen::text AS amount, status FROM disbursement_line WHERE project_id = $1 ORDER BY id', [
          projectId,
        ]);
        return rows.length === 2 && rows.every((row) => row.status === 'PAID') ? rows : undefined;
      }),
    30_000,
    "ICBC's connector to pay and report both lines",
  );
  expect(lines.map((line) => [line.bank_code, line.amount])).toEqual([
    ['ICBC', '80000'],
    ['ICBC', '80000'],
  ]);
  expect(bank.journal().filter((payment) => lines.some((line) => line.id === payment.lineId))).toHaveLength(2);
  // A bank sending a report again (a retry) changes nothing.
  const paid = bank.journal().find((payment) => payment.lineId === lines[0]!.id);
  if (paid?.outcome !== 'PAID') throw new Error(`the connector's journal holds no payment of line ${lines[0]!.id}`);
  expect((await settle([{ lineId: paid.lineId, outcome: 'PAID', bankReference: paid.bankReference }])).results.map((r) => r.result)).toEqual([
    'ALREADY_SETTLED',
  ]);

  const ledger = await contractor<{ projectLedger: { balances: Array<{ account: string; balance: string }> } }>(
    `query ($p: ID!) { projectLedger(projectId: $p) { balances { account balance } } }`,
    { p: projectId },
  );
  // Balances as strings: a failing comparison of bigints would break jest's JSON report.
  const balances = Object.fromEntries(ledger.data!.projectLedger.balances.map((b) => [b.account, b.balance]));
  expect(balances).toEqual({
    CLIENT_FUNDING: '-2000000',
    WAGE_ACCOUNT: '1840000',
    PAYMENTS_IN_FLIGHT: '0',
    WORKERS_PAID: '160000',
    CONTRACTOR_DEPOSIT: '-160000000',
    DEPOSIT_HELD: '160000000',
    GUARANTOR: '0',
    DRAWDOWNS_IN_FLIGHT: '0',
    BALANCE_RETURNED: '0',
  });
  expect(Object.values(balances).reduce((sum, balance) => sum + BigInt(balance), 0n) === 0n).toBe(true);

  // Paid in full: the warnings clear and enterprise lifts the block.
  await waitForReasons(clerk, GC, []);
  const after = await clerk<{ arrearsWarnings: { nodes: unknown[] } }>(`query ($p: ID) { arrearsWarnings(projectId: $p) { nodes { ruleCode } } }`, {
    p: projectId,
  });
  expect(after.data!.arrearsWarnings.nodes).toEqual([]);
  const frozenWorker = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: workerIds[0]!, kind: 'WORKER' }));
  expect((await frozenWorker(`{ myPayslips { nodes { period net payment { status } } } }`)).data).toEqual({
    myPayslips: { nodes: [{ period: month.period, net: '80000', payment: { status: 'PAID' } }] },
  });
  // Covered by the project's injury policy from their first day (welfare learned the enrolment from identity).
  expect(
    (
      await frozenWorker(`query ($w: ID!, $on: Date) { injuryCoverage(workerId: $w, on: $on) { covered policy { policyNumber } } }`, {
        w: workerIds[0],
        on: month.lastDay,
      })
    ).data,
  ).toEqual({ injuryCoverage: [{ covered: true, policy: { policyNumber: 'GS-E2E-0001' } }] });
}, 180_000);
