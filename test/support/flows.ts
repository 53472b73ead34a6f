import { randomUUID } from 'node:crypto';
import { createEvent, trainingCompletedV1 } from '@yikatong/contracts';
import type { BusMessage } from '@yikatong/platform';
import { usccCheckCharacter } from '../../services/enterprise/src/domain/uscc';
import type { GraphQLResult } from './system';

type Query = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;

export const REGISTER = `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc } }`;
export const CARDS = `query ($uscc: ID!) { enterprise(uscc: $uscc) { realNameCards { id number status } } }`;
export const ELIGIBILITY = `query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible reasons { code message source since } } } }`;
export const FREEZE = `mutation ($input: CardStatusChangeInput!) { freezeRealNameCard(input: $input) { id status } }`;
export const UNFREEZE = `mutation ($input: CardStatusChangeInput!) { unfreezeRealNameCard(input: $input) { id status } }`;

export const DECISION = { reason: '拒不改正欠薪行为', legalBasis: '《保障农民工工资支付条例》第五十五条', authority: '邢台市住房和城乡建设局' };

export interface Eligibility {
  eligible: boolean;
  reasons: Array<{ code: string; message: string; source: string; since: string }>;
}

export async function eligibilityOf(query: Query, uscc: string): Promise<Eligibility> {
  const result = await query<{ enterprise: { biddingEligibility: Eligibility } }>(ELIGIBILITY, { uscc });
  if (!result.data?.enterprise) throw new Error(`eligibility query failed: ${JSON.stringify(result.errors)}`);
  return result.data.enterprise.biddingEligibility;
}

/** Polls the gateway until the enterprise's verdict is `eligible`. */
export async function waitForEligibility(query: Query, uscc: string, eligible: boolean, timeoutMs = 20_000): Promise<Eligibility> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const verdict = await eligibilityOf(query, uscc);
    if (verdict.eligible === eligible) return verdict;
    if (Date.now() > deadline) throw new Error(`enterprise ${uscc} did not become ${eligible ? 'eligible' : 'ineligible'} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls the gateway until the enterprise's reasons are exactly these codes (in any order). */
export async function waitForReasons(query: Query, uscc: string, codes: string[], timeoutMs = 20_000): Promise<Eligibility> {
  const wanted = [...codes].sort().join(',');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const verdict = await eligibilityOf(query, uscc);
    const actual = verdict.reasons
      .map((reason) => reason.code)
      .sort()
      .join(',');
    if (actual === wanted) return verdict;
    if (Date.now() > deadline) throw new Error(`enterprise ${uscc} had reasons [${actual}], not [${wanted}], after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for identity to issue the enterprise's card (it reacts to enterprise.registered). */
export async function waitForEnterpriseCard(query: Query, uscc: string, timeoutMs = 20_000): Promise<{ id: string; number: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await query<{ enterprise: { realNameCards: Array<{ id: string; number: string }> } | null }>(CARDS, { uscc });
    const card = result.data?.enterprise?.realNameCards[0];
    if (card) return card;
    if (Date.now() > deadline) throw new Error(`no real-name card issued for ${uscc} within ${timeoutMs} ms: ${JSON.stringify(result.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A valid USCC for a sequence number (check character per GB 32100). */
export function usccFor(n: number): string {
  const body = `91130500MA${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

/** Welfare's event that the worker completed the three-level safety training (an enrolment needs it), as welfare would publish it at `at`. */
export function safetyTrainingMessage(workerId: string, at: Date): BusMessage {
  const data = {
    completionId: randomUUID(),
    workerId,
    kind: 'SAFETY' as const,
    programme: '三级安全教育',
    hours: 50,
    tradeCode: null,
    skillLevel: null,
    certificateNumber: null,
    completedAt: at.toISOString(),
  };
  return { topic: trainingCompletedV1.topic, key: workerId, value: JSON.stringify(createEvent(trainingCompletedV1, '/test', workerId, data, at)) };
}
