import { cardFrozenV1, cardUnfrozenV1, parseEvent } from '@yikatong/contracts';
import { AppError } from '@yikatong/platform';
import { freezeCard, issueEnterpriseCard, unfreezeCard } from '../../src/domain/card';

const decision = { reason: '拒不支付工资', legalBasis: '条例第五十五条', authority: '邢台市住建局', actor: 'clerk-1' };
const at = new Date('2026-11-25T08:00:00Z');
const issued = issueEnterpriseCard({ uscc: '91350100M000100Y43', name: '邢台建工', regionCode: '130502' }, { ...decision, actor: 'system' }, at);

describe('real-name card aggregate', () => {
  it('issues an active enterprise card at version 1 with an issued event', () => {
    expect(issued.card).toMatchObject({ status: 'ACTIVE', version: 1, holderKind: 'ENTERPRISE', enterpriseUscc: '91350100M000100Y43' });
    expect(issued.change).toMatchObject({ action: 'ISSUE', fromStatus: null, toStatus: 'ACTIVE' });
    expect(issued.events[0]!.envelope.type).toBe('cn.yikatong.identity.card.issued.v1');
  });

  it('freezes an active card, recording who, why, when and under which authority', () => {
    const frozen = freezeCard(issued.card, decision, at);
    expect(frozen.card).toMatchObject({ status: 'FROZEN', version: 2 });
    expect(frozen.change).toMatchObject({ action: 'FREEZE', fromStatus: 'ACTIVE', toStatus: 'FROZEN', ...decision, at });
    const event = parseEvent(cardFrozenV1, frozen.events[0]!.envelope);
    expect(event.subject).toBe(issued.card.id);
    expect(event.data).toMatchObject({ cardNumber: issued.card.number, version: 2, reason: decision.reason, legalBasis: decision.legalBasis });
  });

  it('refuses to freeze a frozen card and to unfreeze an active one, with stable codes', () => {
    const frozen = freezeCard(issued.card, decision, at).card;
    expect(() => freezeCard(frozen, decision, at)).toThrow(expect.objectContaining({ code: 'CARD_ALREADY_FROZEN' }) as AppError);
    expect(() => unfreezeCard(issued.card, decision, at)).toThrow(expect.objectContaining({ code: 'CARD_NOT_FROZEN' }) as AppError);
  });

  it('refuses to freeze a cancelled card', () => {
    expect(() => freezeCard({ ...issued.card, status: 'CANCELLED' }, decision, at)).toThrow(expect.objectContaining({ code: 'CARD_CANCELLED' }) as AppError);
  });

  it('unfreezes back to active with a newer version', () => {
    const frozen = freezeCard(issued.card, decision, at).card;
    const unfrozen = unfreezeCard(frozen, decision, at);
    expect(unfrozen.card).toMatchObject({ status: 'ACTIVE', version: 3 });
    expect(parseEvent(cardUnfrozenV1, unfrozen.events[0]!.envelope).data.version).toBe(3);
  });
});
