import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  chinaDay,
  conflict,
  forbidden,
  invalidInput,
  notFound,
  parseInput,
  regionCodeSchema,
  requireKind,
  requirePrincipal,
  requireRegion,
  requireScope,
  requireUuid,
  SCOPES,
  type Principal,
} from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { LUHN_WARNING } from '../domain/bank-card';
import { changeWageCard, type WageCardActor } from '../domain/wage-card';
import { EDUCATION_LEVELS, registerWorker } from '../domain/worker';
import { audit } from '../store/audit';
import { findWorkerByIdNumber, IdNumberAlreadyRegistered, saveRegistration, saveWageCardChange } from '../store/workers';
import { visibleWorker } from './worker';
import type { MutationResolvers } from '../generated/resolvers';

const registerInput = z.object({
  idNumber: z.string(),
  name: z.string(),
  phone: z.string(),
  education: z.enum(EDUCATION_LEVELS),
  tradeCode: z.string().trim().toUpperCase(),
  skillLevel: z
    .number()
    .int()
    .nullish()
    .transform((level) => level ?? null),
  regionCode: regionCodeSchema,
});

export async function requireTrade(ctx: IdentityContext, code: string, field: string) {
  const trade = await ctx.db.trade.findUnique({ where: { code } });
  if (!trade) throw invalidInput('UNKNOWN_TRADE', field, `Trade ${code} is not in the trade dictionary; see the trades query.`);
}

function wageCardActor(principal: Principal, workerPresent: boolean | null | undefined): WageCardActor {
  if (principal.kind === 'WORKER') return { kind: 'SELF', subject: principal.subject };
  if (principal.kind === 'PORTAL' && principal.scopes.has(SCOPES.agentActForWorker) && principal.serviceCentreId) {
    return { kind: 'AGENT', subject: principal.subject, serviceCentreId: principal.serviceCentreId, workerPresent: workerPresent === true };
  }
  throw forbidden('Only the worker themself, or a service-centre agent with the worker present, can change a wage card.');
}

/**
 * A registration of an ID number already in the registry: audited, and told in full (which worker,
 * name, registration day) only to a caller who may see that worker; anyone else learns only that
 * the number is registered, and how to enrol the person they have in front of them.
 */
async function refuseDuplicate(ctx: IdentityContext, principal: Principal, idNumber: string, at: Date, refusal: IdNumberAlreadyRegistered) {
  const existing = await findWorkerByIdNumber(ctx.db, ctx.pii, idNumber);
  if (!existing) return refusal;
  const visible = await visibleWorker(ctx, existing);
  await audit(ctx.db, principal, at, [
    {
      action: 'DUPLICATE_REGISTRATION',
      subjectType: 'Worker',
      subjectId: existing.id,
      regionCode: existing.regionCode,
      fields: visible ? ['id', 'name', 'idNumber', 'registeredAt'] : [],
      purpose: null,
    },
  ]);
  if (!visible) return refusal;
  return conflict(
    'WORKER_ALREADY_REGISTERED',
    `This ID number is already registered as worker ${existing.id} (${existing.name}, ${existing.idNumberMasked}, registered ${chinaDay(existing.registeredAt)}); use that record.`,
    'idNumber',
  );
}

export const workerMutations = {
  registerWorker: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE'), SCOPES.workerRegister);
    const input = parseInput(registerInput, args.input, { regionCode: 'INVALID_REGION_CODE' });
    if (principal.kind === 'PORTAL') requireRegion(principal, input.regionCode);
    await requireTrade(ctx, input.tradeCode, 'tradeCode');
    const now = ctx.clock.now();
    const registration = registerWorker(
      input,
      ctx.policy.workingAge,
      { subject: principal.subject, enterpriseUscc: principal.enterpriseUscc ?? null },
      now,
      chinaDay(now),
    );
    const { worker } = registration;
    const saved = await ctx.db
      .$transaction(async (tx) => {
        await saveRegistration(tx, ctx.pii, registration);
        await audit(tx, principal, now, [
          {
            action: 'REGISTER_WORKER',
            subjectType: 'Worker',
            subjectId: worker.id,
            regionCode: worker.regionCode,
            fields: ['idNumber', 'phone'],
            purpose: null,
          },
        ]);
        return tx.worker.findUniqueOrThrow({ where: { id: worker.id } });
      })
      .catch(async (error: unknown) => {
        // The transaction has rolled back: the attempt is audited outside it.
        throw error instanceof IdNumberAlreadyRegistered ? await refuseDuplicate(ctx, principal, worker.idNumber, now, error) : error;
      });
    ctx.nudgeOutbox();
    return saved;
  },

  changeWageCard: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const actor = wageCardActor(principal, args.input.workerPresent);
    const workerId = requireUuid(args.input.workerId, 'workerId');
    const now = ctx.clock.now();
    const result = await ctx.db.$transaction(async (tx) => {
      const worker = await tx.worker.findUnique({ where: { id: workerId } });
      if (!worker) throw notFound('WORKER_NOT_FOUND', 'No registered worker has this id.', 'workerId');
      if (actor.kind === 'AGENT') requireRegion(principal, worker.regionCode);
      const { change, events } = changeWageCard(
        { id: worker.id, name: worker.name, wageCardVersion: worker.wageCardVersion },
        { bankCode: args.input.bankCode.trim().toUpperCase(), cardNumber: args.input.cardNumber },
        actor,
        now,
      );
      await saveWageCardChange(tx, ctx.pii, change, events);
      await audit(tx, principal, now, [
        {
          action: 'CHANGE_WAGE_CARD',
          subjectType: 'Worker',
          subjectId: worker.id,
          regionCode: worker.regionCode,
          fields: ['wageCard'],
          purpose: actor.kind === 'AGENT' ? `agent at service centre ${actor.serviceCentreId}, worker present` : 'changed by the worker',
        },
      ]);
      return { worker: await tx.worker.findUniqueOrThrow({ where: { id: worker.id } }), warning: change.luhnValid ? null : LUHN_WARNING };
    });
    ctx.nudgeOutbox();
    return result;
  },

  // Good and bad conduct records are credit records, like an enterprise's.
  recordWorkerConduct: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.creditRecord);
    const description = args.input.description.trim();
    const authority = args.input.authority.trim();
    if (description.length < 4) throw invalidInput('INVALID_INPUT', 'description', 'Describe the conduct in at least 4 characters.');
    if (authority.length < 2) throw invalidInput('INVALID_INPUT', 'authority', 'Name the authority that recorded it.');
    const worker = await ctx.db.worker.findUnique({ where: { id: requireUuid(args.input.workerId, 'workerId') }, select: { regionCode: true } });
    if (!worker) throw notFound('WORKER_NOT_FOUND', 'No registered worker has this id.', 'workerId');
    requireRegion(principal, worker.regionCode);
    return ctx.db.conductRecord.create({
      data: {
        id: randomUUID(),
        workerId: args.input.workerId,
        kind: args.input.kind,
        description,
        authority,
        recordedBy: principal.subject,
        at: ctx.clock.now(),
      },
    });
  },
} satisfies MutationResolvers;
