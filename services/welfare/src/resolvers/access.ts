import {
  forbidden,
  invalidInput,
  isUuid,
  requireKind,
  requirePrincipal,
  requireRegion,
  requireScope,
  seesRegion,
  SCOPES,
  type Principal,
} from '@yikatong/platform';
import type { WelfareContext } from '../context';
import type { Complaint, ComplaintChannel } from '../domain/complaint';
import type { ServiceRequest } from '../domain/service-request';
import type { ComplaintRow } from './complaint';

/** Who may do what in welfare: one place, as in the other services. */

/** A portal with the scope, judged before its input is read (an outsider learns nothing from a validation message). */
export const portalWith = (ctx: WelfareContext, scope: string): Principal => requireScope(requireKind(ctx.principal, 'PORTAL'), scope);

/** A portal with the scope, for the given region. */
export function regionalManager(ctx: WelfareContext, scope: string, regionCode: string): Principal {
  const principal = portalWith(ctx, scope);
  requireRegion(principal, regionCode);
  return principal;
}

/** The complainant, and handlers (complaint:handle) of the region. */
export function canSeeComplaint(ctx: WelfareContext, complaint: ComplaintRow): boolean {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'WORKER') return complaint.workerId === principal.subject;
  return principal.kind === 'PORTAL' && principal.scopes.has(SCOPES.complaintHandle) && seesRegion(principal, complaint.regionCode);
}

/** Who files: the worker themselves, a service-centre agent for a worker present, or a hotline operator. */
export function intakeChannel(principal: Principal, workerId: string | null | undefined): { channel: ComplaintChannel; workerId: string } {
  if (principal.kind === 'WORKER') {
    if (workerId && workerId !== principal.subject) throw forbidden('A worker files complaints for themselves; a service centre files for others.');
    return { channel: 'SELF', workerId: principal.subject };
  }
  if (principal.kind === 'PORTAL' && (principal.scopes.has(SCOPES.agentActForWorker) || principal.scopes.has(SCOPES.complaintHandle))) {
    if (!workerId) throw invalidInput('WORKER_REQUIRED', 'workerId', 'Name the worker the complaint is for.');
    return { channel: principal.scopes.has(SCOPES.agentActForWorker) ? 'SERVICE_CENTRE' : 'HOTLINE', workerId };
  }
  throw forbidden('Complaints are filed by the worker, a service centre (agent:act-for-worker) or the hotline (complaint:handle).');
}

/** A handler with complaint:handle, of the region, in the department holding the case. */
export function requireHandler(ctx: WelfareContext, complaint: Complaint): Principal {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind !== 'PORTAL' || !principal.scopes.has(SCOPES.complaintHandle)) throw forbidden('Handling complaints needs complaint:handle.');
  requireRegion(principal, complaint.regionCode);
  if (principal.department !== complaint.handlerDept) throw forbidden(`The case is with ${complaint.handlerDept}; it can forward it to you.`);
  return principal;
}

/** Portals of the region, the project's general contractor and our services see its policies. */
export function seesProjectPolicies(principal: Principal, project: { regionCode: string; generalContractorUscc: string }): boolean {
  if (principal.kind === 'PORTAL') return seesRegion(principal, project.regionCode);
  if (principal.kind === 'ENTERPRISE') return principal.enterpriseUscc === project.generalContractorUscc;
  return principal.kind === 'SERVICE';
}

/** The worker themselves, or a centre agent or manager for a named worker. */
export function actingFor(ctx: WelfareContext, workerId: string | null | undefined): { principal: Principal; workerId: string } {
  const principal = requirePrincipal(ctx.principal);
  if (principal.kind === 'WORKER') return { principal, workerId: principal.subject };
  if (principal.kind === 'PORTAL' && (principal.scopes.has(SCOPES.agentActForWorker) || principal.scopes.has(SCOPES.serviceManage))) {
    if (!workerId || !isUuid(workerId)) throw invalidInput('WORKER_REQUIRED', 'workerId', 'Name the worker.');
    return { principal, workerId };
  }
  throw forbidden('The worker applies, or a service centre for them.');
}

/** Staff of the department or the centre holding the request, in its region, with service:manage. */
export function requireStaff(ctx: WelfareContext, request: Pick<ServiceRequest, 'regionCode' | 'department' | 'centreId'>): Principal {
  const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.serviceManage);
  requireRegion(principal, request.regionCode);
  if (principal.department !== request.department && (!request.centreId || principal.serviceCentreId !== request.centreId)) {
    throw forbidden('Only the department or the service centre holding the request handles it.');
  }
  return principal;
}
