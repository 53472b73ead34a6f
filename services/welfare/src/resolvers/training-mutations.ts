import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  regionCodeSchema,
  appendToOutbox,
  conflict,
  forbidden,
  invalidInput,
  notFound,
  parseInput,
  requirePrincipal,
  requireRegion,
  requireRegionCode,
  requireUuid,
  SCOPES,
} from '@yikatong/platform';
import type { WelfareContext } from '../context';
import type { WelfareTx } from '../db';
import { complete, defineProgramme, recordHours, type Programme, type TrainingEnrolment } from '../domain/training';
import type { MutationResolvers } from '../generated/resolvers';
import { portalWith, regionalManager } from './access';
import { lockTrainingEnrolment, lockTrainingSession } from '../store/locks';

const providerInput = z.object({
  name: z.string().trim().min(2, 'name the provider'),
  kind: z.enum(['SCHOOL', 'TRAINING_BASE', 'ENTERPRISE_CENTRE']),
  regionCode: regionCodeSchema,
});
const programmeInput = z.object({
  providerId: z.string().uuid('is not a provider id'),
  name: z.string(),
  kind: z.enum(['SAFETY', 'SKILL']),
  safetyLevel: z.enum(['COMPANY', 'PROJECT', 'TEAM']).nullish(),
  tradeCode: z.string().trim().nullish(),
  skillLevel: z.number().int().nullish(),
  requiredHours: z.number(),
});
const sessionInput = z.object({
  programmeId: z.string().uuid('is not a programme id'),
  regionCode: regionCodeSchema,
  startsOn: z.date(),
  endsOn: z.date(),
  capacity: z.number().int().min(1).max(10_000),
});

/** The enrolment, its session's region and programme, locked, for the manager of that region. */
async function lockEnrolment(ctx: WelfareContext, tx: WelfareTx, enrolmentId: string) {
  await lockTrainingEnrolment(tx, requireUuid(enrolmentId, 'enrolmentId'));
  const enrolment = await tx.trainingEnrolment.findUnique({ where: { id: enrolmentId } });
  if (!enrolment) throw notFound('ENROLMENT_NOT_FOUND', 'No training enrolment has this id.', 'enrolmentId');
  regionalManager(ctx, SCOPES.trainingManage, enrolment.regionCode);
  const session = await tx.trainingSession.findUniqueOrThrow({ where: { id: enrolment.sessionId } });
  const programme = (await tx.trainingProgramme.findUniqueOrThrow({ where: { id: session.programmeId } })) as Programme;
  return { enrolment: enrolment as TrainingEnrolment & { regionCode: string }, programme };
}

export const trainingMutations = {
  registerTrainingProvider: async (_, args, ctx) => {
    const principal = portalWith(ctx, SCOPES.trainingManage);
    const input = parseInput(providerInput, args.input);
    requireRegion(principal, input.regionCode);
    return ctx.db.trainingProvider.create({ data: { id: randomUUID(), ...input } });
  },

  defineTrainingProgramme: async (_, args, ctx) => {
    portalWith(ctx, SCOPES.trainingManage);
    const input = parseInput(programmeInput, args.input);
    const provider = await ctx.db.trainingProvider.findUnique({ where: { id: input.providerId } });
    if (!provider) throw notFound('PROVIDER_NOT_FOUND', 'No training provider has this id.', 'providerId');
    regionalManager(ctx, SCOPES.trainingManage, provider.regionCode);
    const programme = defineProgramme(
      { ...input, safetyLevel: input.safetyLevel ?? null, tradeCode: input.tradeCode ?? null, skillLevel: input.skillLevel ?? null },
      ctx.safetyHours,
    );
    return ctx.db.trainingProgramme.create({ data: programme });
  },

  scheduleTrainingSession: async (_, args, ctx) => {
    const principal = portalWith(ctx, SCOPES.trainingManage);
    const input = parseInput(sessionInput, args.input);
    requireRegion(principal, input.regionCode);
    if (input.endsOn < input.startsOn) throw invalidInput('INVALID_PERIOD', 'endsOn', 'The session ends before it starts.');
    if (!(await ctx.db.trainingProgramme.findUnique({ where: { id: input.programmeId } })))
      throw notFound('PROGRAMME_NOT_FOUND', 'No programme has this id.', 'programmeId');
    return ctx.db.trainingSession.create({ data: { id: randomUUID(), ...input } });
  },

  /** A worker enrols themselves; a training manager or a service-centre agent enrols a worker. Capacity is kept under a lock. */
  enrolInTraining: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const workerId = principal.kind === 'WORKER' ? principal.subject : args.workerId;
    if (principal.kind === 'WORKER' && args.workerId && args.workerId !== principal.subject) throw forbidden('A worker enrols only themselves.');
    if (
      principal.kind !== 'WORKER' &&
      !(principal.kind === 'PORTAL' && (principal.scopes.has(SCOPES.trainingManage) || principal.scopes.has(SCOPES.agentActForWorker)))
    ) {
      throw forbidden('Workers enrol themselves; training managers and service-centre agents enrol them.');
    }
    if (!workerId) throw invalidInput('WORKER_REQUIRED', 'workerId', 'Name the worker to enrol.');
    requireUuid(workerId, 'workerId');
    requireUuid(args.sessionId, 'sessionId');
    return ctx.db.$transaction(async (tx) => {
      await lockTrainingSession(tx, args.sessionId);
      const session = await tx.trainingSession.findUnique({ where: { id: args.sessionId } });
      if (!session) throw notFound('SESSION_NOT_FOUND', 'No training session has this id.', 'sessionId');
      if (principal.kind === 'PORTAL') requireRegion(principal, session.regionCode);
      if ((await tx.trainingEnrolment.count({ where: { sessionId: session.id } })) >= session.capacity)
        throw conflict('SESSION_FULL', 'The session is full; choose another.', 'sessionId');
      if (await tx.trainingEnrolment.findUnique({ where: { sessionId_workerId: { sessionId: session.id, workerId } } }))
        throw conflict('ALREADY_ENROLLED', 'The worker is already on this session.', 'sessionId');
      return tx.trainingEnrolment.create({
        data: { id: randomUUID(), sessionId: session.id, workerId, regionCode: session.regionCode, hours: 0, status: 'ENROLLED', enrolledAt: ctx.clock.now() },
      });
    });
  },

  /** One day's hours (sent again, the day's hours are replaced, not added). */
  recordTrainingHours: async (_, args, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const { enrolment } = await lockEnrolment(ctx, tx, args.enrolmentId);
      recordHours(enrolment, args.hours);
      await tx.trainingAttendance.upsert({
        where: { enrolmentId_day: { enrolmentId: enrolment.id, day: args.day } },
        create: { enrolmentId: enrolment.id, day: args.day, hours: args.hours },
        update: { hours: args.hours },
      });
      const total = await tx.trainingAttendance.aggregate({ where: { enrolmentId: enrolment.id }, _sum: { hours: true } });
      return tx.trainingEnrolment.update({ where: { id: enrolment.id }, data: { hours: total._sum.hours ?? 0 } });
    }),

  completeTraining: async (_, args, ctx) => {
    const completed = await ctx.db.$transaction(async (tx) => {
      const { enrolment, programme } = await lockEnrolment(ctx, tx, args.enrolmentId);
      const now = ctx.clock.now();
      const result = complete(enrolment, programme, () => randomBytes(5).toString('hex').toUpperCase(), now);
      await appendToOutbox(tx, result.events);
      return tx.trainingEnrolment.update({
        where: { id: enrolment.id },
        data: { status: 'COMPLETED', certificateNumber: result.enrolment.certificateNumber, completedAt: now },
      });
    });
    ctx.nudgeOutbox();
    return completed;
  },

  setTrainingTarget: async (_, args, ctx) => {
    regionalManager(ctx, SCOPES.trainingManage, requireRegionCode(args.regionCode));
    if (!(args.traineeSessions > 0)) throw invalidInput('INVALID_TARGET', 'traineeSessions', 'The target is a positive number of trainee-sessions.');
    const key = { regionCode: args.regionCode, year: args.year };
    return ctx.db.trainingTarget.upsert({
      where: { regionCode_year: key },
      create: { ...key, traineeSessions: args.traineeSessions },
      update: { traineeSessions: args.traineeSessions },
    });
  },
} satisfies MutationResolvers;
