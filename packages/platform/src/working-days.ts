import { addDays, chinaYear } from './calendar';

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

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`, negative when `to`
 * lies before `from` (a deadline's countdown: 0 on the due day, -1 the next working day after it).
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let current = addDays(start, 1); current <= end; current = addDays(current, 1)) if (isWorkingDay(current, calendar)) count += 1;
  return sign * count;
}

/** A service's own copy of the holiday table (`holiday_calendar_day`), as its Prisma client sees it. */
export interface HolidayTable {
  findMany(args: { where: { day: { gte: Date; lt: Date } } }): PromiseLike<Array<{ day: Date; kind: string }>>;
}

/** The calendar from a year back to two years on (deadlines are days or weeks away), read in the caller's transaction. */
export async function loadHolidayCalendar(table: HolidayTable, now: Date): Promise<HolidayCalendar> {
  const year = chinaYear(now);
  const rows = await table.findMany({ where: { day: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 2, 0, 1)) } } });
  const of = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.day.toISOString().slice(0, 10)));
  return { holidays: of('HOLIDAY'), makeUpWorkdays: of('MAKE_UP_WORKDAY') };
}
