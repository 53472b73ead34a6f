import {
  createTokenVerifier, invalidInput, loadService, notFound, requireScope, SCOPES, unary, unauthenticated,
  type Logger, type TokenSettings,
} from '@yikatong/platform';
import { USCC_PROBLEM_MESSAGES, usccProblem } from '../domain/uscc';
import type { VerdictCache } from '../store/verdict-cache';

export const BiddingEligibilityService = loadService('enterprise/eligibility.proto', 'yikatong.enterprise.v1.BiddingEligibility');

interface CheckRequest {
  uscc: string;
  tenderId: string;
}

/** CheckBiddingEligibility for trading platforms: the graph's verdict, from the same read model. */
export function biddingEligibilityImplementation(verdicts: VerdictCache, settings: TokenSettings, logger: Logger) {
  const verify = createTokenVerifier(settings);
  const authenticate = async (token: string | undefined) => {
    if (!token) throw unauthenticated();
    return requireScope(await verify(token), SCOPES.eligibilityCheck);
  };
  return {
    CheckBiddingEligibility: unary<CheckRequest, unknown>(authenticate, logger, async (request) => {
      const uscc = request.uscc.trim().toUpperCase();
      const problem = usccProblem(uscc);
      if (problem) throw invalidInput('INVALID_USCC', 'uscc', USCC_PROBLEM_MESSAGES[problem]);
      const verdict = await verdicts.verdictOf(uscc);
      if (!verdict) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise is registered with USCC ${uscc}.`, 'uscc');
      return {
        uscc,
        eligible: verdict.eligible,
        reasons: verdict.reasons.map((reason) => ({ ...reason, since: reason.since.toISOString() })),
        evaluatedAt: new Date().toISOString(),
      };
    }),
  };
}
