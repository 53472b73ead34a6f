import {
  DEFAULT_WARNING_RULES,
  reconcileWarnings,
  rulesInForce,
  triggeredRules,
  wageMetrics,
  type ArrearsWarning,
  type CycleFacts,
  type ProjectFacts,
} from '../../src/domain/arrears-rules';

const project = { projectId: '00000000-0000-4000-8000-000000000002', generalContractorUscc: '91350100M000100Y43', regionCode: '130502' };
const national = DEFAULT_WARNING_RULES.map((rule) => ({ ...rule, provinceCode: '00' }));
const codes = (rules: Array<{ ruleCode: string }>) => rules.map((rule) => rule.ruleCode).sort();
const at = new Date('2026-12-20T02:00:00Z');
const measured = (cycles: CycleFacts[], today: string, maxPay: bigint | null = null, overdue: string | null = null, extra: Partial<ProjectFacts> = {}) =>
  wageMetrics({ cycles, maxWorkerMonthPayFen: maxPay, oldestOverdueInstalment: overdue, openComplaints: 0, leaversUnpaid: 0, ...extra }, today);

describe('arrears warning rules', () => {
  it('measures the worst cycle past its due date', () => {
    expect(
      measured(
        [
          { dueOn: '2026-11-15', workersWorked: 10, workersPaid: 8 },
          { dueOn: '2026-12-31', workersWorked: 10, workersPaid: 0 },
        ],
        '2026-11-20',
        null,
        null,
      ),
    ).toEqual({ WORKERS_UNPAID: 2, PAID_PERCENT: 80, DAYS_WAGES_OVERDUE: 5, FUNDING_OVERDUE_DAYS: 0, OPEN_COMPLAINTS: 0, LEAVERS_UNPAID: 0 });
    expect(measured([], '2026-11-20', 6_000_000n, '2026-11-10')).toEqual({
      MAX_WORKER_MONTH_PAY_FEN: 6_000_000n,
      FUNDING_OVERDUE_DAYS: 10,
      OPEN_COMPLAINTS: 0,
      LEAVERS_UNPAID: 0,
    });
  });

  it('fires the defaults: blue for a late instalment, yellow for fewer paid, red for a month late, under 90 % or over ¥50k', () => {
    const rules = rulesInForce(national, '13');
    expect(codes(triggeredRules(rules, measured([], '2026-11-20', null, '2026-11-19')))).toEqual(['FUNDING_INSTALMENT_OVERDUE']);
    expect(codes(triggeredRules(rules, measured([{ dueOn: '2026-11-15', workersWorked: 20, workersPaid: 19 }], '2026-11-20', null, null)))).toEqual([
      'FEWER_PAID_THAN_WORKED',
    ]);
    expect(codes(triggeredRules(rules, measured([{ dueOn: '2026-10-15', workersWorked: 20, workersPaid: 17 }], '2026-11-20', 5_000_001n, null)))).toEqual([
      'FEWER_PAID_THAN_WORKED',
      'UNDER_90_PERCENT_PAID',
      'WAGES_UNPAID_A_MONTH',
      'WORKER_PAID_OVER_50K',
    ]);
    expect(triggeredRules(rules, measured([{ dueOn: '2026-10-15', workersWorked: 20, workersPaid: 20 }], '2026-11-20', 5_000_000n, null))).toEqual([]);
  });

  it('compares the large-payment rule in exact fen, above 2^53 too', () => {
    const large = { ...DEFAULT_WARNING_RULES.find((rule) => rule.ruleCode === 'WORKER_PAID_OVER_50K')!, threshold: 2 ** 53 };
    expect(codes(triggeredRules([large], measured([], '2026-11-20', 2n ** 53n + 1n, null)))).toEqual(['WORKER_PAID_OVER_50K']);
    expect(triggeredRules([large], measured([], '2026-11-20', 2n ** 53n, null))).toEqual([]);
    expect(triggeredRules([{ ...large, operator: '=' }], measured([], '2026-11-20', 2n ** 53n, null))).toHaveLength(1);
    expect(triggeredRules([{ ...large, operator: '=' }], measured([], '2026-11-20', 2n ** 53n + 1n, null))).toEqual([]);
  });

  it('fires yellow while a complaint is open or a worker who left is unpaid', () => {
    const rules = rulesInForce(national, '13');
    expect(codes(triggeredRules(rules, measured([], '2026-11-20', null, null, { openComplaints: 1 })))).toEqual(['COMPLAINT_OPEN']);
    expect(codes(triggeredRules(rules, measured([], '2026-11-20', null, null, { leaversUnpaid: 2 })))).toEqual(['LEAVER_UNPAID']);
  });

  it('a province row replaces the national row with the same code', () => {
    const rows = [...national, { ...DEFAULT_WARNING_RULES[3]!, threshold: 95, provinceCode: '13' }];
    expect(rulesInForce(rows, '13').find((rule) => rule.ruleCode === 'UNDER_90_PERCENT_PAID')!.threshold).toBe(95);
    expect(rulesInForce(rows, '44').find((rule) => rule.ruleCode === 'UNDER_90_PERCENT_PAID')!.threshold).toBe(90);
  });

  it('raises what newly holds and clears what no longer does, with versioned events', () => {
    const red = DEFAULT_WARNING_RULES.find((rule) => rule.ruleCode === 'WAGES_UNPAID_A_MONTH')!;
    const first = reconcileWarnings(project, [], [red], { DAYS_WAGES_OVERDUE: 31 }, at);
    expect(first.raised).toEqual([expect.objectContaining({ colour: 'RED', ruleCode: red.ruleCode, status: 'OPEN', version: 1 })]);
    expect(first.events.map((e) => e.envelope.type)).toEqual(['cn.yikatong.payroll.arrears-warning.raised.v1']);
    expect(reconcileWarnings(project, first.raised, [red], {}, at).events).toEqual([]);
    const cleared = reconcileWarnings(project, first.raised as ArrearsWarning[], [], {}, at);
    expect(cleared.cleared).toEqual([expect.objectContaining({ status: 'CLEARED', version: 2 })]);
    expect(cleared.events.map((e) => (e.envelope.data as { version: number }).version)).toEqual([2]);
  });
});
