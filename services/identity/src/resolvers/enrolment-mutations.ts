import { z } from 'zod';
import { contractType, employmentKind, rateKind } from '@yikatong/contracts';
import { dayOf, forbidden, notFound, parseInput, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import { endEnrolment, startEnrolment } from '../domain/enrolment';
import { lastClockInDay } from '../store/attendance';
import { findCardsByPersons } from '../store/cards';
import { findEnrolments, saveEnrolment } from '../store/enrolments';
import { findProjects } from '../store/projects';
import { confirmPresence } from './presence';
import { requireTrade } from './worker-mutations';
import type { MutationResolvers } from '../generated/resolvers';

const enrolInput = z.object({
  workerId: z
    .string()
    .uuid('is not a worker id')
    .nullish()
    .transform((id) => id ?? null),
  idNumber: z.string(),
  name: z.string(),
  projectId: z.string().uuid('is not a project id'),
  employerUscc: z.string().trim().toUpperCase().length(18, 'is an 18-character USCC'),
  contractType,
  tradeCode: z.string().trim().toUpperCase(),
  rateKind,
  rate: z.bigint().positive('must be more than zero').max(BigInt(2_000_000_000), 'is implausibly high'),
  employmentKind,
  team: z
    .string()
    .trim()
    .max(50)
    .nullish()
    .transform((team) => team || null),
  startDate: z.date().transform(dayOf),
  endDate: z
    .date()
    .nullish()
    .transform((date) => (date ? dayOf(date) : null)),
});

const endInput = z.object({
  enrolmentId: z.string().uuid('is not an enrolment id'),
  endDate: z.date().transform(dayOf),
  reason: z.string().trim().min(2, 'says why the worker left (e.g. 合同期满)').max(200),
});

export const enrolmentMutations = {
  enrolWorker: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE'), SCOPES.workerRegister);
    const { rate, idNumber, name, workerId, ...input } = parseInput(enrolInput, args.input);
    if (principal.enterpriseUscc !== input.employerUscc) throw forbidden('An enterprise enrols workers only as their employer.');
    await requireTrade(ctx, input.tradeCode, 'tradeCode');
    const worker = await confirmPresence(ctx, principal, { idNumber, name }, workerId);
    const request = { ...input, workerId: worker.id, rateFen: Number(rate) };
    const enrolment = await ctx.db.$transaction(async (tx) => {
      // Row lock on the worker: two simultaneous enrolments cannot both pass the overlap rule.
      const locked = await tx.$queryRawUnsafe<Array<{ safety_trained_on: Date | null }>>(
        'SELECT safety_trained_on FROM worker WHERE id = $1::uuid FOR UPDATE',
        request.workerId,
      );
      if (locked.length === 0) throw notFound('WORKER_NOT_FOUND', 'No registered worker has this id.', 'workerId');
      const [project] = await findProjects(tx, [request.projectId]);
      const card = (await findCardsByPersons(tx, [request.workerId])).filter((c) => c.holderKind === 'WORKER').at(-1);
      const facts = {
        project: project ?? null,
        workerCardStatus: card?.status ?? null,
        safetyTrainedOn: locked[0]!.safety_trained_on ? dayOf(locked[0]!.safety_trained_on) : null,
        lastActiveOn: await lastClockInDay(tx, request.workerId),
        activeEnrolments: await findEnrolments(tx, { workerId: request.workerId, status: 'ACTIVE' }),
      };
      const now = ctx.clock.now();
      const started = startEnrolment(request, facts, ctx.policy.enrolment, now);
      await saveEnrolment(
        tx,
        started.enrolment,
        { kind: 'ENTRY', day: request.startDate, reason: 'entered the project', actor: principal.subject, at: now },
        started.events,
      );
      return started.enrolment;
    });
    ctx.nudgeOutbox();
    return enrolment;
  },

  endEnrolment: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL'), SCOPES.workerRegister);
    const input = parseInput(endInput, args.input);
    const ended = await ctx.db.$transaction(async (tx) => {
      const [current] = await findEnrolments(tx, { id: input.enrolmentId });
      if (!current) throw notFound('ENROLMENT_NOT_FOUND', 'No enrolment has this id.', 'enrolmentId');
      if (principal.kind === 'PORTAL') requireRegion(principal, current.regionCode);
      else if (principal.enterpriseUscc !== current.employerUscc) throw forbidden('Only the employer records a worker leaving.');
      const now = ctx.clock.now();
      const result = endEnrolment(current, input.endDate, input.reason, now);
      await saveEnrolment(tx, result.enrolment, { kind: 'EXIT', day: input.endDate, reason: input.reason, actor: principal.subject, at: now }, result.events);
      return result.enrolment;
    });
    ctx.nudgeOutbox();
    return ended;
  },
} satisfies MutationResolvers;
