import { callUnary, grpc, instantPlusDays, mintToken, principalFromClaims, SCOPES } from '@yikatong/platform';
import { WorkerRegistryService } from '../../src/grpc/worker-registry-server';
import { chinaTime, createHarness, lastMonth, roles, SUB_USCC, testIdNumber } from '../support/harness';

const harness = createHarness();
beforeAll(() => harness.start());
beforeEach(() => harness.reset());
afterAll(() => harness.stop());

const RECORD = `mutation ($records: [ClockInInput!]!) { recordAttendance(records: $records) { accepted duplicates anomalies rejected { index deviceRecordId code message } } }`;
const ENROL = `mutation ($input: EnrolWorkerInput!) { enrolWorker(input: $input) { id } }`;
const month = lastMonth(harness.clock.period());

/** A trained worker enrolled on a project from the start of last month. */
async function enrolledWorker(sequence: number, projectId: string, overrides: Record<string, unknown> = {}) {
  const workerId = await harness.registerWorker(testIdNumber(sequence));
  await harness.safetyTraining(workerId, instantPlusDays(harness.clock.now(), -90));
  const result = await harness.execute(
    ENROL,
    {
      input: {
        ...harness.idCard(workerId),
        projectId,
        employerUscc: SUB_USCC,
        contractType: 'WRITTEN_AGREEMENT',
        tradeCode: 'MASON',
        rateKind: 'DAILY',
        rate: '32000',
        employmentKind: 'PART_TIME',
        startDate: month.firstDay,
        endDate: null,
        ...overrides,
      },
    },
    roles.subcontractor,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return workerId;
}

let sequence = 0;
const clockIn = (workerId: string, projectId: string, day: string, time: string, extra: Record<string, unknown> = {}) => ({
  deviceRecordId: `rec-${(sequence += 1)}`,
  deviceId: 'gate-01',
  workerId,
  projectId,
  method: 'FINGERPRINT',
  at: chinaTime(day, time),
  ...extra,
});

describe('bulk attendance from gate devices', () => {
  it('accepts enrolled workers, rejects the others one by one with reasons, and creates nothing twice on a resend', async () => {
    const projectId = await harness.project();
    const workerId = await enrolledWorker(1, projectId);
    const stranger = await harness.registerWorker(testIdNumber(2));
    const records = [
      clockIn(workerId, projectId, month.dayBefore, '07:58'),
      clockIn(stranger, projectId, month.dayBefore, '07:59'),
      clockIn(workerId, projectId, month.dayBefore, '17:31'),
      clockIn(workerId, projectId, month.dayBefore, '08:00', { method: 'FACE' }),
      { ...clockIn(workerId, projectId, month.dayBefore, '08:00'), workerId: 'not-a-uuid' },
    ];
    const first = await harness.execute(RECORD, { records }, roles.subcontractor);
    expect(first.data!.recordAttendance).toMatchObject({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, code: 'NOT_ENROLLED' },
        { index: 3, code: 'PHOTO_HASH_MISSING' },
        { index: 4, code: 'INVALID_RECORD' },
      ],
    });
    const resend = await harness.execute(RECORD, { records }, roles.subcontractor);
    expect(resend.data!.recordAttendance).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await harness.db.attendanceRecord.count()).toBe(2);
  });

  it('refuses empty and oversized batches, callers without attendance:write, and projects the enterprise is not on', async () => {
    const projectId = await harness.project();
    const workerId = await enrolledWorker(3, projectId);
    const one = [clockIn(workerId, projectId, month.lastDay, '08:00')];
    expect((await harness.execute(RECORD, { records: [] }, roles.subcontractor)).errors![0]!.extensions).toMatchObject({
      code: 'BATCH_SIZE',
      field: 'records',
    });
    const tooMany = Array.from({ length: 1001 }, () => clockIn(workerId, projectId, month.lastDay, '08:00'));
    expect((await harness.execute(RECORD, { records: tooMany }, roles.subcontractor)).errors![0]!.extensions!.code).toBe('BATCH_SIZE');
    expect((await harness.execute(RECORD, { records: one }, roles.otherEnterprise)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await harness.execute(RECORD, { records: one }, roles.portal)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const outsider = { ...roles.otherEnterprise, scopes: new Set(['attendance:write']) };
    expect((await harness.execute(RECORD, { records: one }, outsider)).data!.recordAttendance.rejected).toEqual([
      expect.objectContaining({ code: 'PROJECT_NOT_YOURS' }),
    ]);
    expect(await harness.db.attendanceRecord.count()).toBe(0);
  });

  it('flags one worker on two sites at once, one photo on two IDs, and a clock-in outside the enrolment dates', async () => {
    const siteA = await harness.project();
    const siteB = await harness.project();
    const a = await enrolledWorker(4, siteA);
    await harness.execute(
      ENROL,
      {
        input: {
          ...harness.idCard(a),
          projectId: siteB,
          employerUscc: SUB_USCC,
          contractType: 'WRITTEN_AGREEMENT',
          tradeCode: 'MASON',
          rateKind: 'HOURLY',
          rate: '2500',
          employmentKind: 'PART_TIME',
          startDate: month.firstDay,
          endDate: null,
        },
      },
      roles.subcontractor,
    );
    const b = await enrolledWorker(5, siteA, { endDate: month.dayBefore });
    const result = await harness.execute(
      RECORD,
      {
        records: [
          clockIn(a, siteA, month.lastDay, '08:00'),
          clockIn(a, siteB, month.lastDay, '08:20'),
          clockIn(a, siteA, month.dayBefore, '08:00', { method: 'FACE', photoHash: 'sha256:face-1' }),
          clockIn(b, siteA, month.dayBefore, '08:01', { method: 'FACE', photoHash: 'sha256:face-1' }),
          clockIn(b, siteA, month.lastDay, '09:00'),
        ],
      },
      roles.subcontractor,
    );
    expect(result.data!.recordAttendance).toMatchObject({ accepted: 5, rejected: [] });
    const anomalies = await harness.execute(
      `query ($p: ID) { attendanceAnomalies(projectId: $p, first: 50) { nodes { kind workerId otherWorkerId otherProjectId detectedAt } } }`,
      { p: siteA },
      roles.portal,
    );
    const nodes: Array<{ kind: string; workerId: string; detectedAt: string }> = anomalies.data!.attendanceAnomalies.nodes;
    expect(nodes.map((node) => `${node.kind}:${node.workerId === a ? 'a' : 'b'}`).sort()).toEqual(
      expect.arrayContaining(['OUTSIDE_ENROLMENT_DATES:b', 'PHOTO_ON_TWO_IDS:b', 'TWO_SITES_AT_ONCE:a']),
    );
    expect(new Set(nodes.map((node) => node.detectedAt))).toEqual(new Set([harness.clock.now().toISOString()]));
    expect(
      await harness
        .execute(`query ($p: ID) { attendanceAnomalies(projectId: $p) { nodes { kind } } }`, { p: siteA }, roles.otherEnterprise)
        .then((r) => r.errors![0]!.extensions!.code),
    ).toBe('FORBIDDEN');
  });
});

describe('monthly summaries, month close and payroll’s gRPC questions', () => {
  it('sums days and first-to-last hours per China day; closing the month publishes the totals and refuses later clock-ins', async () => {
    const projectId = await harness.project();
    const workerId = await enrolledWorker(6, projectId);
    await harness.execute(
      RECORD,
      {
        records: [
          clockIn(workerId, projectId, month.dayBefore, '08:00'),
          clockIn(workerId, projectId, month.dayBefore, '12:00'),
          clockIn(workerId, projectId, month.dayBefore, '17:30'),
          clockIn(workerId, projectId, month.lastDay, '08:00'),
          clockIn(workerId, projectId, month.lastDay, '12:00'),
        ],
      },
      roles.subcontractor,
    );
    const SUMMARY = `query ($p: ID!, $m: String!) { monthlyAttendance(projectId: $p, period: $m) { workerId days hours } }`;
    expect((await harness.execute(SUMMARY, { p: projectId, m: month.period }, roles.subcontractor)).data).toEqual({
      monthlyAttendance: [{ workerId, days: 2, hours: 13.5 }],
    });
    expect((await harness.execute(SUMMARY, { p: projectId, m: month.period }, roles.otherRegionPortal)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const CLOSE = `mutation ($p: ID!, $m: String!) { closeAttendanceMonth(projectId: $p, period: $m) { period workers } }`;
    expect((await harness.execute(CLOSE, { p: projectId, m: month.period }, roles.subcontractor)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await harness.execute(CLOSE, { p: projectId, m: month.period }, roles.generalContractor)).data).toEqual({
      closeAttendanceMonth: { period: month.period, workers: 1 },
    });
    const event = await harness.db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.identity.attendance.month-closed.v1' } });
    expect(event.payload).toMatchObject({ data: { projectId, period: month.period, workers: [{ workerId, days: 2, hours: 13.5 }] } });
    expect((await harness.execute(CLOSE, { p: projectId, m: month.period }, roles.generalContractor)).errors![0]!.extensions!.code).toBe(
      'MONTH_ALREADY_CLOSED',
    );
    expect((await harness.execute(CLOSE, { p: projectId, m: harness.clock.period() }, roles.generalContractor)).errors![0]!.extensions!.code).toBe(
      'MONTH_NOT_OVER',
    );
    const late = await harness.execute(RECORD, { records: [clockIn(workerId, projectId, month.lastDay, '18:00')] }, roles.subcontractor);
    expect(late.data!.recordAttendance.rejected).toEqual([expect.objectContaining({ code: 'MONTH_CLOSED' })]);
  });

  it('VerifyWorkers: a worker whose real-name card is frozen is still payable; the unenrolled and card-less are named', async () => {
    const projectId = await harness.project();
    const paid = await enrolledWorker(7, projectId);
    const noCard = await enrolledWorker(8, projectId);
    const outsider = await harness.registerWorker(testIdNumber(9));
    await harness.execute(
      `mutation ($input: ChangeWageCardInput!) { changeWageCard(input: $input) { warning } }`,
      { input: { workerId: paid, bankCode: 'ICBC', cardNumber: '6222021234567890128' } },
      roles.worker(paid),
    );
    await harness.execute(
      RECORD,
      { records: [clockIn(paid, projectId, month.lastDay, '08:00'), clockIn(paid, projectId, month.lastDay, '16:00')] },
      roles.subcontractor,
    );
    const card = await harness.db.realNameCard.findFirstOrThrow({ where: { personId: paid } });
    const frozen = await harness.execute(
      `mutation ($input: CardStatusChangeInput!) { freezeRealNameCard(input: $input) { status } }`,
      { input: { cardNumber: card.number, reason: '冒用他人身份进场', legalBasis: '实名制管理办法', authority: '邢台市住建局' } },
      roles.freezer,
    );
    expect(frozen.data).toEqual({ freezeRealNameCard: { status: 'FROZEN' } });

    const client = new WorkerRegistryService(`127.0.0.1:${harness.grpcPort}`, grpc.credentials.createInsecure());
    try {
      // Payroll's token carries pii:read: the wage ledger needs the ID number and phone unmasked.
      const token = await harness.serviceToken('payroll', [SCOPES.piiRead]);
      const response = await callUnary<{ workers: Array<Record<string, unknown>> }>(
        client,
        'VerifyWorkers',
        { projectId, period: month.period, workerIds: [paid, noCard, outsider] },
        { token },
      );
      expect(response.workers).toEqual([
        expect.objectContaining({
          workerId: paid,
          enrolled: true,
          cardUsableForWages: true,
          days: 1,
          hours: 8,
          problems: [],
          rateFen: '32000',
          employerUscc: SUB_USCC,
          holderName: '张三',
          idNumber: testIdNumber(7),
          phone: '13812345678',
          longestDayHours: 8,
          longestWeekHours: 8,
        }),
        expect.objectContaining({ workerId: noCard, enrolled: true, cardUsableForWages: false, problems: ['NO_WAGE_CARD', 'NO_ATTENDANCE'] }),
        expect.objectContaining({ workerId: outsider, enrolled: false, problems: ['NOT_ENROLLED', 'NO_WAGE_CARD', 'NO_ATTENDANCE'] }),
      ]);
      const status = await callUnary<{ cards: Array<Record<string, unknown>> }>(client, 'GetCardStatus', { personId: paid }, { token });
      expect(status.cards).toEqual([expect.objectContaining({ cardNumber: card.number, status: 'FROZEN', holderKind: 'WORKER', personId: paid })]);
      const worker = await mintToken(harness.config, { sub: paid, kind: 'WORKER' });
      await expect(callUnary(client, 'VerifyWorkers', { projectId, period: month.period, workerIds: [] }, { token: worker })).rejects.toMatchObject({
        code: grpc.status.PERMISSION_DENIED,
      });
      await expect(callUnary(client, 'VerifyWorkers', { projectId, period: '2026-13', workerIds: [] }, { token })).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
      });
      // A half-month cycle that ends before the last day leaves that day's work out.
      const firstHalf = await callUnary<{ workers: Array<Record<string, unknown>> }>(
        client,
        'VerifyWorkers',
        { projectId, period: month.period, workerIds: [paid], firstDay: `${month.period}-01`, lastDay: `${month.period}-15` },
        { token },
      );
      expect(firstHalf.workers).toEqual([expect.objectContaining({ workerId: paid, days: 0, problems: ['NO_ATTENDANCE'] })]);
      await expect(
        callUnary(client, 'VerifyWorkers', { projectId, period: month.period, workerIds: [], firstDay: '2020-01-01', lastDay: '2020-01-02' }, { token }),
      ).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
      await expect(callUnary(client, 'GetCardStatus', { cardNumber: 'YK1' }, { token })).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    } finally {
      client.close();
    }
  });

  it('statistics: analytics gets counts by region and month, never people', async () => {
    const projectId = await harness.project();
    const workerId = await enrolledWorker(10, projectId);
    await harness.execute(
      RECORD,
      { records: [clockIn(workerId, projectId, month.dayBefore, '08:00'), clockIn(workerId, projectId, month.lastDay, '08:00')] },
      roles.subcontractor,
    );
    const STATS = `query ($r: String!, $f: String!, $t: String!) { identityStatistics(regionCode: $r, from: $f, to: $t) { registeredWorkers activeEnrolments attendance { regionCode period workers workerDays } } }`;
    // Analytics tokens name their regions: this dashboard's is Xingtai (130500).
    const stats = await harness.execute(STATS, { r: '130500', f: month.period, t: month.period }, roles.analytics);
    expect(stats.data).toEqual({
      identityStatistics: {
        registeredWorkers: 1,
        activeEnrolments: 1,
        attendance: [{ regionCode: '130502', period: month.period, workers: 1, workerDays: 2 }],
      },
    });
    expect((await harness.execute(STATS, { r: '130000', f: month.period, t: month.period }, roles.portal)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await harness.execute(STATS, { r: '130000', f: month.period, t: month.period }, roles.subcontractor)).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
    // The platform's one statistics rule: a Shenzhen dashboard never reads Xingtai's figures, nor a malformed region.
    const shenzhen = principalFromClaims({ sub: 'sz-dashboard', kind: 'ANALYTICS', regions: ['440300'] });
    expect((await harness.execute(STATS, { r: '130500', f: month.period, t: month.period }, shenzhen)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await harness.execute(STATS, { r: '1305', f: month.period, t: month.period }, roles.analytics)).errors![0]!.extensions).toMatchObject({
      code: 'INVALID_REGION_CODE',
      field: 'regionCode',
    });
  });
});
