import { callUnary, grpcClientCredentials, loadService, SCOPES, serviceCallerToken, type GrpcTlsSettings, type TokenSettings } from '@yikatong/platform';
import type { PayCycle } from '../domain/pay-cycle';
import type { VerifiedWorker } from '../domain/pay-rules';

const WorkerRegistry = loadService('identity/workers.proto', 'yikatong.identity.v1.WorkerRegistry');

/** Identity's fresh answer for one project and pay cycle: who can be paid, for how much work. */
export type WorkerVerifier = (projectId: string, cycle: PayCycle, workerIds: readonly string[]) => Promise<VerifiedWorker[]>;

/** Calls identity's VerifyWorkers as a SERVICE principal. */
export function createWorkerVerifier(
  address: string,
  settings: Pick<TokenSettings, 'SERVICE_TOKEN_SECRET'> & GrpcTlsSettings,
): WorkerVerifier & { close(): void } {
  const client = new WorkerRegistry(address, grpcClientCredentials(settings));
  // The ledger keeps each line's full ID number and phone (工资台账): identity unmasks them, and audits it, only for this scope.
  const token = serviceCallerToken(settings, 'payroll', [SCOPES.piiRead]);
  const verifier = async (projectId: string, cycle: PayCycle, workerIds: readonly string[]) => {
    const response = await callUnary<{ workers: VerifiedWorker[] }>(
      client,
      'VerifyWorkers',
      { projectId, period: cycle.period, workerIds: [...workerIds], firstDay: cycle.firstDay, lastDay: cycle.lastDay },
      { token: await token(), deadlineMs: 30_000 },
    );
    return response.workers;
  };
  return Object.assign(verifier, { close: () => client.close() });
}
