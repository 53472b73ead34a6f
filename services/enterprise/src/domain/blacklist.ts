import { randomUUID } from 'node:crypto';
import { createEvent, enterpriseBlacklistedV1, enterpriseDelistedV1, type CloudEvent } from '@yikatong/contracts';
import { addMonthsInChina, AppError, chinaDay, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { ENTERPRISE_SOURCE, type Enterprise } from './enterprise';

/**
 * The province's listing rule (config, DOMAIN.md): wages still unpaid after an order to pay, and
 * either one worker owed at least the single threshold or ten or more workers owed at least the
 * group threshold in total; or a mass incident. Listed for the term; early removal after the
 * minimum time with a pledge.
 */
export interface BlacklistPolicy {
  singleWorkerThresholdFen: bigint;
  groupThresholdFen: bigint;
  groupMinWorkers: number;
  termMonths: number;
  earlyRemovalAfterMonths: number;
}

export interface ArrearsFacts {
  /** An order to pay (责令支付) was issued and ignored. */
  unpaidAfterOrder: boolean;
  largestOwedToOneWorkerFen: bigint;
  workersOwed: number;
  totalOwedFen: bigint;
  massIncident: boolean;
}

export interface Listing {
  id: string;
  uscc: string;
  grounds: string[];
  reason: string;
  /** The listing decision, e.g. 冀人社失信〔2026〕12号. */
  decision: string;
  authority: string;
  listedBy: string;
  listedAt: Date;
  until: Date;
  status: 'ACTIVE' | 'REMOVED' | 'EXPIRED';
  removedAt: Date | null;
  pledge: string | null;
  /** The enterprise's responsible persons when it was listed: they are listed with it. */
  responsiblePersonIds: string[];
}

const yuan = (fen: bigint) => `¥${(Number(fen) / 100).toLocaleString('en-US')}`;

/** Which listing grounds the facts meet; empty means the enterprise may not be listed. */
export function listingGrounds(facts: ArrearsFacts, policy: BlacklistPolicy): string[] {
  const grounds: string[] = [];
  if (facts.unpaidAfterOrder && facts.largestOwedToOneWorkerFen >= policy.singleWorkerThresholdFen) {
    grounds.push(`one worker is owed ${yuan(facts.largestOwedToOneWorkerFen)} after an order to pay (threshold ${yuan(policy.singleWorkerThresholdFen)})`);
  }
  if (facts.unpaidAfterOrder && facts.workersOwed >= policy.groupMinWorkers && facts.totalOwedFen >= policy.groupThresholdFen) {
    grounds.push(
      `${facts.workersOwed} workers are owed ${yuan(facts.totalOwedFen)} after an order to pay (threshold ${policy.groupMinWorkers} workers, ${yuan(policy.groupThresholdFen)})`,
    );
  }
  if (facts.massIncident) grounds.push('the arrears caused a mass incident');
  return grounds;
}

export function listEnterprise(
  enterprise: Enterprise,
  activeListing: Listing | null,
  responsiblePersonIds: readonly string[],
  facts: ArrearsFacts,
  decision: { reason: string; decision: string; authority: string },
  policy: BlacklistPolicy,
  actor: string,
  at: Date,
): { listing: Listing; events: OutgoingEvent[] } {
  if (activeListing)
    throw new AppError('ALREADY_LISTED', `${enterprise.name} is already listed until ${chinaDay(activeListing.until)} (${activeListing.decision}).`, 'uscc');
  const grounds = listingGrounds(facts, policy);
  if (grounds.length === 0) {
    throw new AppError(
      'LISTING_THRESHOLD_NOT_MET',
      "The facts do not meet this province's listing rule: wages unpaid after an order to pay reaching the single-worker or group threshold, or a mass incident.",
      'facts',
    );
  }
  // Terms run on China's calendar, clamped to the month's end (31 August + 6 months is the last day of February).
  const listing: Listing = {
    id: randomUUID(),
    uscc: enterprise.uscc,
    grounds,
    ...decision,
    listedBy: actor,
    listedAt: at,
    until: addMonthsInChina(at, policy.termMonths),
    status: 'ACTIVE',
    removedAt: null,
    pledge: null,
    responsiblePersonIds: [...responsiblePersonIds],
  };
  const event = createEvent(
    enterpriseBlacklistedV1,
    ENTERPRISE_SOURCE,
    enterprise.uscc,
    {
      uscc: enterprise.uscc,
      listingId: listing.id,
      reason: `${decision.reason}; ${grounds.join('; ')}`,
      decision: decision.decision,
      authority: decision.authority,
      listedAt: at.toISOString(),
      until: listing.until.toISOString(),
      responsiblePersonIds: listing.responsiblePersonIds,
    },
    at,
  );
  return { listing, events: [outgoing(enterpriseBlacklistedV1, event as CloudEvent)] };
}

function delist(listing: Listing, status: 'REMOVED' | 'EXPIRED', pledge: string | null, at: Date) {
  const ended: Listing = { ...listing, status, removedAt: at, pledge };
  const event = createEvent(
    enterpriseDelistedV1,
    ENTERPRISE_SOURCE,
    listing.uscc,
    {
      uscc: listing.uscc,
      listingId: listing.id,
      reason: status === 'REMOVED' ? 'EARLY_REMOVAL' : 'TERM_ENDED',
      delistedAt: at.toISOString(),
    },
    at,
  );
  return { listing: ended, events: [outgoing(enterpriseDelistedV1, event as CloudEvent)] };
}

/** Early removal (信用修复): at least the minimum time listed, and a written pledge. */
export function removeEarly(listing: Listing, pledge: string, policy: BlacklistPolicy, at: Date) {
  if (listing.status !== 'ACTIVE') throw new AppError('NOT_LISTED', 'This listing has already ended; nothing was changed.', 'listingId');
  const earliest = addMonthsInChina(listing.listedAt, policy.earlyRemovalAfterMonths);
  if (at < earliest) {
    throw new AppError(
      'TOO_EARLY_FOR_REMOVAL',
      `Early removal is possible from ${chinaDay(earliest)} (${policy.earlyRemovalAfterMonths} months after listing).`,
      'listingId',
    );
  }
  if (pledge.trim().length < 10)
    throw new AppError('PLEDGE_REQUIRED', "Early removal needs the enterprise's written pledge (信用承诺), at least 10 characters.", 'pledge');
  return delist(listing, 'REMOVED', pledge.trim(), at);
}

/** The term is over: the listing ends by itself. */
export function expire(listing: Listing, at: Date) {
  if (listing.status !== 'ACTIVE' || listing.until > at) throw new AppError('NOT_EXPIRED', 'This listing has not reached its end.', 'listingId');
  return delist(listing, 'EXPIRED', null, at);
}

export const blacklistMessage = (listing: Listing) =>
  `Listed on the wage-arrears dishonesty list by ${listing.authority} (${listing.decision}) until ${chinaDay(listing.until)}: ${listing.reason}.`;
