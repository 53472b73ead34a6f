import { dateOfDay, regionPrefix } from '@yikatong/platform';
import type { PayrollDb } from '../db';
import { minimumWageInForce, type MinimumWageEntry } from '../domain/minimum-wage';

/** The region's minimum wage on a day and the p10 guideline price per trade (the most specific region that publishes one). */
export async function payTables(
  db: PayrollDb,
  regionCode: string,
  onDay: string,
): Promise<{ minimumWage: MinimumWageEntry | null; guidelineP10: Map<string, bigint> }> {
  const province = regionCode.slice(0, 2);
  const [minimumWages, prices] = await Promise.all([
    db.minimumWage.findMany({ where: { regionCode: { startsWith: province } } }),
    db.guidelinePrice.findMany({ where: { regionCode: { startsWith: province }, year: Number(onDay.slice(0, 4)) } }),
  ]);
  const guidelineP10 = new Map<string, bigint>();
  const applicable = prices.filter((price) => regionCode.startsWith(regionPrefix(price.regionCode)));
  // Less specific first, so a city's or district's price replaces the province's.
  applicable.sort((a, b) => regionPrefix(a.regionCode).length - regionPrefix(b.regionCode).length);
  for (const price of applicable) guidelineP10.set(price.tradeCode, price.p10Fen);
  return { minimumWage: minimumWageInForce(minimumWages, regionCode, dateOfDay(onDay)), guidelineP10 };
}
