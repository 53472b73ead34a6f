import { z } from 'zod';
import {
  forbidden,
  invalidInput,
  isUuid,
  notFound,
  parseInput,
  requireKind,
  requirePrincipal,
  requireRegion,
  requireRegionCode,
  requireScope,
  SCOPES,
} from '@yikatong/platform';
import { closeRequest, defineServiceType, openRequest, type ServiceRequest } from '../domain/service-request';
import { holidayCalendar } from '../store/complaints';
import type { MutationResolvers } from '../generated/resolvers';
import { requireStaff } from './access';
import { lockServiceRequest } from '../store/locks';

const typeInput = z.object({
  code: z.string().trim().toUpperCase(),
  name: z.string(),
  department: z.enum(['HOUSING_CONSTRUCTION', 'HRSS', 'LABOUR_INSPECTION']),
  deadlineWorkingDays: z.number().int(),
});

export const serviceWindowMutations = {
  defineServiceType: async (_, args, ctx) => {
    requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.serviceManage);
    const type = defineServiceType(parseInput(typeInput, args.input));
    if (await ctx.db.serviceType.findUnique({ where: { code: type.code } }))
      throw invalidInput('SERVICE_TYPE_EXISTS', 'code', `A service type ${type.code} exists already.`);
    return ctx.db.serviceType.create({ data: type });
  },

  /** A worker asks for themselves; a centre agent (agent:act-for-worker) for a worker at the centre. */
  openServiceRequest: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    requireRegionCode(args.regionCode);
    let workerId: string;
    let centreId: string | null = null;
    if (principal.kind === 'WORKER') workerId = principal.subject;
    else if (principal.kind === 'PORTAL' && principal.scopes.has(SCOPES.agentActForWorker) && principal.serviceCentreId) {
      if (!args.workerId || !isUuid(args.workerId)) throw invalidInput('WORKER_REQUIRED', 'workerId', 'Name the worker the request is for.');
      requireRegion(principal, args.regionCode);
      workerId = args.workerId;
      centreId = principal.serviceCentreId;
    } else throw forbidden('Requests are opened by the worker or a service-centre agent.');
    const type = await ctx.db.serviceType.findUnique({ where: { code: args.typeCode.trim().toUpperCase() } });
    if (!type) throw notFound('SERVICE_TYPE_NOT_FOUND', 'No service has this code.', 'typeCode');
    const now = ctx.clock.now();
    const request = openRequest(
      type,
      { workerId, centreId, regionCode: args.regionCode },
      principal.subject,
      await ctx.db.$transaction((tx) => holidayCalendar(tx, now)),
      now,
    );
    return ctx.db.serviceRequest.create({ data: request });
  },

  closeServiceRequest: async (_, args, ctx) => {
    if (!isUuid(args.requestId)) throw notFound('REQUEST_NOT_FOUND', 'No service request has this id.', 'requestId');
    return ctx.db.$transaction(async (tx) => {
      await lockServiceRequest(tx, args.requestId);
      const request = (await tx.serviceRequest.findUnique({ where: { id: args.requestId } })) as ServiceRequest | null;
      if (!request) throw notFound('REQUEST_NOT_FOUND', 'No service request has this id.', 'requestId');
      requireStaff(ctx, request);
      const closed = closeRequest(request, args.done ? 'DONE' : 'CANCELLED', args.outcome, ctx.clock.now());
      return tx.serviceRequest.update({ where: { id: request.id }, data: { status: closed.status, closedAt: closed.closedAt, outcome: closed.outcome } });
    });
  },
} satisfies MutationResolvers;
