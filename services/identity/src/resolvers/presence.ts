import { AppError, invalidInput, notFound, type Principal } from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { parseResidentId, RESIDENT_ID_PROBLEM_MESSAGES } from '../domain/resident-id';
import { sameName } from '../domain/worker';
import { audit } from '../store/audit';
import { findWorkerByIdNumber, type WorkerRow } from '../store/workers';

/** What an enterprise reads off the ID card of the person in front of it (本人到场). */
export interface PersonPresent {
  idNumber: string;
  name: string;
}

/**
 * The registered person an enterprise shows it has in front of it: found by the ID number and confirmed
 * by the name, as at the gate. A bare id proves nothing, so this is the only way an enterprise gains
 * sight of a worker it did not register. A mismatch is audited: it may be someone probing the registry.
 */
export async function confirmPresence(ctx: IdentityContext, principal: Principal, present: PersonPresent, expectedId: string | null): Promise<WorkerRow> {
  const parsed = parseResidentId(present.idNumber, ctx.clock.today());
  if ('problem' in parsed) throw invalidInput(`ID_NUMBER_${parsed.problem}`, 'idNumber', RESIDENT_ID_PROBLEM_MESSAGES[parsed.problem]);
  const worker = await findWorkerByIdNumber(ctx.db, ctx.pii, parsed.id.idNumber);
  if (!worker) throw notFound('WORKER_NOT_FOUND', 'No registered person has this ID number; register them by real name first (registerWorker).', 'idNumber');
  const nameMatches = sameName(worker.name, present.name);
  if (nameMatches && (expectedId === null || expectedId === worker.id)) return worker;
  await audit(ctx.db, principal, ctx.clock.now(), [
    {
      action: 'PRESENCE_NOT_CONFIRMED',
      subjectType: 'Worker',
      subjectId: worker.id,
      regionCode: worker.regionCode,
      fields: ['idNumber', 'name'],
      purpose: null,
    },
  ]);
  throw new AppError(
    'IDENTITY_NOT_CONFIRMED',
    'The ID number and name do not match one registered person: read both off the ID card of the person in front of you.',
    nameMatches ? 'workerId' : 'name',
  );
}
