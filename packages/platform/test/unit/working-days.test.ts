import { addWorkingDays, isWorkingDay, workingDaysBetween, type HolidayCalendar } from '../../src/working-days';

// National Day 2026 as the State Council set it: 1–7 October off, Sunday 27 September and Saturday 10 October worked.
const CALENDAR: HolidayCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  makeUpWorkdays: new Set(['2026-09-27', '2026-10-10']),
};

describe('working days (工作日)', () => {
  it('skips weekends and holidays and counts make-up working days', () => {
    expect(isWorkingDay('2026-09-27', CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-10-05', CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-10-03', CALENDAR)).toBe(false);
    expect(addWorkingDays('2026-09-30', 1, CALENDAR)).toBe('2026-10-08');
  });

  it('counts down to a deadline: 0 on the day, negative past it, the inverse of adding working days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08', CALENDAR)).toBe(1);
    expect(workingDaysBetween('2026-10-08', '2026-10-08', CALENDAR)).toBe(0);
    expect(workingDaysBetween('2026-10-12', '2026-10-08', CALENDAR)).toBe(-3);
    for (const count of [0, 1, 5, 15, 30]) expect(workingDaysBetween('2026-09-25', addWorkingDays('2026-09-25', count, CALENDAR), CALENDAR)).toBe(count);
  });
});
