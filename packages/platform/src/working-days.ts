import { addDays } from './validation';

/**
 * The holiday calendar (节假日安排) of a year, as the State Council publishes it: public holidays
 * that fall on weekdays are days off, and make-up working days (调休) that fall on weekends are
 * working days. Config, kept in a table.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
}

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  if (calendar.makeUpWorkdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day `count` working days after `day` (the day itself not counted). */
export function addWorkingDays(day: string, count: number, calendar: HolidayCalendar): string {
  let current = day;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/** The calendar from a service's holiday table rows (each service keeps its own copy of the table). */
export function calendarFromDays(rows: ReadonlyArray<{ day: Date; kind: string }>): HolidayCalendar {
  const of = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.day.toISOString().slice(0, 10)));
  return { holidays: of('HOLIDAY'), makeUpWorkdays: of('MAKE_UP_WORKDAY') };
}

/** From a year back to two years on: deadlines are days or weeks away. */
export function calendarWindow(now: Date): { gte: Date; lt: Date } {
  const year = now.getUTCFullYear();
  return { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 2, 0, 1)) };
}
