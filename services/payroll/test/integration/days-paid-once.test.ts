import { addMonthsToPeriod } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { payCycle } from '../../src/domain/pay-cycle';
import type { VerifiedWorker } from '../../src/domain/pay-rules';
import { createPayrollHarness, GC, roles, SUB } from '../support/harness';

/**
 * A worker's day is paid on at most one live sheet of the project, whichever employer prepares it
 * and whether it covers the month or half of it; two half-month sheets never pay more than a month.
 */
const harness = createPayrollHarness();
const db = harness.db;
const SUB2 = '91130500MA0ABCDE1X';

const PREPARE = `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) {
  id cycle totalNet lines(first: 100) { nodes { workerId basePay } } } }`;
const RETURN = `mutation ($id: ID!) { returnWageSheet(sheetId: $id, reason: "重新核对") { status } }`;

type Result = testing.OperationResult;
const error = (result: Result) => result.errors?.[0];
const workersOn = (result: Result) => (result.data!.prepareWageSheet.lines.nodes as Array<{ workerId: string }>).map((line) => line.workerId).sort();
const lastMonth = () => addMonthsToPeriod(harness.clock.period(), -1);
const prepare = (input: Record<string, unknown>, caller = roles.clerk()) => harness.execute(PREPARE, { input }, caller);
/** What identity answers for the same worker in another cycle of the month. */
const alsoIn = (projectId: string, firstDay: string, worker: VerifiedWorker, overrides: Partial<VerifiedWorker> = {}) => {
  const key = `${projectId}|${firstDay}`;
  harness.attendance.set(key, [...(harness.attendance.get(key) ?? []), { ...worker, ...overrides }]);
};
const linesOf = (workerId: string) => db.wageLine.count({ where: { workerId } });

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe("a worker's days are paid once", () => {
  it('a half sheet without workerIds leaves out the full-timers whose month is on a MONTH sheet; naming them is refused', async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    const month = payCycle(period, 'MONTH');
    const [a, b] = [await harness.worker(projectId, month), await harness.worker(projectId, month)];
    const partTimer = await harness.worker(projectId, month, {
      employmentKind: 'PART_TIME',
      rateKind: 'HOURLY',
      rateFen: '3000',
      days: 5,
      hours: 20,
      longestDayHours: 4,
      longestWeekHours: 12,
    });
    // The month sheet with the part-timer is refused; the clerk follows the advice.
    expect(error(await prepare({ projectId, period }))?.extensions?.code).toBe('PART_TIME_CYCLE_TOO_LONG');
    const monthSheet = await prepare({ projectId, period, workerIds: [a!.workerId, b!.workerId] });
    expect(monthSheet.errors).toBeUndefined();

    const firstHalf = await prepare({ projectId, period, cycle: 'FIRST_HALF' });
    expect(firstHalf.errors).toBeUndefined();
    expect(workersOn(firstHalf)).toEqual([partTimer!.workerId]);

    const secondHalf = payCycle(period, 'SECOND_HALF').firstDay;
    alsoIn(projectId, secondHalf, a!);
    alsoIn(projectId, secondHalf, partTimer!);
    const named = await prepare({ projectId, period, cycle: 'SECOND_HALF', employerUscc: SUB, workerIds: [a!.workerId, partTimer!.workerId] }, roles.clerk(GC));
    expect(error(named)?.extensions).toMatchObject({ code: 'DAYS_ALREADY_ON_SHEET', field: 'workerIds' });
    expect(error(named)?.message).toContain(a!.holderName);
    expect(error(named)?.message).not.toContain(partTimer!.holderName);
    expect(await db.wageSheet.count({ where: { projectId } })).toBe(2);

    // Returned, the month sheet pays nobody: its days may go on another sheet.
    expect((await harness.execute(RETURN, { id: monthSheet.data!.prepareWageSheet.id }, roles.officer)).errors).toBeUndefined();
    const again = await prepare({ projectId, period, cycle: 'SECOND_HALF', workerIds: [a!.workerId] });
    expect(again.errors).toBeUndefined();
  });

  it("refuses days on another employer's live sheet, and a month sheet over a half one", async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    const month = payCycle(period, 'MONTH');
    const mover = await harness.worker(projectId, month, { employerUscc: SUB2 });
    expect((await prepare({ projectId, period }, roles.clerk(SUB2))).errors).toBeUndefined();
    // Identity answers the second half with the worker's new employer: the days are paid already.
    alsoIn(projectId, payCycle(period, 'SECOND_HALF').firstDay, mover!, { employerUscc: SUB });
    const refused = await prepare({ projectId, period, cycle: 'SECOND_HALF' });
    expect(error(refused)?.extensions).toMatchObject({ code: 'DAYS_ALREADY_ON_SHEET', field: 'cycle' });
    expect(error(refused)?.message).toContain(mover!.holderName);
    expect(error(refused)?.message).toContain(SUB2);

    const other = await harness.project();
    const fullTimer = await harness.worker(other.projectId, month);
    expect((await prepare({ projectId: other.projectId, period, cycle: 'FIRST_HALF' })).errors).toBeUndefined();
    expect(error(await prepare({ projectId: other.projectId, period, workerIds: [fullTimer!.workerId] }))?.extensions?.code).toBe('DAYS_ALREADY_ON_SHEET');
    expect(error(await prepare({ projectId: other.projectId, period, cycle: 'FIRST_HALF' }))?.extensions?.code).toBe('WAGE_SHEET_EXISTS');
    expect(await db.wageLine.count({ where: { workerId: fullTimer!.workerId } })).toBe(1);
  });

  it('two half-month sheets together never pay more than the monthly rate', async () => {
    const { projectId } = await harness.project();
    const period = lastMonth();
    const monthly = await harness.worker(projectId, payCycle(period, 'FIRST_HALF'), { rateKind: 'MONTHLY', rateFen: '870000', days: 15, hours: 120 });
    alsoIn(projectId, payCycle(period, 'SECOND_HALF').firstDay, monthly!, { days: 16, hours: 128 });
    const first = await prepare({ projectId, period, cycle: 'FIRST_HALF' });
    const second = await prepare({ projectId, period, cycle: 'SECOND_HALF' });
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect([first.data!.prepareWageSheet.totalNet, second.data!.prepareWageSheet.totalNet]).toEqual(['600000', '270000']);
  });
});

describe("two sheets racing for the same workers' days", () => {
  it('exactly one wins; the other is refused naming the workers, and nothing of it is written', async () => {
    for (const workerIds of [undefined, 'listed'] as const) {
      const { projectId } = await harness.project();
      const period = lastMonth();
      const workers = [await harness.worker(projectId, payCycle(period, 'MONTH')), await harness.worker(projectId, payCycle(period, 'MONTH'))];
      const listed = workerIds && workers.map((worker) => worker!.workerId);
      const results = await Promise.all([
        prepare({ projectId, period, cycle: 'MONTH', workerIds: listed }),
        prepare({ projectId, period, cycle: 'FIRST_HALF', employerUscc: SUB, workerIds: listed }, roles.clerk(GC)),
      ]);
      const [won, lost] = results[0].errors ? [results[1], results[0]] : [results[0], results[1]];
      expect(won.errors).toBeUndefined();
      expect(error(lost)?.extensions?.code).toBe('DAYS_ALREADY_ON_SHEET');
      for (const worker of workers) expect(error(lost)?.message).toContain(worker!.holderName);
      expect(workersOn(won)).toEqual(workers.map((worker) => worker!.workerId).sort());
      expect(await db.wageSheet.count({ where: { projectId } })).toBe(1);
      for (const worker of workers) expect(await linesOf(worker!.workerId)).toBe(1);
    }
  });
});
