import { randomInt, randomUUID } from 'node:crypto';
import { projectRegisteredV1, projectStageChangedV1, wageCardChangedV1, type EventDataInput, type EventDefinition } from '@yikatong/contracts';
import { InMemoryEventBus, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadPayrollConfig } from '../../src/config';
import { createPayrollContext } from '../../src/context';
import { payCycle, type PayCycle } from '../../src/domain/pay-cycle';
import type { DepositRateInputs } from '../../src/grpc/enterprise-client';
import type { VerifiedWorker } from '../../src/domain/pay-rules';
import { createPayrollService } from '../../src/service';

export const GC = '91350100M000100Y43';
export const SUB = '91110000600037341L';
const TABLES = [
  'disbursement_line',
  'disbursement_batch',
  'wage_line',
  'wage_sheet',
  'ledger_transfer',
  'funding_receipt',
  'funding_instalment',
  'arrears_warning',
  'open_complaint',
  'leaver',
  'deposit_drawdown',
  'deposit',
  'holiday_calendar_day',
  'attendance_month',
  'worker_wage_card',
  'guideline_price',
  'minimum_wage',
  'wage_account',
  'payroll_project',
  'outbox_event',
  'processed_event',
];

export const roles = {
  clerk: (uscc = SUB) => principalFromClaims({ sub: `clerk-${uscc.slice(-4)}`, kind: 'ENTERPRISE', uscc, scope: SCOPES.wagesPrepare }),
  officer: principalFromClaims({ sub: 'gc-officer', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.wagesReview }),
  approver: principalFromClaims({ sub: 'gc-manager', kind: 'ENTERPRISE', uscc: GC, scope: `${SCOPES.wagesApprove} ${SCOPES.projectRegister}` }),
  worker: (workerId: string) => principalFromClaims({ sub: workerId, kind: 'WORKER' }),
  bank: (bank = 'CCB') => principalFromClaims({ sub: `${bank.toLowerCase()}-ops`, kind: 'BANK', bank }),
  portal: (regions = ['130500']) =>
    principalFromClaims({ sub: 'xingtai-clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions, scope: SCOPES.projectRegister }),
  inspector: principalFromClaims({ sub: 'xingtai-inspector', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.depositManage }),
  analytics: principalFromClaims({ sub: 'dashboard', kind: 'ANALYTICS', regions: ['130500'] }),
};

/**
 * The payroll service in-process on the test database (real PostgreSQL) with the in-memory bus.
 * Identity's VerifyWorkers is answered from `attendance`, which each test fills: payroll's own
 * rules are what these tests examine (the end-to-end test uses the real identity service).
 * Business time is `clock`, starting at YIKATONG_TEST_NOW (else the real now) and moved only by
 * the tests, so a rule about days is judged the same whatever the date of the run.
 */
export function createPayrollHarness(settings: Record<string, string> = {}) {
  const attendance = new Map<string, VerifiedWorker[]>();
  /** What enterprise would answer about each contractor's history (default: a new enterprise with a clean record). */
  const history = new Map<string, DepositRateInputs>();
  const config = loadPayrollConfig({ ...testing.testConfig(), PAYROLL_PORT: '0', PAYROLL_GRPC_PORT: '0', ...settings } as never);
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const service = createPayrollService(config, bus, {
    clock,
    verifyWorkers: async (projectId: string, cycle: PayCycle, workerIds: readonly string[]) => {
      const known = attendance.get(`${projectId}|${cycle.firstDay}`) ?? [];
      if (workerIds.length === 0) return known;
      return workerIds.map((id) => known.find((worker) => worker.workerId === id) ?? unknownWorker(id));
    },
    depositRateInputs: async (uscc: string) => history.get(uscc) ?? { cleanYears: 0, arrearsInLastTwoYears: false, listed: false },
  });
  const { db } = service;
  let running: Awaited<ReturnType<typeof service.start>> | undefined;

  const harness = {
    config,
    service,
    db,
    bus,
    clock,
    attendance,
    history,
    get grpcPort() {
      return running!.grpcPort!;
    },
    async start() {
      await testing.requirePostgres(config, 'payroll');
      await db.$executeRawUnsafe(`TRUNCATE ${TABLES.join(', ')}`);
      running = await service.start();
      await db.minimumWage.create({
        data: { id: randomUUID(), regionCode: '130000', monthlyFen: 220_000n, hourlyFen: 2_200n, effectiveFrom: new Date('2025-01-01') },
      });
    },
    async stop() {
      await running?.stop();
      await bus.close();
    },
    execute: <T = Record<string, any>>(query: string, variables: Record<string, unknown>, caller: Principal | null) =>
      testing.runOperation<ReturnType<typeof createPayrollContext>, T>(
        service.subgraph.apollo,
        query,
        variables,
        createPayrollContext(caller, service.deps, () => service.relay.nudge()),
      ),
    deliver: <D extends EventDefinition>(definition: D, subject: string, data: EventDataInput<D>) =>
      testing.deliver(bus, db, definition, subject, data, clock.now()),
    /** A project in construction, with an active wage account at CCB; returns its ids. */
    async project(regionCode = '130502') {
      const projectId = randomUUID();
      await harness.deliver(projectRegisteredV1, projectId, {
        projectId,
        name: `项目 ${projectId.slice(0, 4)}`,
        regionCode,
        generalContractorUscc: GC,
        contractValueFen: '100000000000',
        registeredAt: new Date(clock.now().getTime() - 1000).toISOString(),
      });
      await harness.deliver(projectStageChangedV1, projectId, {
        projectId,
        generalContractorUscc: GC,
        regionCode,
        from: 'PERMITTED',
        to: 'CONSTRUCTION',
        approvedBy: 'bureau',
        changedAt: clock.now().toISOString(),
      });
      const accountId = randomUUID();
      await db.wageAccount.create({
        data: {
          id: accountId,
          projectId,
          generalContractorUscc: GC,
          bankCode: 'CCB',
          bankName: '中国建设银行邢台分行',
          accountNumber: `1305016152080${String(randomInt(10_000_000)).padStart(7, '0')}`,
          status: 'ACTIVE',
          requestedAt: clock.now(),
          openedAt: clock.now(),
        },
      });
      return { projectId, accountId };
    },
    /** A worker identity would answer for, with a wage card payroll already knows. */
    async worker(projectId: string, cycle: Pick<PayCycle, 'firstDay'>, overrides: Partial<VerifiedWorker> = {}, bankCode = 'ICBC') {
      const workerId = randomUUID();
      const worker: VerifiedWorker = {
        workerId,
        enrolled: true,
        cardUsableForWages: true,
        days: 22,
        hours: 176,
        problems: [],
        employerUscc: SUB,
        rateKind: 'DAILY',
        rateFen: '30000',
        employmentKind: 'FULL_TIME',
        tradeCode: 'REBAR',
        enrolmentId: randomUUID(),
        holderName: `工人${workerId.slice(0, 4)}`,
        idNumber: '11010519491231002X',
        phone: '13812345678',
        longestDayHours: 8,
        longestWeekHours: 40,
        ...overrides,
      };
      const key = `${projectId}|${cycle.firstDay}`;
      attendance.set(key, [...(attendance.get(key) ?? []), worker]);
      await harness.deliver(wageCardChangedV1, workerId, {
        workerId,
        holderName: worker.holderName,
        bankCode,
        cardNumber: '6222021234567890128',
        luhnValid: true,
        version: 1,
        changedAt: clock.now().toISOString(),
      });
      return worker;
    },
    /** A prepared sheet for `count` workers of the subcontractor, each line confirmed by its worker, reviewed by the officer. */
    async reviewedSheet(projectId: string, period: string, count: number) {
      const cycle = payCycle(period, 'MONTH');
      for (let i = 0; i < count; i += 1) await harness.worker(projectId, cycle);
      const prepared = await harness.execute<{ prepareWageSheet: ReviewedSheet & { lines: { nodes: ReviewedSheet['lines'] } } }>(
        `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) { id totalNet lines(first: 100) { nodes { id workerId net } } } }`,
        { input: { projectId, period } },
        roles.clerk(),
      );
      if (!prepared.data) throw new Error(`the sheet was not prepared: ${JSON.stringify(prepared.errors)}`);
      const sheet = { ...prepared.data.prepareWageSheet, lines: prepared.data.prepareWageSheet.lines.nodes };
      for (const line of sheet.lines)
        await harness.execute(`mutation ($id: ID!) { confirmWageLine(lineId: $id) { confirmedAt } }`, { id: line.id }, roles.worker(line.workerId));
      const reviewed = await harness.execute(`mutation ($id: ID!) { reviewWageSheet(sheetId: $id) { status } }`, { id: sheet.id }, roles.officer);
      if (reviewed.errors) throw new Error(`the sheet was not reviewed: ${JSON.stringify(reviewed.errors)}`);
      return sheet;
    },
  };
  return harness;
}

interface ReviewedSheet {
  id: string;
  totalNet: string;
  lines: Array<{ id: string; workerId: string; net: string }>;
}

function unknownWorker(workerId: string): VerifiedWorker {
  return {
    workerId,
    enrolled: false,
    cardUsableForWages: false,
    days: 0,
    hours: 0,
    problems: ['NOT_ENROLLED', 'NO_WAGE_CARD', 'NO_ATTENDANCE'],
    employerUscc: '',
    rateKind: '',
    rateFen: '0',
    employmentKind: '',
    tradeCode: '',
    enrolmentId: '',
    holderName: '',
    idNumber: '',
    phone: '',
    longestDayHours: 0,
    longestWeekHours: 0,
  };
}
