import { closeAttendanceMonth, judgeClockIn, type ClockIn } from '../../src/domain/attendance';
import {
  daysRegisteredLate,
  endEnrolment,
  enrolmentRefusals,
  startEnrolment,
  type Enrolment,
  type EnrolmentFacts,
  type EnrolmentRequest,
} from '../../src/domain/enrolment';
import { verifyWorkers } from '../../src/domain/verification';

const W1 = '11111111-1111-4111-8111-111111111111';
const W2 = '22222222-2222-4222-8222-222222222222';
const P1 = '33333333-3333-4333-8333-333333333333';
const P0 = '44444444-4444-4444-8444-444444444444';
const E0 = '55555555-5555-4555-8555-555555555555';
const E1 = '66666666-6666-4666-8666-666666666666';
const GC = '91350100M000100Y43';
const SUB = '91110000600037341L';
const request: EnrolmentRequest = {
  workerId: W1,
  projectId: P1,
  employerUscc: SUB,
  contractType: 'LABOUR_CONTRACT',
  tradeCode: 'REBAR',
  rateKind: 'DAILY',
  rateFen: 30000,
  employmentKind: 'FULL_TIME',
  team: '钢筋一班',
  startDate: '2026-11-01',
  endDate: '2027-06-30',
};
const facts: EnrolmentFacts = {
  project: { id: P1, regionCode: '130502', participants: [GC, SUB] },
  workerCardStatus: 'ACTIVE',
  safetyTrainedOn: '2026-10-20',
  lastActiveOn: null,
  activeEnrolments: [],
};
const policy = { retrainAfterInactiveDays: 365, registrationDeadlineDays: 10 };
/** When the registrations and exits below are recorded. */
const at = new Date('2026-11-05T02:00:00Z');
const existing = (overrides: Partial<Enrolment>): Enrolment => ({
  ...request,
  id: E0,
  projectId: P0,
  regionCode: '130502',
  status: 'ACTIVE',
  registeredLateByDays: 0,
  ...overrides,
});
const codes = (f: Partial<EnrolmentFacts>, r: Partial<EnrolmentRequest> = {}) =>
  enrolmentRefusals({ ...request, ...r }, { ...facts, ...f }, policy).map((x) => x.code);

describe('enrolment preconditions (实名登记)', () => {
  it('enrols a trained worker with an active card for an employer on the project', () => {
    expect(codes({})).toEqual([]);
    const { enrolment, events } = startEnrolment(request, facts, policy, at);
    expect(enrolment).toMatchObject({ status: 'ACTIVE', regionCode: '130502' });
    expect(events[0]!.envelope.type).toBe('cn.yikatong.identity.enrolment.started.v1');
  });

  it.each<[string, Partial<EnrolmentFacts>, Partial<EnrolmentRequest>, string]>([
    ['no safety training on record', { safetyTrainedOn: null }, {}, 'SAFETY_TRAINING_MISSING'],
    ['a frozen card', { workerCardStatus: 'FROZEN' }, {}, 'CARD_NOT_ACTIVE'],
    ['a cancelled card', { workerCardStatus: 'CANCELLED' }, {}, 'CARD_NOT_ACTIVE'],
    ['an employer not on the project', {}, { employerUscc: '91350100M000100Y44' }, 'EMPLOYER_NOT_ON_PROJECT'],
    ['an unknown project', { project: null }, {}, 'PROJECT_NOT_FOUND'],
    ['full-time on an overlapping project', { activeEnrolments: [existing({ startDate: '2026-09-01', endDate: null })] }, {}, 'FULL_TIME_ELSEWHERE'],
    ['already enrolled here', { activeEnrolments: [existing({ projectId: P1 })] }, {}, 'ALREADY_ENROLLED'],
    ['an end before the start', {}, { endDate: '2026-10-01' }, 'END_BEFORE_START'],
    [
      'a year away from sites since the last training',
      { safetyTrainedOn: '2024-01-10', lastActiveOn: '2025-06-30' },
      { startDate: '2026-07-01' },
      'SAFETY_TRAINING_LAPSED',
    ],
  ])('refuses %s', (_, f, r, code) => {
    expect(codes(f, r)).toContain(code);
  });

  it('allows a part-time enrolment elsewhere and a full-time one that does not overlap', () => {
    expect(codes({ activeEnrolments: [existing({ employmentKind: 'PART_TIME' })] })).toEqual([]);
    expect(codes({ activeEnrolments: [existing({ startDate: '2026-01-01', endDate: '2026-10-31' })] })).toEqual([]);
  });

  it('names every reason in one refusal, the first as its code', () => {
    expect(() => startEnrolment(request, { ...facts, safetyTrainedOn: null, workerCardStatus: 'FROZEN' }, policy, at)).toThrow(
      expect.objectContaining({ code: 'CARD_NOT_ACTIVE', message: expect.stringContaining('safety training') }),
    );
  });

  it('counts the days a registration came after the deadline of 10 days from entry (config), and records it rather than refusing', () => {
    expect(daysRegisteredLate('2026-11-01', '2026-11-01', policy)).toBe(0);
    expect(daysRegisteredLate('2026-11-01', '2026-11-11', policy)).toBe(0);
    expect(daysRegisteredLate('2026-11-01', '2026-11-12', policy)).toBe(1);
    expect(daysRegisteredLate('2026-10-25', '2026-12-01', policy)).toBe(27);
    expect(daysRegisteredLate('2026-12-05', '2026-11-30', policy)).toBe(0);
    expect(daysRegisteredLate('2026-11-01', '2026-11-12', { ...policy, registrationDeadlineDays: 0 })).toBe(11);
    // 2026-11-20 02:00 in China is still 2026-11-19 in UTC: the day counted is China's.
    const { enrolment } = startEnrolment(request, facts, policy, new Date('2026-11-19T18:00:00Z'));
    expect(enrolment.registeredLateByDays).toBe(9);
  });

  it('records an exit once, not before the entry', () => {
    const active = existing({ projectId: P1 });
    expect(endEnrolment(active, '2026-12-31', '合同期满', at).enrolment).toMatchObject({ status: 'ENDED', endDate: '2026-12-31' });
    expect(() => endEnrolment(active, '2026-10-01', 'x', at)).toThrow(expect.objectContaining({ code: 'END_BEFORE_START' }));
    expect(() => endEnrolment({ ...active, status: 'ENDED' }, '2026-12-31', 'x', at)).toThrow(expect.objectContaining({ code: 'ENROLMENT_ALREADY_ENDED' }));
  });
});

describe('clock-ins', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const attendancePolicy = { maxClockSkewMinutes: 10, maxUploadDelayDays: 35 };
  const clockIn: ClockIn = {
    deviceRecordId: 'r1',
    deviceId: 'gate-1',
    workerId: W1,
    projectId: P1,
    method: 'FACE',
    at: new Date('2026-11-25T00:30:00Z'),
    photoHash: 'abc',
  };
  const enrolment = existing({ id: E1, projectId: P1, startDate: '2026-11-01', endDate: '2026-11-30' });
  const judge = (c: Partial<ClockIn>, enrolments = [enrolment], closed = new Set<string>()) =>
    judgeClockIn({ ...clockIn, ...c }, enrolments, closed, attendancePolicy, now);

  it('accepts an enrolled worker and flags a clock-in outside the enrolment dates without rejecting it', () => {
    expect(judge({})).toEqual({ accepted: true, enrolmentId: E1, outsideEnrolmentDates: false });
    expect(judge({ at: new Date('2026-10-31T01:00:00Z') })).toEqual({ accepted: true, enrolmentId: E1, outsideEnrolmentDates: true });
  });

  it.each<[string, Partial<ClockIn>, Enrolment[], Set<string>, string]>([
    ['a worker not enrolled', {}, [], new Set(), 'NOT_ENROLLED'],
    ['a time in the future', { at: new Date('2026-11-25T11:00:00Z') }, [enrolment], new Set(), 'TIME_IN_FUTURE'],
    ['an upload older than the limit', { at: new Date('2026-10-01T00:00:00Z') }, [enrolment], new Set(), 'UPLOAD_TOO_LATE'],
    ['a face clock-in without a photo hash', { photoHash: null }, [enrolment], new Set(), 'PHOTO_HASH_MISSING'],
    ['a closed month', {}, [enrolment], new Set(['2026-11']), 'MONTH_CLOSED'],
  ])('rejects %s', (_, c, enrolments, closed, code) => {
    expect(judge(c, enrolments, closed)).toMatchObject({ accepted: false, code });
  });

  it('counts the China day: 23:30 UTC on the 31st is 1 November in China', () => {
    expect(judge({ at: new Date('2026-10-31T23:30:00Z') })).toMatchObject({ outsideEnrolmentDates: false });
  });
});

describe('closing a month', () => {
  const close = (period: string, closedAt: string) => () => closeAttendanceMonth(P1, period, [], 'gc', new Date(closedAt));

  it('closes a month once it is over in China, though still running in UTC', () => {
    expect(close('2026-12', '2026-12-31T16:30:00Z')().close).toMatchObject({ period: '2026-12', closedAt: new Date('2026-12-31T16:30:00Z') });
    expect(close('2027-02', '2027-02-28T16:00:00Z')().close).toMatchObject({ period: '2027-02' });
  });

  it('refuses a month until it is over in China: 23:59 on its last day is still in it', () => {
    expect(close('2026-12', '2026-12-31T15:59:00Z')).toThrow(expect.objectContaining({ code: 'MONTH_NOT_OVER' }));
    expect(close('2027-01', '2026-12-31T16:30:00Z')).toThrow(expect.objectContaining({ code: 'MONTH_NOT_OVER' }));
  });
});

describe('verification for payroll', () => {
  it('a worker with a wage card is payable whatever their real-name card status; problems are named', () => {
    const enrolment = existing({ id: E1, workerId: W1, projectId: P1 });
    const result = verifyWorkers([W1, W2], [enrolment], [{ workerId: W1, days: 20, hours: 160, longestDayHours: 8, longestWeekHours: 40 }], new Set([W1]));
    expect(result[0]).toMatchObject({ workerId: W1, enrolled: true, cardUsableForWages: true, days: 20, hours: 160, problems: [], rateFen: '30000' });
    expect(result[1]).toMatchObject({ workerId: W2, enrolled: false, cardUsableForWages: false, problems: ['NOT_ENROLLED', 'NO_WAGE_CARD', 'NO_ATTENDANCE'] });
  });
});
