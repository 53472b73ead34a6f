import {
  chinaDay,
  createTokenVerifier,
  invalidInput,
  isUuid,
  loadService,
  notFound,
  requireKind,
  requireScope,
  unary,
  unauthenticated,
  SCOPES,
  type Clock,
  type Logger,
  type TokenSettings,
} from '@yikatong/platform';
import type { EnterpriseDb } from '../db';
import { RULES, type EligibilityVerdict } from '../domain/eligibility';
import { describeRequirement, unmetRequirements } from '../domain/qualification';
import { USCC_PROBLEM_MESSAGES, usccProblem } from '../domain/uscc';
import { loadDepositRateInputs } from '../store/credit';
import { findQualifications } from '../store/qualifications';
import { findTenders } from '../store/tenders';
import type { VerdictCache } from '../store/verdict-cache';

export const BiddingEligibilityService = loadService('enterprise/eligibility.proto', 'yikatong.enterprise.v1.BiddingEligibility');

interface CheckRequest {
  uscc: string;
  tenderId: string;
}

function validUscc(raw: string): string {
  const uscc = raw.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) throw invalidInput('INVALID_USCC', 'uscc', USCC_PROBLEM_MESSAGES[problem]);
  return uscc;
}

/** For a tender, the general verdict plus every requirement the enterprise's valid qualifications miss. */
async function verdictForTender(db: EnterpriseDb, verdict: EligibilityVerdict, uscc: string, tenderId: string, now: Date): Promise<EligibilityVerdict> {
  if (!isUuid(tenderId)) throw invalidInput('INVALID_TENDER_ID', 'tender_id', 'The tender id is not a valid id.');
  const [tender] = await findTenders(db, { id: tenderId });
  if (!tender) throw notFound('TENDER_NOT_FOUND', 'No tender has this id.', 'tender_id');
  const unmet = unmetRequirements(tender.requirements, await findQualifications(db, [uscc]), chinaDay(now));
  const reasons = [
    ...verdict.reasons,
    ...unmet.map((requirement) => ({
      code: RULES.qualificationNotMatching,
      message: `No valid qualification ${describeRequirement(requirement)}.`,
      source: `enterprise:tender#${tender.id}`,
      since: tender.openedAt,
    })),
  ];
  return { eligible: reasons.length === 0, reasons };
}

/** CheckBiddingEligibility for trading platforms (the graph's verdict, same read model); deposit-rate inputs for payroll. */
export function biddingEligibilityImplementation(db: EnterpriseDb, verdicts: VerdictCache, clock: Clock, settings: TokenSettings, logger: Logger) {
  const verify = createTokenVerifier(settings);
  const authenticate = async (token: string | undefined) => {
    if (!token) throw unauthenticated();
    return verify(token);
  };
  return {
    CheckBiddingEligibility: unary<CheckRequest, unknown>(authenticate, logger, async (request, principal) => {
      // The callers the contract names: trading platforms and banks, each granted eligibility:check.
      requireScope(requireKind(principal, 'TRADING_PLATFORM', 'BANK'), SCOPES.eligibilityCheck);
      const uscc = validUscc(request.uscc);
      const now = clock.now();
      const general = await verdicts.verdictOf(uscc);
      if (!general) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise is registered with USCC ${uscc}.`, 'uscc');
      const verdict = request.tenderId ? await verdictForTender(db, general, uscc, request.tenderId, now) : general;
      return {
        uscc,
        eligible: verdict.eligible,
        reasons: verdict.reasons.map((reason) => ({ ...reason, since: reason.since.toISOString() })),
        evaluatedAt: now.toISOString(),
      };
    }),
    GetDepositRateInputs: unary<{ uscc: string }, unknown>(authenticate, logger, async (request, principal) => {
      requireKind(principal, 'SERVICE');
      const uscc = validUscc(request.uscc);
      const inputs = await loadDepositRateInputs(db, uscc, clock.now());
      if (!inputs) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise is registered with USCC ${uscc}.`, 'uscc');
      return { uscc, ...inputs, lastBadFactAt: inputs.lastBadFactAt?.toISOString() ?? '' };
    }),
  };
}
