/**
 * Money is whole fen (分) in `bigint`, everywhere: never a JS `number`, which is exact only up to
 * 2^53 and cannot hold a tenth. Where a rule yields a fraction of a fen — a monthly amount prorated
 * by days over 21.75, an hourly rate times hours — the exact fraction is computed in integers and
 * rounded ONCE, at the end, by the one rule of this system:
 *
 *   to the nearest fen; an exact half fen goes up, away from zero (四舍五入 to the fen).
 *
 * Quantities (hours, days, the 21.75-day month) are decimals of at most two places: identity
 * rounds hours to 0.01 h, so they are read as whole hundredths and multiply exactly.
 */

/** `numerator / denominator` rounded by the rule above; the denominator is positive. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError(`a fen amount is divided by a positive number (got ${denominator})`);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/** A quantity of at most two decimals as whole hundredths: 21.75 → 2175n, 7.33 → 733n. */
export function hundredths(quantity: number): bigint {
  const scaled = Math.round(quantity * 100);
  // A decimal with two places comes out within a rounding error of the binary float; more places do not.
  if (!Number.isFinite(quantity) || quantity < 0 || Math.abs(quantity * 100 - scaled) > 1e-6) {
    throw new RangeError(`a quantity is a non-negative decimal of at most two places (got ${quantity})`);
  }
  return BigInt(scaled);
}

/** An amount times a quantity (a rate per hour × hours), rounded once. */
export const multiply = (fen: bigint, quantity: number): bigint => roundHalfUp(fen * hundredths(quantity), 100n);

/** An amount × part / whole (a monthly rate for 10 of 21.75 days), rounded once. */
export const prorate = (fen: bigint, part: number, whole: number): bigint => roundHalfUp(fen * hundredths(part), hundredths(whole));

/** An amount for people to read: ¥1,234.56, exact at any size. */
export function yuan(fen: bigint): string {
  const magnitude = fen < 0n ? -fen : fen;
  const whole = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${fen < 0n ? '-' : ''}¥${whole}.${cents}`;
}
