import { hundredths, multiply, prorate, roundHalfUp, yuan } from '../../src/domain/money';

const TWO_TO_53 = 2n ** 53n;

describe('the rounding rule: to the nearest fen, an exact half up (away from zero)', () => {
  it.each<[string, bigint, bigint, bigint]>([
    ['a whole amount stays', 10n, 2n, 5n],
    ['below half goes down', 7n, 3n, 2n],
    ['above half goes up', 8n, 3n, 3n],
    ['an exact half goes up', 5n, 2n, 3n],
    ['an exact half of an odd fen goes up', 7n, 2n, 4n],
    ['just below a half goes down', 49_999n, 100_000n, 0n],
    ['just above a half goes up', 50_001n, 100_000n, 1n],
    ['zero is zero', 0n, 7n, 0n],
    ['a negative half goes away from zero', -5n, 2n, -3n],
    ['a negative below half goes toward zero', -7n, 3n, -2n],
    ['a value above 2^64 is exact', 2n ** 64n + 1n, 2n, 2n ** 63n + 1n],
  ])('%s', (_, numerator, denominator, fen) => {
    expect(roundHalfUp(numerator, denominator)).toBe(fen);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, -2n)).toThrow(RangeError);
  });
});

describe('quantities to the hundredth (hours from identity, the 21.75-day month)', () => {
  it.each<[number, bigint]>([
    [21.75, 2175n],
    [176, 17_600n],
    [1.13, 113n],
    [0.29, 29n],
    [7.33, 733n],
    [0, 0n],
  ])('%p is %p hundredths', (quantity, expected) => {
    expect(hundredths(quantity)).toBe(expected);
  });

  it.each([1.005, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (quantity) => {
    expect(() => hundredths(quantity)).toThrow(RangeError);
  });
});

describe('money arithmetic', () => {
  it('prorates a monthly amount by days over 21.75, rounded once', () => {
    expect(prorate(870_000n, 10, 21.75)).toBe(400_000n); // exact
    expect(prorate(220_000n, 10, 21.75)).toBe(101_149n); // 101,149.43 down
    expect(prorate(500_000n, 1, 21.75)).toBe(22_989n); // 22,988.51 up
    expect(prorate(870_000n, 15, 21.75)).toBe(600_000n);
    expect(prorate(1n, 1, 21.75)).toBe(0n); // 0.046 fen
    // 21.75 = 2175/100 and 2175 is odd, so whole days over it never land on an exact half fen.
    expect(prorate(870_000n, 21.75, 21.75)).toBe(870_000n);
  });

  it('multiplies an hourly rate by hours given to the hundredth, exactly', () => {
    // ¥21.50 × 1.13 h = ¥24.295: an exact half fen, up (in floating point it is 2429.4999…).
    expect(multiply(2_150n, 1.13)).toBe(2_430n);
    expect(multiply(3_000n, 7.33)).toBe(21_990n);
    expect(multiply(2_999n, 7.33)).toBe(21_983n); // 21,982.67
    expect(multiply(15n, 4.1)).toBe(62n); // 61.5
    expect(multiply(1n, 0.5)).toBe(1n);
    expect(multiply(1n, 0.49)).toBe(0n);
    expect(multiply(3_000n, 10.5)).toBe(31_500n);
  });

  it('stays exact above 2^53 fen', () => {
    const rate = TWO_TO_53 + 1n; // not representable as a JS number
    expect(prorate(rate, 21.75, 21.75)).toBe(rate);
    expect(prorate(rate, 10, 21.75)).toBe(4_141_241_036_662_526n); // 4,141,241,036,662,525.52 up
    expect(multiply(rate, 1.5)).toBe(13_510_798_882_111_490n); // …489.5 up
    expect(multiply(2n ** 60n, 1.5)).toBe(1_729_382_256_910_270_464n);
  });
});

describe('amounts in messages', () => {
  it.each<[bigint, string]>([
    [0n, '¥0.00'],
    [5n, '¥0.05'],
    [100n, '¥1.00'],
    [123_456n, '¥1,234.56'],
    [-150n, '-¥1.50'],
    [100_000_000_00n, '¥100,000,000.00'],
    [TWO_TO_53 + 1n, '¥90,071,992,547,409.93'],
  ])('%p fen is %p', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });
});
