import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  regionCodeSchema,
  conflict,
  invalidInput,
  isUuid,
  notFound,
  parseInput,
  refuseIfAny,
  requireKind,
  requireRegion,
  requireUuid,
  SCOPES,
} from '@yikatong/platform';
import { AWARD_RULES, unmetRules, validateRules } from '../domain/eligibility';
import { workerFacts } from '../store/worker-facts';
import type { MutationResolvers } from '../generated/resolvers';
import { actingFor, portalWith, regionalManager } from './access';
import { lockAwardRound } from '../store/locks';

const schemeInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{2,39}$/, 'has 3 to 40 capital letters, digits or underscores'),
  name: z.string().trim().min(2, 'name the scheme'),
  kind: z.enum(['TRAINING_SUBSIDY', 'LEGAL_AID', 'ENTREPRENEURSHIP_LOAN', 'OTHER']),
  regionCode: regionCodeSchema,
  rules: z.array(z.object({ rule: z.string(), value: z.string().nullish() })),
});
const roundInput = z.object({
  kind: z.enum(['OUTSTANDING_WORKER', 'CRAFTSMAN', 'ENTREPRENEUR']),
  year: z.number().int().min(2000).max(2100),
  regionCode: regionCodeSchema,
  quota: z.number().int().min(1).max(1000),
});

const numberOrText = (value: string | null | undefined) =>
  value === null || value === undefined ? undefined : /^\d+$/.test(value) && value.length < 6 ? Number(value) : value;

export const schemeAwardMutations = {
  defineWelfareScheme: async (_, args, ctx) => {
    const principal = portalWith(ctx, SCOPES.serviceManage);
    const input = parseInput(schemeInput, args.input);
    requireRegion(principal, input.regionCode);
    const rules = validateRules(
      input.rules.map((rule) => ({ rule: rule.rule, ...(rule.value !== undefined && rule.value !== null ? { value: numberOrText(rule.value) } : {}) })),
    );
    if (await ctx.db.welfareScheme.findUnique({ where: { code: input.code } }))
      throw conflict('SCHEME_EXISTS', `A scheme ${input.code} exists already.`, 'code');
    return ctx.db.welfareScheme.create({ data: { id: randomUUID(), ...input, rules: JSON.parse(JSON.stringify(rules)) } });
  },

  /** Enrols the worker when every rule holds; otherwise refuses naming each rule not met. */
  applyForScheme: async (_, args, ctx) => {
    const { principal, workerId } = actingFor(ctx, args.workerId);
    return ctx.db.$transaction(async (tx) => {
      const scheme = await tx.welfareScheme.findUnique({ where: { code: args.schemeCode.trim().toUpperCase() } });
      if (!scheme) throw notFound('SCHEME_NOT_FOUND', 'No welfare scheme has this code.', 'schemeCode');
      if (await tx.schemeEnrolment.findUnique({ where: { schemeId_workerId: { schemeId: scheme.id, workerId } } }))
        throw conflict('ALREADY_ENROLLED', 'The worker is on this scheme already.', 'schemeCode');
      refuseIfAny(
        unmetRules(
          [{ rule: 'REGISTERED_IN_REGION', value: scheme.regionCode }, ...validateRules(scheme.rules)],
          await workerFacts(tx, workerId),
          ctx.clock.year(),
        ),
      );
      return tx.schemeEnrolment.create({
        data: { id: randomUUID(), schemeId: scheme.id, workerId, enrolledBy: principal.subject, enrolledAt: ctx.clock.now() },
      });
    });
  },

  openAwardRound: async (_, args, ctx) => {
    const principal = portalWith(ctx, SCOPES.serviceManage);
    const input = parseInput(roundInput, args.input);
    requireRegion(principal, input.regionCode);
    if (await ctx.db.awardRound.findUnique({ where: { kind_year_regionCode: { kind: input.kind, year: input.year, regionCode: input.regionCode } } })) {
      throw conflict('ROUND_EXISTS', `The ${input.year} ${input.kind.toLowerCase()} round of this region exists already.`, 'kind');
    }
    return ctx.db.awardRound.create({ data: { id: randomUUID(), ...input, status: 'OPEN' } });
  },

  /** A manager or the worker's employer nominates; the worker must meet the award's rules. */
  nominateForAward: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE');
    if (!isUuid(args.roundId) || !isUuid(args.workerId)) throw notFound('ROUND_NOT_FOUND', 'No award round has this id.', 'roundId');
    return ctx.db.$transaction(async (tx) => {
      const round = await tx.awardRound.findUnique({ where: { id: args.roundId } });
      if (!round) throw notFound('ROUND_NOT_FOUND', 'No award round has this id.', 'roundId');
      if (principal.kind === 'PORTAL') regionalManager(ctx, SCOPES.serviceManage, round.regionCode);
      if (round.status !== 'OPEN') throw conflict('ROUND_DECIDED', 'The round is decided.', 'roundId');
      if (args.reason.trim().length < 4) throw invalidInput('REASON_REQUIRED', 'reason', 'Say why the worker deserves the award.');
      if (await tx.awardNomination.findUnique({ where: { roundId_workerId: { roundId: round.id, workerId: args.workerId } } }))
        throw conflict('ALREADY_NOMINATED', 'The worker is nominated already.', 'workerId');
      refuseIfAny(
        unmetRules(
          [{ rule: 'REGISTERED_IN_REGION', value: round.regionCode }, ...(AWARD_RULES[round.kind] ?? [])],
          await workerFacts(tx, args.workerId),
          ctx.clock.year(),
        ),
      );
      return tx.awardNomination.create({
        data: { id: randomUUID(), roundId: round.id, workerId: args.workerId, reason: args.reason.trim(), nominatedBy: principal.subject, at: ctx.clock.now() },
      });
    });
  },

  /** The manager awards up to the quota among the nominated; the round closes. */
  decideAwards: async (_, args, ctx) =>
    ctx.db.$transaction(async (tx) => {
      await lockAwardRound(tx, requireUuid(args.roundId, 'roundId'));
      const round = await tx.awardRound.findUnique({ where: { id: args.roundId } });
      if (!round) throw notFound('ROUND_NOT_FOUND', 'No award round has this id.', 'roundId');
      const principal = regionalManager(ctx, SCOPES.serviceManage, round.regionCode);
      if (round.status !== 'OPEN') throw conflict('ROUND_DECIDED', 'The round is decided.', 'roundId');
      const winners = [...new Set(args.workerIds)];
      winners.forEach((workerId) => requireUuid(workerId, 'workerIds'));
      if (winners.length === 0 || winners.length > round.quota)
        throw invalidInput('INVALID_WINNERS', 'workerIds', `Award between 1 and ${round.quota} nominated workers.`);
      const nominated = await tx.awardNomination.updateMany({ where: { roundId: round.id, workerId: { in: winners } }, data: { awarded: true } });
      if (nominated.count !== winners.length) throw invalidInput('NOT_NOMINATED', 'workerIds', 'Every winner must have been nominated.');
      return tx.awardRound.update({ where: { id: round.id }, data: { status: 'DECIDED', decidedBy: principal.subject } });
    }),
} satisfies MutationResolvers;
