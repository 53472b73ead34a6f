import { assessDeposit, type DepositHistory, type DepositPolicy } from '../../src/domain/deposit-rate';

const policy: DepositPolicy = {
  baseRateBp: 200,
  floorRateBp: 50,
  capFen: null,
  smallContractBelowFen: null,
  cleanTwoYearsCutPercent: 50,
  arrearsSurchargePercent: 50,
  blacklistSurchargePercent: 100,
};
const history = (overrides: Partial<DepositHistory> = {}): DepositHistory => ({
  cleanYears: 0,
  arrearsInLastTwoYears: false,
  listed: false,
  compliantRealNameAndWageAccount: true,
  ...overrides,
});
const CONTRACT = 100_000_000_00n; // ¥100,000,000

describe('wage guarantee deposit', () => {
  it.each<[string, Partial<DepositHistory>, number, bigint]>([
    ['the base rate for a new enterprise', {}, 200, 2_000_000_00n],
    ['half after two clean years', { cleanYears: 2 }, 100, 1_000_000_00n],
    ['+50 % after arrears in the last two years, even with clean years before', { arrearsInLastTwoYears: true, cleanYears: 5 }, 300, 3_000_000_00n],
    ['+100 % when listed (not +150 %)', { listed: true, arrearsInLastTwoYears: true }, 400, 4_000_000_00n],
    [
      'no exemption after three clean years without real-name and wage-account compliance: the two-year cut',
      { cleanYears: 3, compliantRealNameAndWageAccount: false },
      100,
      1_000_000_00n,
    ],
  ])('charges %s', (_, overrides, rateBp, amountFen) => {
    expect(assessDeposit(CONTRACT, history(overrides), policy)).toMatchObject({ exempt: false, rateBp, amountFen });
  });

  it('exempts after three clean years with real-name management and a wage account, and says why', () => {
    const assessment = assessDeposit(CONTRACT, history({ cleanYears: 3 }), policy);
    expect(assessment).toMatchObject({ exempt: true, rateBp: 0, amountFen: 0n });
    expect(assessment.trace.at(-1)).toContain('3 clean years');
  });

  it('exempts small contracts when the province does', () => {
    expect(assessDeposit(50_000_000n, history(), { ...policy, smallContractBelowFen: 100_000_000n }).exempt).toBe(true);
    expect(assessDeposit(100_000_000n, history(), { ...policy, smallContractBelowFen: 100_000_000n }).exempt).toBe(false);
  });

  it('never goes below the 0.5 % floor, caps at the province maximum, and rounds half-up to the fen', () => {
    expect(assessDeposit(CONTRACT, history({ cleanYears: 2 }), { ...policy, baseRateBp: 80 })).toMatchObject({
      rateBp: 50,
      trace: expect.arrayContaining([expect.stringContaining('floor')]),
    });
    expect(assessDeposit(CONTRACT, history(), { ...policy, capFen: 1_500_000_00n })).toMatchObject({
      amountFen: 1_500_000_00n,
      trace: expect.arrayContaining([expect.stringContaining('capped')]),
    });
    expect(assessDeposit(333n, history(), policy).amountFen).toBe(7n); // 6.66
    expect(assessDeposit(325n, history(), policy).amountFen).toBe(7n); // 6.5
    expect(assessDeposit(320n, history(), policy).amountFen).toBe(6n); // 6.4
  });

  it('keeps a readable trace of every step', () => {
    expect(assessDeposit(CONTRACT, history({ arrearsInLastTwoYears: true }), policy).trace).toEqual([
      'base rate 2.00 % of the contract value ¥100,000,000.00',
      'arrears in the last two years: +50 % → 3.00 %',
      'amount ¥3,000,000.00 (300000000 fen)',
    ]);
  });
});
