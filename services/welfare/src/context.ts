import DataLoader from 'dataloader';
import { byId, groupBy, loadHolidayCalendar, type Clock, type HolidayCalendar, type Principal } from '@yikatong/platform';
import type { WelfareDb } from './db';
import type { SlaPolicy } from './domain/complaint';
import type { SafetyHours } from './domain/training';

export interface WelfareDeps {
  db: WelfareDb;
  /** Where business time comes from: deadlines, certificate years, eligibility ages. */
  clock: Clock;
  sla: SlaPolicy;
  safetyHours: SafetyHours;
}

/** One set of DataLoaders per request. */
export function createWelfareContext(principal: Principal | null, deps: WelfareDeps, nudgeOutbox: () => void = () => undefined) {
  const { db } = deps;
  let calendar: Promise<HolidayCalendar> | undefined;
  return {
    principal,
    ...deps,
    nudgeOutbox,
    serviceCentreById: new DataLoader(async (ids: readonly string[]) => byId(ids, await db.serviceCentre.findMany({ where: { id: { in: [...ids] } } }))),
    nominationsByRound: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.awardNomination.findMany({ where: { roundId: { in: [...ids] } }, orderBy: { at: 'asc' } }), (nomination) => nomination.roundId),
    ),
    /** The holiday table, read once per request (deadline countdowns of a whole list need it). */
    holidayCalendar: () => (calendar ??= loadHolidayCalendar(db.holidayCalendarDay, deps.clock.now())),
    stepsByComplaint: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await db.complaintStep.findMany({ where: { complaintId: { in: [...ids] } }, orderBy: { id: 'asc' } }), (step) => step.complaintId),
    ),
  };
}

export type WelfareContext = ReturnType<typeof createWelfareContext>;
