import type { Clock, PiiProtector, Principal } from '@yikatong/platform';
import type { PayPolicy } from './domain/pay-rules';
import type { PayrollDb } from './db';
import type { DepositRateInputsSource } from './grpc/enterprise-client';
import type { WorkerVerifier } from './grpc/identity-client';
import type { WarningJudge } from './store/warnings';
import { createPayrollLoaders, type PayrollLoaders } from './resolvers/loaders';

/** What every resolver may use: the caller, the database, the clock, identity's answers and the policies from config. */
export interface PayrollDeps {
  db: PayrollDb;
  clock: Clock;
  pii: PiiProtector;
  verifyWorkers: WorkerVerifier;
  depositRateInputs: DepositRateInputsSource;
  payPolicy: PayPolicy;
  warnings: WarningJudge;
}

export interface PayrollContext extends PayrollDeps {
  principal: Principal | null;
  nudgeOutbox: () => void;
  loaders: PayrollLoaders;
}

export function createPayrollContext(principal: Principal | null, deps: PayrollDeps, nudgeOutbox: () => void): PayrollContext {
  return { ...deps, principal, nudgeOutbox, loaders: createPayrollLoaders(deps.db) };
}
