import { randomUUID } from 'node:crypto';
import { addDays, addMonthsToPeriod, instantPlusDays, lastDayOfPeriod, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { residentIdCheckCharacter } from '../../services/identity/src/domain/resident-id';
import { safetyTrainingMessage, usccFor, waitForEnterpriseCard } from '../support/flows';
import { graphqlClient, withDatabase, type GraphQLResult } from '../support/system';
import type { TrustSystem } from './federation';

const ALL_SCOPES = Object.values(SCOPES).join(' ');

/** The region the fixture lives in (Xingtai) and one outside it (Shenzhen). */
export const HOME_REGION = '130500';
export const OTHER_REGION = '440300';

export const GC = usccFor(501);
export const SUB = usccFor(502);
export const RIVAL = usccFor(503);

/** The project's wage-account bank, and a bank with nothing to do with it. */
export const ACCOUNT_BANK = 'CCB';
export const OTHER_BANK = 'ABC';

function residentId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

/** The worker the rows are about, and one who has nothing to do with the project. */
export const WORKER = { idNumber: residentId('13050219900408011'), name: '刘海军', phone: '13903191011', cardNumber: '6217001234567890123' };
export const OTHER_WORKER = { idNumber: residentId('13050219911201022'), name: '陈秀兰', phone: '13903191022' };
/** The other worker's registration (the rival registers it; the matrix's registerWorker row sends it again). */
export const OTHER_WORKER_REGISTRATION = { ...OTHER_WORKER, education: 'JUNIOR_SECONDARY', tradeCode: 'MASON', skillLevel: 2, regionCode: '130502' };

/** Each object the rows name, by the argument names that refer to it. */
export interface Fixture {
  projectId: string;
  workerId: string;
  otherWorkerId: string;
  enrolmentId: string;
  cardNumber: string;
  workerCardId: string;
  workerCardNumber: string;
  warningId: string;
  tenderId: string;
  stepId: string;
  accountId: string;
  sheetId: string;
  lineId: string;
  drawdownId: string;
  complaintId: string;
  sessionId: string;
  trainingEnrolmentId: string;
  providerId: string;
  programmeId: string;
  serviceRequestId: string;
  serviceTypeCode: string;
  schemeCode: string;
  roundId: string;
  centreId: string;
  period: string;
  today: string;
  year: number;
}

type Client = ReturnType<typeof graphqlClient>;

/** The result's data, or a thrown error naming the seeding step: the matrix's rows need every object to exist. */
function must<T>(step: string, result: GraphQLResult<T>): T {
  if (result.errors || !result.data) throw new Error(`fixture step "${step}" failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function until<T>(step: string, attempt: () => Promise<GraphQLResult<T>>): Promise<T> {
  let last: GraphQLResult<T> | undefined;
  const data = await testing
    .eventually(
      async () => {
        last = await attempt();
        return last.errors ? undefined : last.data;
      },
      20_000,
      `${step} (last answer ${JSON.stringify(last?.errors)})`,
    )
    .catch(() => undefined);
  if (!data) throw new Error(`fixture step "${step}" failed: ${JSON.stringify(last?.errors)}`);
  return data;
}

/**
 * One of everything a row can name, in Xingtai, entered through the gateway as its users would:
 * a general contractor's project with a subcontractor, its wage account at CCB, deposit, insurance
 * and tender; a worker of the subcontractor enrolled with last month's attendance and a prepared wage
 * sheet, a complaint, training, a service request, a scheme and an award round. A rival enterprise
 * and a second worker exist but have nothing to do with any of it.
 */
export async function seedFixture(system: TrustSystem): Promise<Fixture> {
  const as = async (claims: Parameters<TrustSystem['token']>[0]): Promise<Client> => graphqlClient(system.gatewayUrl, await system.token(claims));
  const bureau = await as({ sub: 'fixture-bureau', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: [HOME_REGION], scope: ALL_SCOPES });
  const inspection = await as({ sub: 'fixture-inspection', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: [HOME_REGION], scope: ALL_SCOPES });
  const contractor = await as({ sub: 'fixture-gc', kind: 'ENTERPRISE', uscc: GC, scope: ALL_SCOPES });
  const employer = await as({ sub: 'fixture-sub', kind: 'ENTERPRISE', uscc: SUB, scope: ALL_SCOPES });
  const rival = await as({ sub: 'fixture-rival', kind: 'ENTERPRISE', uscc: RIVAL, scope: ALL_SCOPES });
  const bank = await as({ sub: 'fixture-ccb', kind: 'BANK', bank: ACCOUNT_BANK });
  const today = system.clock.today();
  const period = addMonthsToPeriod(system.clock.period(), -1);

  for (const [uscc, type] of [
    [GC, 'GENERAL_CONTRACTOR'],
    [SUB, 'SUBCONTRACTOR'],
    [RIVAL, 'GENERAL_CONTRACTOR'],
  ] as const) {
    must(
      'registerEnterprise',
      await bureau(`mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc } }`, {
        input: { uscc, name: `矩阵企业${uscc.slice(-4)}`, type, regionCode: '130502', legalRepresentative: '李四' },
      }),
    );
    await waitForEnterpriseCard(bureau, uscc);
  }
  const cards = must(
    'enterprise card',
    await bureau<{ enterprise: { realNameCards: Array<{ number: string }> } }>(`query ($u: ID!) { enterprise(uscc: $u) { realNameCards { number } } }`, {
      u: GC,
    }),
  );

  const projectId = must(
    'registerProject',
    await contractor<{ registerProject: { id: string } }>(`mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`, {
      input: {
        name: '矩阵项目',
        regionCode: '130502',
        client: '邢台学院',
        generalContractorUscc: GC,
        contractValue: '8000000000',
        labourCostSharePercent: 25,
        startDate: `${addMonthsToPeriod(period, -1)}-01`,
      },
    }),
  ).registerProject.id;
  must(
    'addSubcontractor',
    await contractor(`mutation ($input: AddSubcontractorInput!) { addSubcontractor(input: $input) { id } }`, {
      input: { projectId, uscc: SUB, role: 'SUBCONTRACTOR', parentUscc: GC },
    }),
  );
  const stepId = must(
    'requestProjectStep',
    await contractor<{ requestProjectStep: { id: string } }>(`mutation ($input: RequestProjectStepInput!) { requestProjectStep(input: $input) { id } }`, {
      input: { projectId, to: 'AWARDED', details: { noticeNumber: '冀邢招2026-500' } },
    }),
  ).requestProjectStep.id;
  const tenderId = must(
    'openTender',
    await bureau<{ openTender: { id: string } }>(`mutation ($input: OpenTenderInput!) { openTender(input: $input) { id } }`, {
      input: {
        projectId,
        title: '劳务分包',
        requirements: [{ category: '施工劳务', minGrade: 'UNGRADED' }],
        closesAt: instantPlusDays(system.clock.now(), 30).toISOString(),
      },
    }),
  ).openTender.id;
  await withDatabase(system.config, 'payroll', (db) =>
    db.query(`INSERT INTO minimum_wage (id, region_code, monthly_fen, hourly_fen, effective_from) VALUES ($1, '130000', 220000, 2200, '2025-01-01')`, [
      randomUUID(),
    ]),
  );

  const accountId = (
    await until('requestWageAccount', () =>
      contractor<{ requestWageAccount: { id: string } }>(`mutation ($input: RequestWageAccountInput!) { requestWageAccount(input: $input) { id } }`, {
        input: { projectId, bankCode: ACCOUNT_BANK, bankName: '中国建设银行邢台分行' },
      }),
    )
  ).requestWageAccount.id;
  must(
    'confirmWageAccountOpened',
    await bank(`mutation ($input: ConfirmWageAccountOpenedInput!) { confirmWageAccountOpened(input: $input) { status } }`, {
      input: { accountId, accountNumber: '13050161520800000501' },
    }),
  );
  must(
    'recordFundingReceived',
    await bank(`mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`, {
      input: { accountId, amount: '2000000', bankReference: 'CCB-MATRIX-0001' },
    }),
  );
  await until('placeDeposit', () =>
    contractor(`mutation ($input: PlaceDepositInput!) { placeDeposit(input: $input) { status } }`, { input: { projectId, form: 'CASH', amount: '160000000' } }),
  );

  await until('buyInjuryInsurance', () =>
    contractor(`mutation ($input: BuyInjuryInsuranceInput!) { buyInjuryInsurance(input: $input) { policyNumber } }`, {
      input: {
        projectId,
        insurer: '中国人寿财产保险邢台分公司',
        policyNumber: 'GS-MATRIX-0001',
        premium: '960000',
        rateBp: 50,
        coverFrom: `${period}-01`,
      },
    }),
  );
  const workerId = must(
    'registerWorker',
    await employer<{ registerWorker: { id: string } }>(`mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, {
      input: {
        idNumber: WORKER.idNumber,
        name: WORKER.name,
        phone: WORKER.phone,
        education: 'SENIOR_SECONDARY',
        tradeCode: 'WELDER',
        skillLevel: 3,
        regionCode: '130502',
      },
    }),
  ).registerWorker.id;
  const otherWorkerId = must(
    'registerWorker (other)',
    await rival<{ registerWorker: { id: string } }>(`mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, {
      input: OTHER_WORKER_REGISTRATION,
    }),
  ).registerWorker.id;
  await system.bus.publish([safetyTrainingMessage(workerId, system.clock.now())]);
  const enrolmentId = (
    await until('enrolWorker', () =>
      employer<{ enrolWorker: { id: string } }>(`mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }`, {
        input: {
          workerId,
          idNumber: WORKER.idNumber,
          name: WORKER.name,
          projectId,
          employerUscc: SUB,
          contractType: 'LABOUR_CONTRACT',
          tradeCode: 'WELDER',
          rateKind: 'DAILY',
          rate: '40000',
          employmentKind: 'FULL_TIME',
          startDate: `${period}-01`,
        },
      }),
    )
  ).enrolWorker.id;
  const lastDay = lastDayOfPeriod(period);
  const clockIns = [addDays(lastDay, -1), lastDay].flatMap((day) => [
    { deviceRecordId: `${workerId}-${day}-in`, deviceId: 'gate-matrix', workerId, projectId, method: 'FINGERPRINT', at: `${day}T00:30:00Z` },
    { deviceRecordId: `${workerId}-${day}-out`, deviceId: 'gate-matrix', workerId, projectId, method: 'FINGERPRINT', at: `${day}T09:30:00Z` },
  ]);
  must('recordAttendance', await employer(`mutation ($r: [ClockInInput!]!) { recordAttendance(records: $r) { accepted } }`, { r: clockIns }));
  const worker = await as({ sub: workerId, kind: 'WORKER' });
  must(
    'changeWageCard',
    await worker(`mutation ($input: ChangeWageCardInput!) { changeWageCard(input: $input) { warning } }`, {
      input: { workerId, bankCode: ACCOUNT_BANK, cardNumber: WORKER.cardNumber },
    }),
  );
  must(
    'closeAttendanceMonth',
    await contractor(`mutation ($p: ID!, $m: String!) { closeAttendanceMonth(projectId: $p, period: $m) { workers } }`, { p: projectId, m: period }),
  );
  const workerCard = must(
    'worker card',
    await bureau<{ worker: { realNameCard: { id: string; number: string } } }>(`query ($id: ID!) { worker(id: $id) { realNameCard { id number } } }`, {
      id: workerId,
    }),
  );
  const sheet = (
    await until('prepareWageSheet', () =>
      employer<{ prepareWageSheet: { id: string; lines: { nodes: Array<{ id: string }> } } }>(
        `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) { id lines { nodes { id } } } }`,
        { input: { projectId, period } },
      ),
    )
  ).prepareWageSheet;
  const drawdownId = must(
    'startDepositDrawdown',
    await inspection<{ startDepositDrawdown: { id: string } }>(`mutation ($input: StartDepositDrawdownInput!) { startDepositDrawdown(input: $input) { id } }`, {
      input: { projectId, amount: '80000', orderReference: '邢人社监令〔2026〕501号', workers: [{ workerId, amount: '80000' }] },
    }),
  ).startDepositDrawdown.id;

  const complaintId = (
    await until('fileComplaint', () =>
      worker<{ fileComplaint: { id: string } }>(`mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`, {
        input: {
          category: 'WAGE_ARREARS',
          employerUscc: SUB,
          projectId,
          periodFrom: period,
          periodTo: period,
          amountClaimed: '80000',
          workersAffected: 1,
          description: '上月工资未发',
          handlerDepartment: 'HOUSING_CONSTRUCTION',
        },
      }),
    )
  ).fileComplaint.id;
  // An open complaint puts payroll's yellow warning on the project.
  const warningId = (
    await until('arrears warning', async () => {
      const found = await bureau<{ arrearsWarnings: { nodes: Array<{ id: string }> } }>(`query ($p: ID) { arrearsWarnings(projectId: $p) { nodes { id } } }`, {
        p: projectId,
      });
      return found.data?.arrearsWarnings.nodes.length ? found : { errors: [{ message: 'no warning yet' }] };
    })
  ).arrearsWarnings.nodes[0]!.id;
  const providerId = must(
    'registerTrainingProvider',
    await bureau<{ registerTrainingProvider: { id: string } }>(
      `mutation { registerTrainingProvider(input: { name: "邢台建筑职业技术学校", kind: "SCHOOL", regionCode: "130502" }) { id } }`,
    ),
  ).registerTrainingProvider.id;
  const programmeId = must(
    'defineTrainingProgramme',
    await bureau<{ defineTrainingProgramme: { id: string } }>(`mutation ($input: TrainingProgrammeInput!) { defineTrainingProgramme(input: $input) { id } }`, {
      input: { providerId, name: '焊工中级', kind: 'SKILL', tradeCode: 'WELDER', skillLevel: 3, requiredHours: 16 },
    }),
  ).defineTrainingProgramme.id;
  const sessionId = must(
    'scheduleTrainingSession',
    await bureau<{ scheduleTrainingSession: { id: string } }>(`mutation ($input: TrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`, {
      input: { programmeId, regionCode: '130502', startsOn: addDays(today, -6), endsOn: today, capacity: 10 },
    }),
  ).scheduleTrainingSession.id;
  const trainingEnrolmentId = must(
    'enrolInTraining',
    await worker<{ enrolInTraining: { id: string } }>(`mutation ($s: ID!) { enrolInTraining(sessionId: $s) { id } }`, { s: sessionId }),
  ).enrolInTraining.id;
  const serviceTypeCode = must(
    'defineServiceType',
    await bureau<{ defineServiceType: { code: string } }>(`mutation ($input: ServiceTypeInput!) { defineServiceType(input: $input) { code } }`, {
      input: { code: 'WAGE_CERT', name: '工资证明', department: 'HOUSING_CONSTRUCTION', deadlineWorkingDays: 3 },
    }),
  ).defineServiceType.code;
  const serviceRequestId = must(
    'openServiceRequest',
    await worker<{ openServiceRequest: { id: string } }>(`mutation ($t: String!) { openServiceRequest(typeCode: $t, regionCode: "130502") { id } }`, {
      t: serviceTypeCode,
    }),
  ).openServiceRequest.id;
  const schemeCode = must(
    'defineWelfareScheme',
    await bureau<{ defineWelfareScheme: { code: string } }>(`mutation ($input: WelfareSchemeInput!) { defineWelfareScheme(input: $input) { code } }`, {
      input: { code: 'LEGAL_AID_2026', name: '法律援助', kind: 'LEGAL_AID', regionCode: '130502', rules: [] },
    }),
  ).defineWelfareScheme.code;
  const roundId = must(
    'openAwardRound',
    await bureau<{ openAwardRound: { id: string } }>(`mutation ($input: AwardRoundInput!) { openAwardRound(input: $input) { id } }`, {
      input: { kind: 'OUTSTANDING_WORKER', year: system.clock.year(), regionCode: HOME_REGION, quota: 1 },
    }),
  ).openAwardRound.id;
  const centreId = randomUUID();
  await withDatabase(system.config, 'welfare', (db) =>
    db.query(
      `INSERT INTO service_centre (id, name, kind, region_code, address, phone) VALUES ($1, '信都区农民工服务站', 'TOWNSHIP_STATION', '130502', '邢台市信都区', '0319-12345')`,
      [centreId],
    ),
  );

  return {
    projectId,
    workerId,
    otherWorkerId,
    enrolmentId,
    cardNumber: cards.enterprise.realNameCards[0]!.number,
    workerCardId: workerCard.worker.realNameCard.id,
    workerCardNumber: workerCard.worker.realNameCard.number,
    warningId,
    tenderId,
    stepId,
    accountId,
    sheetId: sheet.id,
    lineId: sheet.lines.nodes[0]!.id,
    drawdownId,
    complaintId,
    sessionId,
    trainingEnrolmentId,
    providerId,
    programmeId,
    serviceRequestId,
    serviceTypeCode,
    schemeCode,
    roundId,
    centreId,
    period,
    today,
    year: system.clock.year(),
  };
}
