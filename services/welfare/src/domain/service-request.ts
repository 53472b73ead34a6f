import { randomUUID } from 'node:crypto';
import { addWorkingDays, AppError, chinaDay, type HolidayCalendar } from '@yikatong/platform';

/**
 * Service windows (办事窗口): each service type promises a deadline in working days; a request is
 * open until done or cancelled, and overdue once its deadline has passed while open.
 */
export interface ServiceType {
  id: string;
  code: string;
  name: string;
  department: string;
  deadlineWorkingDays: number;
}

export interface ServiceRequest {
  id: string;
  typeId: string;
  workerId: string;
  centreId: string | null;
  department: string;
  regionCode: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  openedBy: string;
  openedAt: Date;
  dueOn: string;
  closedAt: Date | null;
  outcome: string | null;
}

export function defineServiceType(request: Omit<ServiceType, 'id'>): ServiceType {
  if (!/^[A-Z][A-Z0-9_]{2,39}$/.test(request.code))
    throw new AppError('INVALID_CODE', 'The code has 3 to 40 capital letters, digits or underscores, e.g. WAGE_CERTIFICATE.', 'code');
  if (request.name.trim().length < 2) throw new AppError('INVALID_NAME', 'Name the service.', 'name');
  if (request.deadlineWorkingDays < 1 || request.deadlineWorkingDays > 120)
    throw new AppError('INVALID_DEADLINE', 'The promised deadline is 1 to 120 working days.', 'deadlineWorkingDays');
  return { id: randomUUID(), ...request, name: request.name.trim() };
}

export function openRequest(
  type: ServiceType,
  facts: { workerId: string; centreId: string | null; regionCode: string },
  openedBy: string,
  calendar: HolidayCalendar,
  at: Date,
): ServiceRequest {
  return {
    id: randomUUID(),
    typeId: type.id,
    ...facts,
    department: type.department,
    status: 'OPEN',
    openedBy,
    openedAt: at,
    dueOn: addWorkingDays(chinaDay(at), type.deadlineWorkingDays, calendar),
    closedAt: null,
    outcome: null,
  };
}

export function closeRequest(request: ServiceRequest, status: 'DONE' | 'CANCELLED', outcome: string, at: Date): ServiceRequest {
  if (request.status !== 'OPEN') throw new AppError('REQUEST_CLOSED', `The request is already ${request.status.toLowerCase()}.`, 'requestId');
  if (outcome.trim().length < 2) throw new AppError('OUTCOME_REQUIRED', 'Say what was done (the worker reads it).', 'outcome');
  return { ...request, status, closedAt: at, outcome: outcome.trim() };
}

export const isOverdue = (request: { status: string; dueOn: string }, at: Date) => request.status === 'OPEN' && request.dueOn < chinaDay(at);
