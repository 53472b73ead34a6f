import { appendToOutbox, dateOfDay, dayOf, type OutgoingEvent } from '@yikatong/platform';
import type { EnterpriseDb, EnterpriseTx } from '../db';
import type { Participant, ParticipantRole, Project } from '../domain/project';
import type { Prisma } from '../generated/prisma/client';

type ProjectRow = Prisma.ProjectGetPayload<object>;

export function toProject(row: ProjectRow): Project {
  return { ...row, startDate: dayOf(row.startDate), plannedEndDate: row.plannedEndDate ? dayOf(row.plannedEndDate) : null };
}

export async function findProjects(db: EnterpriseDb | EnterpriseTx, ids: readonly string[]): Promise<Project[]> {
  return (await db.project.findMany({ where: { id: { in: [...ids] } } })).map(toProject);
}

export async function findParticipants(db: EnterpriseDb | EnterpriseTx, projectIds: readonly string[]): Promise<Participant[]> {
  const rows = await db.projectParticipant.findMany({ where: { projectId: { in: [...projectIds] } }, orderBy: { addedAt: 'asc' } });
  return rows.map((row) => ({ ...row, role: row.role as ParticipantRole }));
}

export async function saveProject(tx: EnterpriseTx, project: Project, events: OutgoingEvent[]): Promise<void> {
  await tx.project.create({
    data: { ...project, startDate: dateOfDay(project.startDate), plannedEndDate: project.plannedEndDate ? dateOfDay(project.plannedEndDate) : null },
  });
  await appendToOutbox(tx, events);
}

export async function saveParticipant(tx: EnterpriseTx, participant: Participant, events: OutgoingEvent[]): Promise<void> {
  await tx.projectParticipant.create({ data: participant });
  await appendToOutbox(tx, events);
}
