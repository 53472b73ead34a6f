import type { Principal } from '@yikatong/platform';
import type { PayrollDb } from './db';

export interface PayrollContext {
  principal: Principal | null;
  db: PayrollDb;
  nudgeOutbox: () => void;
}

export function createPayrollContext(principal: Principal | null, db: PayrollDb, nudgeOutbox: () => void): PayrollContext {
  return { principal, db, nudgeOutbox };
}
