import { isUuid, requirePrincipal } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import type { Enrolment as EnrolmentModel } from '../domain/enrolment';
import { canSeeEnrolment } from './access';
import { visibleWorker } from './worker';

export const Enrolment = {
  __resolveReference: async (reference: { id: string }, ctx: IdentityContext) => {
    const enrolment = isUuid(reference.id) ? await ctx.enrolmentById.load(reference.id) : null;
    return enrolment && canSeeEnrolment(requirePrincipal(ctx.principal), enrolment) ? enrolment : null;
  },
  worker: async (enrolment: EnrolmentModel, _: unknown, ctx: IdentityContext) => visibleWorker(ctx, await ctx.workerById.load(enrolment.workerId)),
  trade: (enrolment: EnrolmentModel, _: unknown, ctx: IdentityContext) => ctx.tradeByCode.load(enrolment.tradeCode),
  rate: (enrolment: EnrolmentModel) => BigInt(enrolment.rateFen),
  movements: (enrolment: EnrolmentModel, _: unknown, ctx: IdentityContext) => ctx.movementsByEnrolment.load(enrolment.id),
};
