import { creditFromLateRegistration, creditFromVerifiedComplaint, depositRateInputs, recordCredit } from '../../src/domain/credit';

const now = new Date('2026-11-25T00:00:00Z');
const yearsAgo = (years: number) => new Date(now.getTime() - years * 365.25 * 86_400_000);

describe('credit records and deposit-rate inputs', () => {
  it('counts clean years from registration or the last bad fact', () => {
    expect(depositRateInputs({ registeredAt: yearsAgo(5.5), credit: [], redWarningsRaisedAt: [], listings: [], now })).toEqual({
      cleanYears: 5,
      arrearsInLastTwoYears: false,
      listed: false,
      lastBadFactAt: null,
    });
    const withBad = depositRateInputs({
      registeredAt: yearsAgo(10),
      credit: [
        { kind: 'BAD', category: 'REAL_NAME_VIOLATION', at: yearsAgo(2.2) },
        { kind: 'GOOD', category: 'AWARD', at: yearsAgo(0.1) },
      ],
      redWarningsRaisedAt: [],
      listings: [],
      now,
    });
    expect(withBad).toMatchObject({ cleanYears: 2, arrearsInLastTwoYears: false });
  });

  it('counts a year complete on its anniversary in China, whatever the length of the years between', () => {
    // Registered 1 March 2025, 00:00 China time (still 28 February in UTC); 730 days later is the second anniversary.
    const registeredAt = new Date('2025-02-28T16:00:00Z');
    const inputs = (at: string) => depositRateInputs({ registeredAt, credit: [], redWarningsRaisedAt: [], listings: [], now: new Date(at) });
    expect(inputs('2027-02-28T15:59:59Z').cleanYears).toBe(1);
    expect(inputs('2027-02-28T16:00:00Z').cleanYears).toBe(2);
    // Two years back from 29 February 2028 is 28 February 2026.
    const arrears = (at: string) =>
      depositRateInputs({
        registeredAt,
        credit: [{ kind: 'BAD', category: 'WAGE_ARREARS', at: new Date(at) }],
        redWarningsRaisedAt: [],
        listings: [],
        now: new Date('2028-02-29T04:00:00Z'),
      });
    expect(arrears('2026-02-28T04:00:00Z').arrearsInLastTwoYears).toBe(true);
    expect(arrears('2026-02-28T03:59:59Z').arrearsInLastTwoYears).toBe(false);
  });

  it('treats a red warning, a wage-arrears record or a listing in the last two years as arrears', () => {
    expect(depositRateInputs({ registeredAt: yearsAgo(10), credit: [], redWarningsRaisedAt: [yearsAgo(1.9)], listings: [], now }).arrearsInLastTwoYears).toBe(
      true,
    );
    expect(
      depositRateInputs({
        registeredAt: yearsAgo(10),
        credit: [{ kind: 'BAD', category: 'WAGE_ARREARS', at: yearsAgo(2.1) }],
        redWarningsRaisedAt: [],
        listings: [],
        now,
      }).arrearsInLastTwoYears,
    ).toBe(false);
    const listed = depositRateInputs({
      registeredAt: yearsAgo(10),
      credit: [],
      redWarningsRaisedAt: [],
      listings: [{ listedAt: yearsAgo(1), status: 'ACTIVE' }],
      now,
    });
    expect(listed).toMatchObject({ listed: true, arrearsInLastTwoYears: true, cleanYears: 1 });
  });

  it('validates categories per kind and turns a verified wage complaint into a WAGE_ARREARS record', () => {
    expect(() => recordCredit({ uscc: 'u', kind: 'GOOD', category: 'WAGE_ARREARS', description: '按时足额支付' }, 'c', now)).toThrow(/AWARD, PROMPT_PAYMENT/);
    expect(recordCredit({ uscc: 'u', kind: 'GOOD', category: 'AWARD', description: '省级文明工地' }, 'c', now)).toMatchObject({
      kind: 'GOOD',
      source: 'portal:c',
    });
    const record = creditFromVerifiedComplaint(
      { complaintId: 'c-1', uscc: 'u', category: 'WAGE_ARREARS', summary: '拖欠3人工资', verifiedBy: 'inspector', verifiedAt: now.toISOString() },
      'welfare:x#1',
      'e-1',
    );
    expect(record).toMatchObject({ kind: 'BAD', category: 'WAGE_ARREARS', sourceEventId: 'e-1', at: now });
  });

  it('makes a late real-name registration a real-name violation of the employer, which ends its clean years', () => {
    const record = creditFromLateRegistration(
      { enrolmentId: 'en-1', employerUscc: 'sub', projectId: 'p-1', startDate: '2026-11-01', registeredLateByDays: 1 },
      'identity:x#2',
      'e-2',
      now,
    );
    expect(record).toMatchObject({ uscc: 'sub', kind: 'BAD', category: 'REAL_NAME_VIOLATION', sourceEventId: 'e-2', recordedBy: 'identity', at: now });
    expect(record.description).toContain('registered 1 day after');
    expect(depositRateInputs({ registeredAt: yearsAgo(5), credit: [record], redWarningsRaisedAt: [], listings: [], now })).toMatchObject({
      cleanYears: 0,
      arrearsInLastTwoYears: false,
    });
  });
});
