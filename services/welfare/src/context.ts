import type { Principal } from '@yikatong/platform';
import type { WelfareDb } from './db';

export interface WelfareContext {
  principal: Principal | null;
  db: WelfareDb;
}

export function createWelfareContext(principal: Principal | null, db: WelfareDb): WelfareContext {
  return { principal, db };
}
