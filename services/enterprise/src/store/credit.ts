import type { EnterpriseDb } from '../db';
import { depositRateInputs, type CreditRecord, type DepositRateInputs } from '../domain/credit';

/** One enterprise's deposit-rate inputs (the gRPC path; the graph batches the same facts per request). */
export async function loadDepositRateInputs(db: EnterpriseDb, uscc: string, now: Date): Promise<DepositRateInputs | null> {
  const enterprise = await db.enterprise.findUnique({ where: { uscc }, select: { registeredAt: true } });
  if (!enterprise) return null;
  const [credit, redWarnings, listings] = await Promise.all([
    db.creditRecord.findMany({ where: { uscc }, select: { kind: true, category: true, at: true } }),
    db.arrearsWarning.findMany({ where: { uscc, colour: 'RED' }, select: { raisedAt: true } }),
    db.blacklistListing.findMany({ where: { uscc }, select: { listedAt: true, status: true } }),
  ]);
  return depositRateInputs({
    registeredAt: enterprise.registeredAt,
    credit: credit as Array<Pick<CreditRecord, 'kind' | 'category' | 'at'>>,
    listings,
    redWarningsRaisedAt: redWarnings.map((warning) => warning.raisedAt),
    now,
  });
}
