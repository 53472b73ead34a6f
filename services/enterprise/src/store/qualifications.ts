import { createEvent, qualificationExpiringV1, type CloudEvent } from '@yikatong/contracts';
import { appendToOutbox, chinaDay, dateOfDay, dayOf, instantPlusDays, outgoing } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { RULES } from '../domain/eligibility';
import { ENTERPRISE_SOURCE } from '../domain/enterprise';
import { expiredQualificationBlock, reminderDue, type Qualification, type QualificationGrade, type QualificationPolicy } from '../domain/qualification';
import type { Prisma } from '../generated/prisma/client';
import { clockCause, reconcileBlocks, type BlockCause } from './eligibility';

type QualificationRow = Prisma.QualificationGetPayload<object>;

const toQualification = (row: QualificationRow): Qualification => ({
  ...row,
  grade: row.grade as QualificationGrade,
  validUntil: dayOf(row.validUntil),
  remindedFor: row.remindedFor ? dayOf(row.remindedFor) : null,
});

export async function findQualifications(db: EnterpriseDb | EnterpriseTx, usccs: readonly string[]): Promise<Qualification[]> {
  const rows = await db.qualification.findMany({ where: { uscc: { in: [...usccs] } }, orderBy: [{ uscc: 'asc' }, { category: 'asc' }] });
  return rows.map(toQualification);
}

/** Sets or lifts the "no valid qualification" block to match the enterprise's certificates today. */
export async function reconcileQualificationBlock(tx: EnterpriseTx, uscc: string, cause: BlockCause, now: Date): Promise<void> {
  const block = expiredQualificationBlock(await findQualifications(tx, [uscc]), chinaDay(now));
  await reconcileBlocks(tx, uscc, uscc, [RULES.qualificationExpired], block ? [block] : [], cause, now);
}

export async function saveQualification(tx: EnterpriseTx, qualification: Qualification, now: Date): Promise<void> {
  const data = {
    ...qualification,
    validUntil: dateOfDay(qualification.validUntil),
    remindedFor: qualification.remindedFor ? dateOfDay(qualification.remindedFor) : null,
  };
  await tx.qualification.upsert({ where: { id: qualification.id }, create: data, update: data });
  await reconcileQualificationBlock(tx, qualification.uscc, { label: `enterprise:qualification-recorded#${qualification.id}`, eventId: null }, now);
}

/**
 * The clock's part: reminds once per expiry date within the reminder window, and blocks
 * enterprises whose last valid qualification has lapsed.
 */
export async function sweepQualifications(db: EnterpriseDb, policy: QualificationPolicy, now: Date): Promise<void> {
  const today = chinaDay(now);
  const horizon = dateOfDay(chinaDay(instantPlusDays(now, policy.reminderDays)));
  const expiring = (await db.qualification.findMany({ where: { validUntil: { lte: horizon, gte: dateOfDay(today) } } })).map(toQualification);
  for (const qualification of expiring.filter((held) => reminderDue(held, today, policy))) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.qualification.updateMany({
        where: {
          id: qualification.id,
          validUntil: dateOfDay(qualification.validUntil),
          OR: [{ remindedFor: null }, { remindedFor: { not: dateOfDay(qualification.validUntil) } }],
        },
        data: { remindedFor: dateOfDay(qualification.validUntil) },
      });
      if (claimed.count === 0) return;
      const event = createEvent(
        qualificationExpiringV1,
        ENTERPRISE_SOURCE,
        qualification.uscc,
        {
          qualificationId: qualification.id,
          uscc: qualification.uscc,
          category: qualification.category,
          grade: qualification.grade,
          validUntil: qualification.validUntil,
        },
        now,
      );
      await appendToOutbox(tx, [outgoing(qualificationExpiringV1, event as CloudEvent)]);
    });
  }
  // Time only takes validity away (a renewal is recorded, and judged, at once), so the clock judges
  // just the enterprises whose latest certificate has lapsed and that are not blocked for it yet.
  const lapsed = await db.qualification.groupBy({ by: ['uscc'], _max: { validUntil: true }, having: { validUntil: { _max: { lt: dateOfDay(today) } } } });
  const blocked = new Set((await db.eligibilityBlock.findMany({ where: { rule: RULES.qualificationExpired }, select: { uscc: true } })).map((row) => row.uscc));
  for (const { uscc } of lapsed.filter((row) => !blocked.has(row.uscc))) {
    await db.$transaction((tx) => reconcileQualificationBlock(tx, uscc, clockCause(RULES.qualificationExpired), now));
  }
}
