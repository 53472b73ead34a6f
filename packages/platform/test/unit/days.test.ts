import {
  addDays,
  addMonthsInChina,
  addMonthsToDay,
  addMonthsToPeriod,
  chinaDay,
  chinaMidnight,
  chinaPeriod,
  chinaYear,
  daysBetween,
  instantPlusDays,
  lastDayOfPeriod,
} from '../../src/calendar';
import { clockFromConfig, clockStartingAt, ManualClock } from '../../src/clock';
import { loadPlatformConfig } from '../../src/config';

describe('calendar days and instants', () => {
  it('adds calendar days across month and year ends, backwards too', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('moves an instant by whole days, which keeps its China clock time (no daylight saving)', () => {
    const evening = new Date('2026-11-30T15:30:00Z'); // 23:30 in China
    expect(instantPlusDays(evening, 30).toISOString()).toBe('2026-12-30T15:30:00.000Z');
    expect(instantPlusDays(evening, -60).toISOString()).toBe('2026-10-01T15:30:00.000Z');
    expect(chinaDay(evening)).toBe('2026-11-30');
    expect(chinaDay(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
});

describe('China calendar', () => {
  it('takes the year and the period of an instant in China', () => {
    const newYearInChina = new Date('2026-12-31T16:30:00Z');
    expect(chinaYear(newYearInChina)).toBe(2027);
    expect(chinaPeriod(newYearInChina)).toBe('2027-01');
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaMidnight('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonthsToDay('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDay('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToDay('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToDay('2026-05-15', 36)).toBe('2029-05-15');
    expect(addMonthsToDay('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonthsToPeriod('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToPeriod('2026-12', 1)).toBe('2027-01');
    expect(lastDayOfPeriod('2028-02')).toBe('2028-02-29');
    expect(lastDayOfPeriod('2027-02')).toBe('2027-02-28');
    expect(lastDayOfPeriod('2026-12')).toBe('2026-12-31');
  });

  it('adds months to an instant on China’s calendar, keeping the China time of day', () => {
    // 1 September 00:30 in China is still 31 August in UTC: six months on is 1 March, not the end of February.
    expect(addMonthsInChina(new Date('2026-08-31T16:30:00Z'), 6).toISOString()).toBe('2027-02-28T16:30:00.000Z');
    // 31 August 20:00 in China: the last day of February, 20:00 in China.
    expect(addMonthsInChina(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(chinaDay(addMonthsInChina(new Date('2026-08-31T12:00:00Z'), 6))).toBe('2027-02-28');
    expect(chinaDay(addMonthsInChina(new Date('2026-08-31T16:30:00Z'), 6))).toBe('2027-03-01');
  });
});

describe('clocks', () => {
  it('a manual clock moves only when told', () => {
    const clock = new ManualClock(new Date('2027-04-30T15:59:00Z'));
    expect(clock.today()).toBe('2027-04-30');
    expect(clock.advance({ minutes: 1 }).toISOString()).toBe('2027-04-30T16:00:00.000Z');
    expect(clock.today()).toBe('2027-05-01');
    expect(clock.period()).toBe('2027-05');
    clock.advance({ days: -45, hours: 1 });
    expect(clock.now().toISOString()).toBe('2027-03-16T17:00:00.000Z');
    clock.set(new Date('2031-01-01T04:00:00Z'));
    expect(clock.year()).toBe(2031);
  });

  it('a clock started at an instant runs at the normal rate from there', async () => {
    const clock = clockStartingAt(new Date('2028-02-29T04:00:00Z'));
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2028-02-29T04:00:00Z'))).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });

  it('production refuses a started clock', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SERVICE_TOKEN_SECRET: 'y'.repeat(40), PII_ENCRYPTION_KEY: 'a', PII_HASH_KEY: 'b' };
    expect(() => loadPlatformConfig(production)).not.toThrow();
    expect(() => loadPlatformConfig({ ...production, CLOCK_START_AT: '2028-02-29T04:00:00Z' })).toThrow(/CLOCK_START_AT/);
    expect(clockFromConfig(loadPlatformConfig({ NODE_ENV: 'test', CLOCK_START_AT: '2028-02-29T04:00:00Z' })).today()).toBe('2028-02-29');
  });
});
