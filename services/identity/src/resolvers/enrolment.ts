import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { Enrolment as EnrolmentModel } from '../domain/enrolment';
import { canSeeEnrolment } from './access';
import { visibleWorker } from './worker';
import type { EnrolmentResolvers } from '../generated/resolvers';

export const Enrolment = {
  __resolveReference: async (reference, ctx) => {
    const enrolment = isUuid(reference.id) ? await ctx.enrolmentById.load(reference.id) : null;
    return enrolment && canSeeEnrolment(requirePrincipal(ctx.principal), enrolment) ? enrolment : null;
  },
  worker: async (enrolment, _, ctx) => visibleWorker(ctx, await ctx.workerById.load(enrolment.workerId)),
  trade: (enrolment, _, ctx) => ctx.tradeByCode.load(enrolment.tradeCode),
  rate: (enrolment: EnrolmentModel) => BigInt(enrolment.rateFen),
  movements: (enrolment, _, ctx) => ctx.movementsByEnrolment.load(enrolment.id),
} satisfies EnrolmentResolvers;
