import { roundHalfUp, yuan } from './money';

/**
 * The wage guarantee deposit (工资保证金) of one project (DOMAIN.md "Deposit"): a share of the
 * contract value from the province's policy, adjusted by the enterprise's history. Every step is
 * written into the trace kept beside the result, so a clerk can explain the amount.
 */
export interface DepositPolicy {
  /** Base rate in basis points of the contract value (province: 100–300). */
  baseRateBp: number;
  /** No rate below this, except an exemption (national floor: 50 = 0.5 %). */
  floorRateBp: number;
  /** Province cap on one project's deposit, in fen; null = none. */
  capFen: bigint | null;
  /** Contracts below this value are exempt; null = none are. */
  smallContractBelowFen: bigint | null;
  /** Cut after two clean years, in percent (at least 50). */
  cleanTwoYearsCutPercent: number;
  arrearsSurchargePercent: number;
  blacklistSurchargePercent: number;
}

/** What enterprise's `GetDepositRateInputs` and identity/payroll facts say about the enterprise. */
export interface DepositHistory {
  cleanYears: number;
  arrearsInLastTwoYears: boolean;
  listed: boolean;
  /** Real-name management and dedicated wage accounts kept on its projects (needed for the exemption). */
  compliantRealNameAndWageAccount: boolean;
}

export interface DepositAssessment {
  exempt: boolean;
  rateBp: number;
  amountFen: bigint;
  trace: string[];
}

const percentOfBp = (rateBp: number, percent: number) => Math.round((rateBp * percent) / 100);
const bpText = (bp: number) => `${(bp / 100).toFixed(2)} %`;

export function assessDeposit(contractValueFen: bigint, history: DepositHistory, policy: DepositPolicy): DepositAssessment {
  const trace: string[] = [`base rate ${bpText(policy.baseRateBp)} of the contract value ${yuan(contractValueFen)}`];
  const exempt = (why: string): DepositAssessment => ({ exempt: true, rateBp: 0, amountFen: 0n, trace: [...trace, `exempt: ${why}`] });

  if (policy.smallContractBelowFen !== null && contractValueFen < policy.smallContractBelowFen) {
    return exempt(`contract below ${yuan(policy.smallContractBelowFen)}`);
  }
  let rateBp = policy.baseRateBp;
  if (history.listed) {
    // A listed enterprise has arrears by definition: the larger surcharge applies, not both.
    rateBp += percentOfBp(policy.baseRateBp, policy.blacklistSurchargePercent);
    trace.push(`on the dishonesty list: +${policy.blacklistSurchargePercent} % → ${bpText(rateBp)}`);
  } else if (history.arrearsInLastTwoYears) {
    rateBp += percentOfBp(policy.baseRateBp, policy.arrearsSurchargePercent);
    trace.push(`arrears in the last two years: +${policy.arrearsSurchargePercent} % → ${bpText(rateBp)}`);
  } else if (history.cleanYears >= 3 && history.compliantRealNameAndWageAccount) {
    return exempt(`${history.cleanYears} clean years with real-name management and a dedicated wage account`);
  } else if (history.cleanYears >= 2) {
    rateBp -= percentOfBp(policy.baseRateBp, policy.cleanTwoYearsCutPercent);
    trace.push(`${history.cleanYears} clean years: −${policy.cleanTwoYearsCutPercent} % → ${bpText(rateBp)}`);
  }
  if (rateBp < policy.floorRateBp) {
    rateBp = policy.floorRateBp;
    trace.push(`raised to the floor ${bpText(rateBp)}`);
  }
  let amountFen = roundHalfUp(contractValueFen * BigInt(rateBp), 10_000n);
  trace.push(`amount ${yuan(amountFen)} (${amountFen} fen)`);
  if (policy.capFen !== null && amountFen > policy.capFen) {
    amountFen = policy.capFen;
    trace.push(`capped at the province maximum ${yuan(policy.capFen)}`);
  }
  return { exempt: false, rateBp, amountFen, trace };
}

/** The national default row of the policy table, seeded on a fresh installation: provinces replace it with their own row. */
export const DEFAULT_DEPOSIT_POLICY: DepositPolicy = {
  baseRateBp: 200,
  floorRateBp: 50,
  capFen: null,
  smallContractBelowFen: null,
  cleanTwoYearsCutPercent: 50,
  arrearsSurchargePercent: 50,
  blacklistSurchargePercent: 100,
};
