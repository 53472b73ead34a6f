import { invalidInput } from '@yikatong/platform';

/** A region code of 6 digits; trailing 00 pairs widen it (130500 = all of Xingtai). */
export function assertRegionCode(regionCode: string): void {
  if (!/^\d{6}$/.test(regionCode)) throw invalidInput('INVALID_REGION_CODE', 'regionCode', 'The region code has 6 digits (GB/T 2260).');
}
