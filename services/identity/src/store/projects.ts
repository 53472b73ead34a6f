import type { IdentityDb, IdentityTx } from '../db';

export interface ProjectView {
  id: string;
  name: string;
  regionCode: string;
  generalContractorUscc: string;
  /** The general contractor and every registered subcontractor: who may employ workers there. */
  participants: string[];
}

export async function findProjects(db: IdentityDb | IdentityTx, ids: readonly string[]): Promise<ProjectView[]> {
  const rows = await db.project.findMany({ where: { id: { in: [...ids] } }, include: { participants: { select: { uscc: true } } } });
  return rows.map(({ participants, ...project }) => ({
    ...project,
    participants: [project.generalContractorUscc, ...participants.map((participant) => participant.uscc)],
  }));
}
