import { addDays, addMonthsToPeriod, chinaDay, chinaPeriod, lastDayOfPeriod } from '@yikatong/platform';
import { passesLuhn } from '../../services/identity/src/domain/luhn';
import { parseResidentId } from '../../services/identity/src/domain/resident-id';
import { COUNTIES, MONTHS_OF_HISTORY, planCity, PROJECTS_PER_COUNTY } from '../../scripts/demo-city/plan';

/** The demo city's plan is drawn around the day of the start: at awkward days too it must hold together. */
const INSTANTS = [
  '2026-12-02T08:00:00Z',
  '2026-12-31T16:30:00Z',
  '2027-03-01T01:00:00Z',
  '2027-04-15T04:00:00Z',
  '2028-02-29T04:00:00Z',
  '2031-01-01T04:00:00Z',
];
const CONTRACTORS = 12;
const DUE_DAYS = 15;

describe.each(INSTANTS)('the demo city planned at %s', (instant) => {
  const now = new Date(instant);
  const today = chinaDay(now);
  const plan = planCity(now, CONTRACTORS, DUE_DAYS);

  it('has the months before this one as its wage history, oldest first', () => {
    const current = chinaPeriod(now);
    expect(plan.months).toEqual(Array.from({ length: MONTHS_OF_HISTORY }, (_, i) => addMonthsToPeriod(current, i - MONTHS_OF_HISTORY)));
    expect(plan.today).toBe(today);
  });

  it('has every county and stage, with unique names, and no step later than today', () => {
    expect(plan.projects).toHaveLength(COUNTIES.length * PROJECTS_PER_COUNTY);
    expect(new Set(plan.projects.map((project) => project.name)).size).toBe(plan.projects.length);
    expect(new Set(plan.projects.map((project) => project.stage))).toEqual(new Set(['BIDDING', 'AWARDED', 'PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED']));
    for (const project of plan.projects) {
      const days = Object.values(project.reached);
      expect(days).toEqual([...days].sort());
      for (const day of days) expect(day <= today).toBe(true);
      if (project.stage === 'CONSTRUCTION') expect(project.reached.CONSTRUCTION! < `${plan.months[0]}-01`).toBe(true);
    }
  });

  it('staffs only the construction sites, each worker with a valid ID number of their own and a card that passes the check', () => {
    const workers = plan.projects.flatMap((project) => project.workers);
    expect(workers.length).toBeGreaterThan(2_000);
    for (const project of plan.projects) {
      if (project.stage === 'CONSTRUCTION') expect(project.workers.length).toBeGreaterThanOrEqual(10);
      else expect(project.workers).toEqual([]);
    }
    expect(new Set(workers.map((worker) => worker.idNumber)).size).toBe(workers.length);
    for (const worker of workers) {
      expect(parseResidentId(worker.idNumber, today)).toHaveProperty('id');
      expect(passesLuhn(worker.cardNumber)).toBe(true);
      expect(worker.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('leaves wages unpaid only at the last two contractors, in a month already due', () => {
    const unpaid = plan.projects.flatMap((project) =>
      Object.entries(project.pay).flatMap(([period, outcome]) => (outcome === 'UNPAID' ? [{ project, period }] : [])),
    );
    expect(unpaid.length).toBeGreaterThan(0);
    for (const { project, period } of unpaid) {
      expect(project.contractor).toBeGreaterThanOrEqual(CONTRACTORS - 2);
      expect(addDays(lastDayOfPeriod(period), DUE_DAYS) < today).toBe(true);
    }
  });
});
