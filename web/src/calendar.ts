/** China's calendar (UTC+8), as the services keep it: the app shows "this month" as a Chinese clerk reads it. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
export const chinaPeriod = (at: Date) => chinaDay(at).slice(0, 7);
export const chinaYear = (at: Date) => Number(chinaDay(at).slice(0, 4));

/** The period `months` before (negative) or after a YYYY-MM period. */
export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = (year ?? 0) * 12 + (month ?? 1) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A timestamp as China's local date and minute. */
export const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
