import type { OutgoingEvent } from '@yikatong/platform';
import { appendToOutbox } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import { blacklistMessage, expire, type Listing } from '../domain/blacklist';
import { RULES } from '../domain/eligibility';
import type { Prisma } from '../generated/prisma/client';
import { changeBlocks, eventCause } from './eligibility';

export async function findListings(db: EnterpriseDb | EnterpriseTx, where: Prisma.BlacklistListingWhereInput): Promise<Listing[]> {
  return db.blacklistListing.findMany({ where, orderBy: { listedAt: 'asc' } });
}

/**
 * Saves a listing change with its events, and sets or lifts the BLACKLISTED block of the
 * eligibility read model in the same transaction (the verdict never lags the listing).
 */
export async function saveListing(tx: EnterpriseTx, listing: Listing, events: OutgoingEvent[], created: boolean): Promise<void> {
  if (created) await tx.blacklistListing.create({ data: listing });
  else await tx.blacklistListing.update({ where: { id: listing.id }, data: { status: listing.status, removedAt: listing.removedAt, pledge: listing.pledge } });
  await appendToOutbox(tx, events);
  const event = events[0]!.envelope;
  const cause = eventCause('enterprise', event);
  const at = new Date(event.time);
  if (listing.status === 'ACTIVE') {
    await changeBlocks(
      tx,
      listing.uscc,
      {
        set: [
          {
            rule: RULES.blacklisted,
            subjectId: listing.id,
            message: blacklistMessage(listing),
            source: cause.label,
            sourceEventId: event.id,
            since: listing.listedAt,
          },
        ],
      },
      cause,
      at,
    );
  } else {
    await changeBlocks(tx, listing.uscc, { lift: [{ rule: RULES.blacklisted, subjectId: listing.id }] }, cause, at);
  }
}

/** Ends every listing whose term is over; returns how many ended. */
export async function expireListings(db: EnterpriseDb, now: Date): Promise<number> {
  const due = await findListings(db, { status: 'ACTIVE', until: { lte: now } });
  for (const listing of due) {
    await db.$transaction(async (tx) => {
      const [current] = await findListings(tx, { id: listing.id, status: 'ACTIVE' });
      if (!current) return;
      const { listing: ended, events } = expire(current, now);
      await saveListing(tx, ended, events, false);
    });
  }
  return due.length;
}
