import { regionPrefix } from '@yikatong/platform';

export interface MinimumWageEntry {
  regionCode: string;
  monthlyFen: bigint;
  hourlyFen: bigint;
  effectiveFrom: Date;
}

/**
 * The entry in force for a region on a day: among entries whose region covers it (province,
 * city, district), the most specific one, and within that the latest already in effect.
 */
export function minimumWageInForce(entries: readonly MinimumWageEntry[], regionCode: string, on: Date): MinimumWageEntry | null {
  const applicable = entries.filter((entry) => regionCode.startsWith(regionPrefix(entry.regionCode)) && entry.effectiveFrom <= on);
  applicable.sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length || b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  return applicable[0] ?? null;
}
