import { addDays, chinaMidnight, lastDayOfPeriod } from '@yikatong/platform';

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** First and last day of a pay period YYYY-MM. */
export const periodBounds = (period: string): { first: string; last: string } => ({ first: `${period}-01`, last: lastDayOfPeriod(period) });

/** The UTC instants where a China day range starts and ends (end exclusive). */
export const chinaDayRange = (firstDay: string, lastDay: string): { from: Date; to: Date } => ({
  from: chinaMidnight(firstDay),
  to: chinaMidnight(addDays(lastDay, 1)),
});
