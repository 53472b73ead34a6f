import { notFound, requireRegion, type Principal } from '@yikatong/platform';
import type { EnterpriseTx } from '../db';
import type { Enterprise } from '../domain/enterprise';
import type { Project } from '../domain/project';
import { findProjects } from './projects';

/**
 * Row locks that serialise the writes of one aggregate: a second writer waits for the first
 * commit and then judges what it left.
 */
export async function lockProject(tx: EnterpriseTx, projectId: string): Promise<Project> {
  await tx.$executeRawUnsafe('SELECT 1 FROM project WHERE id = $1::uuid FOR UPDATE', projectId);
  const [project] = await findProjects(tx, [projectId]);
  if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id.', 'projectId');
  return project;
}

/** The enterprise, locked, in the clerk's region. */
export async function lockEnterpriseInRegion(tx: EnterpriseTx, principal: Principal, uscc: string): Promise<Enterprise> {
  await tx.$executeRawUnsafe('SELECT 1 FROM enterprise WHERE uscc = $1 FOR UPDATE', uscc);
  const enterprise = await tx.enterprise.findUnique({ where: { uscc } });
  if (!enterprise) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise is registered with USCC ${uscc}.`, 'uscc');
  requireRegion(principal, enterprise.regionCode);
  return enterprise;
}

/** A fact from another service about an enterprise we do not know is retried, then dead-lettered. */
export async function requireKnownEnterprise(tx: EnterpriseTx, uscc: string, fact: string): Promise<void> {
  if (!(await tx.enterprise.findUnique({ where: { uscc }, select: { uscc: true } }))) throw new Error(`${fact} for unknown enterprise ${uscc}`);
}
