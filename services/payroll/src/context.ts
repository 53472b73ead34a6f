import type { Principal } from '@yikatong/platform';
import type { PayrollDb } from './db';

export interface PayrollContext {
  principal: Principal | null;
  db: PayrollDb;
}

export function createPayrollContext(principal: Principal | null, db: PayrollDb): PayrollContext {
  return { principal, db };
}
