import { CHINA_OFFSET_MS, instantPlusDays } from '@yikatong/platform';

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** First and last day of a pay period YYYY-MM. */
export function periodBounds(period: string): { first: string; last: string } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(lastDay).padStart(2, '0')}` };
}

/** The UTC instants where a China day range starts and ends (end exclusive). */
export function chinaDayRange(firstDay: string, lastDay: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${firstDay}T00:00:00Z`) - CHINA_OFFSET_MS);
  const to = instantPlusDays(new Date(Date.parse(`${lastDay}T00:00:00Z`) - CHINA_OFFSET_MS), 1);
  return { from, to };
}

