import { addDays, chinaDay, daysBetween, instantPlusDays } from '../../src/calendar';

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
