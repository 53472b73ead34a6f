/**
 * Calendar days and months. Rules about days (deadlines, pay periods, ages, certificate years) are
 * judged in China Standard Time (UTC+8, no daylight saving), whatever the server's zone.
 */

/** PostgreSQL DATE columns arrive as UTC midnights; domains speak calendar days, YYYY-MM-DD. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const dateOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

const DAY_MS = 86_400_000;

/** The calendar day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number): string => dayOf(new Date(dateOfDay(day).getTime() + days * DAY_MS));

/** The instant `days` × 24 h after `at`: exact in China, which has no daylight saving. */
export const instantPlusDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => (dateOfDay(to).getTime() - dateOfDay(from).getTime()) / DAY_MS;

/** A pay period or attendance month: YYYY-MM. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant in China. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The pay period (YYYY-MM) an instant falls in, in China. */
export const chinaPeriod = (at: Date): string => chinaDay(at).slice(0, 7);

/** The year an instant falls in, in China (on 31 December from 16:00 UTC it is already the next year there). */
export const chinaYear = (at: Date): number => Number(chinaDay(at).slice(0, 4));

/** The instant a China calendar day begins (00:00 UTC+8). */
export const chinaMidnight = (day: string): Date => new Date(dateOfDay(day).getTime() - CHINA_OFFSET_MS);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The same day `months` later (negative: earlier), clamped to the month's end: 31 August + 6 months
 * is the last day of February, and 29 February + 12 months is 28 February.
 */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDate = Math.min(date, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDate).padStart(2, '0')}`;
}

/** An instant `months` later on China's calendar, at the same China time of day, clamped to the month's end. */
export function addMonthsInChina(at: Date, months: number): Date {
  const day = chinaDay(at);
  const timeOfDay = at.getTime() - chinaMidnight(day).getTime();
  return new Date(chinaMidnight(addMonthsToDay(day, months)).getTime() + timeOfDay);
}

/** The pay period `months` after `period` (negative: before). */
export const addMonthsToPeriod = (period: string, months: number): string => addMonthsToDay(`${period}-01`, months).slice(0, 7);

/** The last day of a pay period. */
export const lastDayOfPeriod = (period: string): string => {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
};
