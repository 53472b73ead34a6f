import { z } from 'zod';
import { invalidInput, notFound, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { freezeCard, unfreezeCard, type Card, type CardChange, type Decision } from '../domain/card';
import { isValidCardNumber } from '../domain/card-number';
import { findCardByNumber, saveCardChange } from '../store/cards';

const statusChangeInput = z.object({
  cardNumber: z.string().trim().toUpperCase().refine(isValidCardNumber, 'is not a valid real-name card number (YK + 14 digits, check digit)'),
  reason: z.string().trim().min(4, 'must say why, in at least 4 characters').max(500),
  legalBasis: z.string().trim().min(2, 'must name the legal basis').max(200),
  authority: z.string().trim().min(2, 'must name the deciding authority').max(200),
});

type StatusChangeInput = z.input<typeof statusChangeInput>;

function parseInput(input: StatusChangeInput) {
  const parsed = statusChangeInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'input');
    throw invalidInput(field === 'cardNumber' ? 'INVALID_CARD_NUMBER' : 'INVALID_INPUT', field, `${field} ${issue.message}.`);
  }
  return parsed.data;
}

/** Freeze and unfreeze share everything but the domain rule they apply. */
async function changeCardStatus(input: StatusChangeInput, ctx: IdentityContext, rule: (card: Card, decision: Decision, at: Date) => CardChange) {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.cardFreeze);
  const { cardNumber, ...decision } = parseInput(input);
  const saved = await ctx.db.$transaction(async (tx) => {
    const card = await findCardByNumber(tx, cardNumber);
    if (!card) throw notFound('CARD_NOT_FOUND', `No real-name card has the number ${cardNumber}.`, 'cardNumber');
    requireRegion(principal, card.regionCode);
    const change = rule(card, { ...decision, actor: principal.subject }, new Date());
    await saveCardChange(tx, change);
    return change.card;
  });
  ctx.nudgeOutbox();
  return saved;
}

export const Mutation = {
  freezeRealNameCard: (_: unknown, args: { input: StatusChangeInput }, ctx: IdentityContext) => changeCardStatus(args.input, ctx, freezeCard),
  unfreezeRealNameCard: (_: unknown, args: { input: StatusChangeInput }, ctx: IdentityContext) => changeCardStatus(args.input, ctx, unfreezeCard),
};
