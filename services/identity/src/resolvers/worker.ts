import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { LUHN_WARNING } from '../domain/bank-card';
import type { AuditRecord } from '../store/audit';
import type { WorkerRow } from '../store/workers';
import { canSeeEnrolment, canSeeWorker, employerSight, unmaskPurpose } from './access';
import type { TrainingRecordResolvers, WageCardResolvers, WorkerResolvers } from '../generated/resolvers';

/** Loads a worker if the caller may see them; null otherwise (as if absent: no existence oracle). */
export async function visibleWorker(ctx: IdentityContext, worker: WorkerRow | null): Promise<WorkerRow | null> {
  if (!worker) return null;
  const principal = requirePrincipal(ctx.principal);
  const sight = employerSight(ctx.clock.today(), ctx.policy.employerSightDays);
  if (principal.kind !== 'ENTERPRISE') return canSeeWorker(principal, worker, [], [], sight) ? worker : null;
  const [enrolments, cards] = await Promise.all([ctx.enrolmentsByWorker.load(worker.id), ctx.cardsByPerson.load(worker.id)]);
  return canSeeWorker(principal, worker, enrolments, cards, sight) ? worker : null;
}

/** Decrypts one personal field when allowed, after writing the audit entry; else the masked form. */
async function personalField(ctx: IdentityContext, worker: WorkerRow, field: string, masked: string, cipher: string, purpose?: string | null) {
  const reason = unmaskPurpose(ctx.principal, purpose);
  if (!reason) return masked;
  const entry: AuditRecord = {
    action: 'READ_PII',
    subjectType: 'Worker',
    subjectId: worker.id,
    regionCode: worker.regionCode,
    fields: [field],
    purpose: reason,
  };
  await ctx.auditRead.load(entry);
  return ctx.pii.decrypt(cipher);
}

/** A worker's wage card resolves from the worker's row (the number stays encrypted there). */
export interface WageCardParent {
  worker: WorkerRow;
  bankCode: string | null;
  version: number;
  warning: string | null;
}

export const Worker = {
  // A malformed id is hidden like an unknown one, before it reaches a uuid column.
  __resolveReference: async (reference, ctx) => (isUuid(reference.id) ? visibleWorker(ctx, await ctx.workerById.load(reference.id)) : null),
  idNumber: (worker, args, ctx) => personalField(ctx, worker, 'idNumber', worker.idNumberMasked, worker.idNumberCipher, args.purpose),
  phone: (worker, args, ctx) => personalField(ctx, worker, 'phone', worker.phoneMasked, worker.phoneCipher, args.purpose),
  trade: (worker, _, ctx) => ctx.tradeByCode.load(worker.tradeCode),
  // Whoever may see the worker may see the worker's own card (an employer needs it for site access).
  realNameCard: async (worker, _, ctx) => {
    const cards = (await ctx.cardsByPerson.load(worker.id)).filter((card) => card.holderKind === 'WORKER');
    return cards.find((card) => card.status !== 'CANCELLED') ?? cards.at(-1) ?? null;
  },
  wageCard: (worker): WageCardParent | null =>
    worker.wageCardCipher
      ? { worker, bankCode: worker.wageBankCode, version: worker.wageCardVersion, warning: worker.wageCardLuhnValid ? null : LUHN_WARNING }
      : null,
  enrolments: async (worker, _, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    return (await ctx.enrolmentsByWorker.load(worker.id)).filter((enrolment) => canSeeEnrolment(principal, enrolment));
  },
  training: (worker, _, ctx) => ctx.trainingByWorker.load(worker.id),
  conduct: (worker, _, ctx) => ctx.conductByWorker.load(worker.id),
} satisfies WorkerResolvers;

export const WageCard = {
  cardNumber: (card, args, ctx) =>
    personalField(ctx, card.worker, 'wageCard.cardNumber', card.worker.wageCardMasked!, card.worker.wageCardCipher!, args.purpose),
} satisfies WageCardResolvers;

export const TrainingRecord = {
  trade: (record, _, ctx) => (record.tradeCode ? ctx.tradeByCode.load(record.tradeCode) : null),
} satisfies TrainingRecordResolvers;
