import { randomUUID } from 'node:crypto';
import { AppError } from '@yikatong/platform';
import type { EligibilityVerdict } from './eligibility';
import { RULES } from './eligibility';
import type { Enterprise } from './enterprise';
import type { Project } from './project';
import { describeRequirement, QUALIFICATION_GRADES, type QualificationRequirement } from './qualification';

export interface Tender {
  id: string;
  projectId: string;
  title: string;
  requirements: QualificationRequirement[];
  closesAt: Date;
  status: 'OPEN' | 'AWARDED' | 'CANCELLED';
  winningBidId: string | null;
  openedBy: string;
  openedAt: Date;
  awardedBy: string | null;
  awardedAt: Date | null;
}

export interface Bid {
  id: string;
  tenderId: string;
  uscc: string;
  priceFen: bigint;
  submittedBy: string;
  submittedAt: Date;
}

const fail = (code: string, field: string, message: string) => new AppError(code, message, field);

export function openTender(
  project: Project,
  request: { title: string; requirements: QualificationRequirement[]; closesAt: Date },
  actor: string,
  at: Date,
): Tender {
  if (project.stage !== 'BIDDING')
    throw fail('PROJECT_NOT_IN_BIDDING', 'projectId', `The project is ${project.stage}; tenders are opened only while it is in bidding.`);
  const title = request.title.trim();
  if (title.length < 2 || title.length > 200) throw fail('INVALID_TITLE', 'title', 'The tender title has 2 to 200 characters.');
  if (request.requirements.length === 0 || request.requirements.length > 10) {
    throw fail('INVALID_REQUIREMENTS', 'requirements', 'State 1 to 10 qualification requirements (资质要求).');
  }
  const requirements = request.requirements.map((requirement) => ({ category: requirement.category.trim(), minGrade: requirement.minGrade }));
  if (requirements.some((requirement) => requirement.category.length < 2 || !QUALIFICATION_GRADES.includes(requirement.minGrade))) {
    throw fail('INVALID_REQUIREMENTS', 'requirements', 'Each requirement names a qualification category and a minimum grade.');
  }
  if (request.closesAt <= at) throw fail('CLOSES_IN_PAST', 'closesAt', 'The tender must close in the future.');
  return {
    id: randomUUID(),
    projectId: project.id,
    title,
    requirements,
    closesAt: request.closesAt,
    status: 'OPEN',
    winningBidId: null,
    openedBy: actor,
    openedAt: at,
    awardedBy: null,
    awardedAt: null,
  };
}

/**
 * A bid is accepted only from an enterprise that may bid now (the same verdict as the graph and
 * gRPC) and whose valid qualifications meet every requirement; the refusal lists every reason.
 */
export function submitBid(
  tender: Tender,
  bidder: Enterprise,
  alreadyBid: boolean,
  verdict: EligibilityVerdict,
  unmet: readonly QualificationRequirement[],
  priceFen: bigint,
  actor: string,
  at: Date,
): Bid {
  if (tender.status !== 'OPEN' || tender.closesAt <= at) throw fail('TENDER_CLOSED', 'tenderId', `The tender "${tender.title}" is no longer open for bids.`);
  if (alreadyBid) throw fail('ALREADY_BID', 'tenderId', `${bidder.name} has already bid on this tender.`);
  if (priceFen <= 0n) throw fail('INVALID_PRICE', 'price', 'The bid price must be more than zero fen.');
  const reasons = [
    ...verdict.reasons.map((reason) => ({ code: reason.code, message: reason.message })),
    ...unmet.map((requirement) => ({ code: RULES.qualificationNotMatching, message: `No valid qualification ${describeRequirement(requirement)}.` })),
  ];
  if (reasons.length > 0) {
    throw new AppError(
      'NOT_ELIGIBLE',
      `${bidder.name} may not bid: ${reasons.map((reason) => reason.message).join(' ')}`,
      'tenderId',
      reasons.map((reason) => reason.code),
    );
  }
  return { id: randomUUID(), tenderId: tender.id, uscc: bidder.uscc, priceFen, submittedBy: actor, submittedAt: at };
}

export function awardTender(tender: Tender, bid: Bid | null, actor: string, at: Date): Tender {
  if (tender.status !== 'OPEN') throw fail('TENDER_NOT_OPEN', 'tenderId', `The tender is already ${tender.status.toLowerCase()}.`);
  if (!bid || bid.tenderId !== tender.id) throw fail('BID_NOT_FOUND', 'bidId', 'No bid with this id was made on this tender.');
  return { ...tender, status: 'AWARDED', winningBidId: bid.id, awardedBy: actor, awardedAt: at };
}

export function cancelTender(tender: Tender, actor: string, at: Date): Tender {
  if (tender.status !== 'OPEN') throw fail('TENDER_NOT_OPEN', 'tenderId', `The tender is already ${tender.status.toLowerCase()}.`);
  return { ...tender, status: 'CANCELLED', awardedBy: actor, awardedAt: at };
}
