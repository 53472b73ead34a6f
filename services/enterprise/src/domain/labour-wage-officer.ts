import { randomUUID } from 'node:crypto';
import { AppError, isContactPhone, isPersonName } from '@yikatong/platform';
import type { Project } from './project';

/**
 * The general contractor's labour-wage officer (劳资专管员) on a project: reviews its wage sheets,
 * answers workers' questions, and is named with a phone on the site's rights notice board.
 */
export interface LabourWageOfficerAppointment {
  id: string;
  projectId: string;
  name: string;
  phone: string;
  appointedBy: string;
  appointedAt: Date;
}

/** Appoints (or replaces) a project's officer; a closed project has nobody left to ask. */
export function appointLabourWageOfficer(project: Project, request: { name: string; phone: string }, actor: string, at: Date): LabourWageOfficerAppointment {
  if (project.stage === 'CLOSED') throw new AppError('PROJECT_CLOSED', 'The project is closed; it needs no labour-wage officer any more.', 'projectId');
  const name = request.name.trim();
  if (!isPersonName(name)) throw new AppError('INVALID_NAME', "The officer's name as on the ID card: 2–40 Chinese or Latin letters (· allowed).", 'name');
  const phone = request.phone.replace(/\s/g, '');
  if (!isContactPhone(phone)) {
    throw new AppError('INVALID_PHONE', 'The phone workers call: an 11-digit mobile number or a landline with its area code (0319-1234567).', 'phone');
  }
  return { id: randomUUID(), projectId: project.id, name, phone, appointedBy: actor, appointedAt: at };
}
