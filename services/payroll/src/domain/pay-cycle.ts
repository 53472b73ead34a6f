import { addDays, daysBetween, lastDayOfPeriod } from '@yikatong/platform';

/**
 * A wage sheet covers one pay cycle: a whole month, or half of it (part-time workers are paid at
 * least every 15 days). Wages for a cycle fall due a configured number of days after it ends.
 */
export const CYCLE_KINDS = ['MONTH', 'FIRST_HALF', 'SECOND_HALF'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const isCycleKind = (value: string): value is CycleKind => CYCLE_KINDS.some((kind) => kind === value);

export interface PayCycle {
  period: string;
  kind: CycleKind;
  firstDay: string;
  lastDay: string;
  days: number;
}

export function payCycle(period: string, kind: CycleKind): PayCycle {
  const firstDay = kind === 'SECOND_HALF' ? `${period}-16` : `${period}-01`;
  const lastDay = kind === 'FIRST_HALF' ? `${period}-15` : lastDayOfPeriod(period);
  return { period, kind, firstDay, lastDay, days: daysBetween(firstDay, lastDay) + 1 };
}

/** The last day wages for the cycle may be paid without being late. */
export const wagesDueOn = (cycle: Pick<PayCycle, 'lastDay'>, dueDaysAfterCycle: number): string => addDays(cycle.lastDay, dueDaysAfterCycle);
