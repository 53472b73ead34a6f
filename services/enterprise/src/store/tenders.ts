import type { EnterpriseDb, EnterpriseTx } from '../db';
import type { QualificationRequirement } from '../domain/qualification';
import type { Bid, Tender } from '../domain/tender';
import type { Prisma } from '../generated/prisma/client';

type TenderRow = Prisma.TenderGetPayload<object>;

const toTender = (row: TenderRow): Tender => ({ ...row, requirements: row.requirements as unknown as QualificationRequirement[] });

export async function findTenders(db: EnterpriseDb | EnterpriseTx, where: Prisma.TenderWhereInput): Promise<Tender[]> {
  return (await db.tender.findMany({ where, orderBy: { openedAt: 'asc' } })).map(toTender);
}

export async function findBids(db: EnterpriseDb | EnterpriseTx, where: Prisma.BidWhereInput): Promise<Bid[]> {
  return db.bid.findMany({ where, orderBy: { submittedAt: 'asc' } });
}

export async function saveTender(tx: EnterpriseTx, tender: Tender, created: boolean): Promise<void> {
  const data = { ...tender, requirements: tender.requirements.map((requirement) => ({ ...requirement })) };
  if (created) await tx.tender.create({ data });
  else await tx.tender.update({ where: { id: tender.id }, data });
}

/** Locks the tender row, so a bid and the award (or two bids of one enterprise) are judged in turn. */
export async function lockTender(tx: EnterpriseTx, tenderId: string): Promise<Tender | null> {
  await tx.$executeRawUnsafe('SELECT 1 FROM tender WHERE id = $1::uuid FOR UPDATE', tenderId);
  const [tender] = await findTenders(tx, { id: tenderId });
  return tender ?? null;
}
