import { z } from 'zod';
import { conflict, forbidden, invalidInput, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES, type Principal } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { cancelCard, freezeCard, issueCard, unfreezeCard, type Card, type CardChange, type Decision } from '../domain/card';
import { isValidCardNumber } from '../domain/card-number';
import { findCardByNumber, findCardsByEnterprises, findCardsByPersons, saveCardChange } from '../store/cards';
import { confirmPresence } from './presence';
import type { MutationResolvers } from '../generated/resolvers';

const statusChangeInput = z.object({
  cardNumber: z.string().trim().toUpperCase().refine(isValidCardNumber, 'is not a valid real-name card number (YK + 14 digits, check digit)'),
  reason: z.string().trim().min(4, 'must say why, in at least 4 characters').max(500),
  legalBasis: z.string().trim().min(2, 'must name the legal basis').max(200),
  authority: z.string().trim().min(2, 'must name the deciding authority').max(200),
});

type StatusChangeInput = z.input<typeof statusChangeInput>;

/** Freeze, unfreeze and cancel share everything but the domain rule they apply. */
async function changeCardStatus(input: StatusChangeInput, ctx: IdentityContext, rule: (card: Card, decision: Decision, at: Date) => CardChange) {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.cardFreeze);
  const { cardNumber, ...decision } = parseInput(statusChangeInput, input, { cardNumber: 'INVALID_CARD_NUMBER' });
  const saved = await ctx.db.$transaction(async (tx) => {
    const card = await findCardByNumber(tx, cardNumber);
    if (!card) throw notFound('CARD_NOT_FOUND', `No real-name card has the number ${cardNumber}.`, 'cardNumber');
    requireRegion(principal, card.regionCode);
    const change = rule(card, { ...decision, actor: principal.subject }, ctx.clock.now());
    await saveCardChange(tx, change);
    return change.card;
  });
  ctx.nudgeOutbox();
  return saved;
}

const responsiblePersonInput = z.object({
  personId: z
    .string()
    .uuid('is not a registered person id')
    .nullish()
    .transform((id) => id ?? null),
  idNumber: z.string().nullish(),
  name: z.string().nullish(),
  enterpriseUscc: z.string().trim().toUpperCase().length(18, 'is an 18-character USCC'),
  role: z.string().trim().min(2, 'names the role, e.g. 法定代表人').max(50),
});

/**
 * The person to name: a portal names a registered person by id; an enterprise (which gains sight of
 * its responsible persons) shows the person by the ID number and name on their ID card.
 */
async function responsiblePersonId(ctx: IdentityContext, principal: Principal, input: z.infer<typeof responsiblePersonInput>): Promise<string> {
  if (principal.kind === 'ENTERPRISE') {
    if (!input.idNumber || !input.name) {
      throw invalidInput(
        'PRESENCE_REQUIRED',
        'idNumber',
        'An enterprise names a responsible person by the ID number and name on their ID card, not by an id alone.',
      );
    }
    return (await confirmPresence(ctx, principal, { idNumber: input.idNumber, name: input.name }, input.personId)).id;
  }
  if (!input.personId) throw invalidInput('INVALID_INPUT', 'personId', 'personId: name the registered person.');
  return input.personId;
}

/** A responsible person's card carries the enterprise: freezing the enterprise's cards reaches it too. */
async function issueResponsiblePersonCard(input: z.input<typeof responsiblePersonInput>, ctx: IdentityContext) {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE'), SCOPES.workerRegister);
  const parsed = parseInput(responsiblePersonInput, input);
  const { enterpriseUscc, role } = parsed;
  if (principal.kind === 'ENTERPRISE' && principal.enterpriseUscc !== enterpriseUscc) throw forbidden('An enterprise names only its own responsible persons.');
  const personId = await responsiblePersonId(ctx, principal, parsed);
  const saved = await ctx.db.$transaction(async (tx) => {
    const person = await tx.worker.findUnique({ where: { id: personId }, select: { id: true, name: true, regionCode: true } });
    if (!person) throw notFound('PERSON_NOT_FOUND', 'Register the responsible person by real name first.', 'personId');
    const [enterpriseCard] = (await findCardsByEnterprises(tx, [enterpriseUscc])).filter((card) => card.holderKind === 'ENTERPRISE');
    if (!enterpriseCard) throw notFound('ENTERPRISE_NOT_FOUND', `Enterprise ${enterpriseUscc} has no real-name card; is it registered?`, 'enterpriseUscc');
    if (principal.kind === 'PORTAL') requireRegion(principal, enterpriseCard.regionCode);
    const existing = (await findCardsByPersons(tx, [personId])).find(
      (card) => card.holderKind === 'RESPONSIBLE_PERSON' && card.enterpriseUscc === enterpriseUscc && card.status !== 'CANCELLED',
    );
    if (existing) throw conflict('CARD_ALREADY_ISSUED', `This person already holds card ${existing.number} for this enterprise.`, 'personId');
    const change = issueCard(
      { kind: 'RESPONSIBLE_PERSON', name: person.name, enterpriseUscc, personId, regionCode: enterpriseCard.regionCode },
      { reason: `Responsible person (${role})`, legalBasis: '《建筑工人实名制管理办法（试行）》', authority: 'real-name registry', actor: principal.subject },
      ctx.clock.now(),
    );
    await saveCardChange(tx, change);
    return change.card;
  });
  ctx.nudgeOutbox();
  return saved;
}

export const cardMutations = {
  freezeRealNameCard: (_, args, ctx) => changeCardStatus(args.input, ctx, freezeCard),
  unfreezeRealNameCard: (_, args, ctx) => changeCardStatus(args.input, ctx, unfreezeCard),
  cancelRealNameCard: (_, args, ctx) => changeCardStatus(args.input, ctx, cancelCard),
  issueResponsiblePersonCard: (_, args, ctx) => issueResponsiblePersonCard(args.input, ctx),
} satisfies MutationResolvers;
