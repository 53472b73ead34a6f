import { randomUUID } from 'node:crypto';
import { arrearsWarningClearedV1, arrearsWarningRaisedV1, createEvent, type CloudEvent } from '@yikatong/contracts';
import { daysBetween, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { PAYROLL_SOURCE } from './wage-account';

/**
 * Arrears early warnings (欠薪预警). There is no national definition: each province keeps a rule
 * table (colour, metric, operator, threshold), seeded with DOMAIN.md's defaults. A project's
 * metrics are measured, every rule whose comparison holds is a warning that should be open, and
 * the open warnings are reconciled to that: new ones raised, resolved ones cleared.
 */
export type WarningColour = 'RED' | 'YELLOW' | 'BLUE';
export type Operator = '>' | '>=' | '<' | '<=' | '=';

export const METRICS = {
  /** Days the most overdue labour-cost instalment is late. */
  fundingOverdueDays: 'FUNDING_OVERDUE_DAYS',
  /** Workers who worked in a cycle whose wages are due but were not paid. */
  workersUnpaid: 'WORKERS_UNPAID',
  /** Paid workers as a percentage of those who worked, in the worst cycle past its due date. */
  paidPercent: 'PAID_PERCENT',
  /** Days since the due date of the oldest cycle with a worker still unpaid. */
  daysWagesOverdue: 'DAYS_WAGES_OVERDUE',
  /** The most one worker was paid for one month on the project, in fen. */
  maxWorkerMonthPayFen: 'MAX_WORKER_MONTH_PAY_FEN',
  /** Complaints against the project still open (welfare). */
  openComplaints: 'OPEN_COMPLAINTS',
  /** Workers who left the project (identity) and were not paid for their last month within the grace days. */
  leaversUnpaid: 'LEAVERS_UNPAID',
} as const;

export type Metric = (typeof METRICS)[keyof typeof METRICS];

export interface WarningRule {
  ruleCode: string;
  colour: WarningColour;
  metric: Metric;
  operator: Operator;
  threshold: number;
  message: string;
}

/** DOMAIN.md's defaults, seeded as the national rows of the table; a province row with the same code replaces one. */
export const DEFAULT_WARNING_RULES: WarningRule[] = [
  {
    ruleCode: 'FUNDING_INSTALMENT_OVERDUE',
    colour: 'BLUE',
    metric: 'FUNDING_OVERDUE_DAYS',
    operator: '>',
    threshold: 0,
    message: 'A labour-cost instalment from the client is overdue.',
  },
  {
    ruleCode: 'FEWER_PAID_THAN_WORKED',
    colour: 'YELLOW',
    metric: 'WORKERS_UNPAID',
    operator: '>',
    threshold: 0,
    message: 'Fewer workers were paid than worked in a cycle whose wages are due.',
  },
  {
    ruleCode: 'WAGES_UNPAID_A_MONTH',
    colour: 'RED',
    metric: 'DAYS_WAGES_OVERDUE',
    operator: '>=',
    threshold: 30,
    message: 'Wages for a cycle are still unpaid a month after they were due.',
  },
  {
    ruleCode: 'UNDER_90_PERCENT_PAID',
    colour: 'RED',
    metric: 'PAID_PERCENT',
    operator: '<',
    threshold: 90,
    message: 'Less than 90 % of the workers who worked in a cycle were paid by the due date.',
  },
  {
    ruleCode: 'WORKER_PAID_OVER_50K',
    colour: 'RED',
    metric: 'MAX_WORKER_MONTH_PAY_FEN',
    operator: '>',
    threshold: 5_000_000,
    message: 'One worker was paid more than ¥50,000 for one month (a laundering signal).',
  },
  { ruleCode: 'COMPLAINT_OPEN', colour: 'YELLOW', metric: 'OPEN_COMPLAINTS', operator: '>', threshold: 0, message: 'A complaint against the project is open.' },
  // Wages are paid in full when the employment ends (《工资支付暂行规定》第九条).
  {
    ruleCode: 'LEAVER_UNPAID',
    colour: 'YELLOW',
    metric: 'LEAVERS_UNPAID',
    operator: '>',
    threshold: 0,
    message: 'A worker who left the project was not paid in full on leaving.',
  },
];

/** Counts, days and percentages are numbers; the money metric is exact fen. */
export type ProjectMetrics = Partial<Record<Exclude<Metric, 'MAX_WORKER_MONTH_PAY_FEN'>, number>> & { MAX_WORKER_MONTH_PAY_FEN?: bigint };

/** Compares a metric with a rule's threshold exactly: JavaScript compares a bigint with a number by their mathematical values. */
const holds = (value: number | bigint, operator: Operator, threshold: number): boolean => {
  const above = value > threshold;
  const below = value < threshold;
  switch (operator) {
    case '>':
      return above;
    case '>=':
      return !below;
    case '<':
      return below;
    case '<=':
      return !above;
    case '=':
      return !above && !below;
  }
};

/** The rules in force for a province: national defaults, replaced by the province's rows with the same code. */
export function rulesInForce(rows: ReadonlyArray<WarningRule & { provinceCode: string }>, provinceCode: string): WarningRule[] {
  const byCode = new Map<string, WarningRule>();
  for (const row of rows.filter((r) => r.provinceCode === '00')) byCode.set(row.ruleCode, row);
  for (const row of rows.filter((r) => r.provinceCode === provinceCode)) byCode.set(row.ruleCode, row);
  return [...byCode.values()];
}

/** Rules whose metric is measured (a metric without data, e.g. no cycle due yet, triggers nothing) and holds. */
export function triggeredRules(rules: readonly WarningRule[], metrics: ProjectMetrics): WarningRule[] {
  return rules.filter((rule) => metrics[rule.metric] !== undefined && holds(metrics[rule.metric]!, rule.operator, rule.threshold));
}

export interface ArrearsWarning {
  id: string;
  projectId: string;
  uscc: string;
  regionCode: string;
  colour: WarningColour;
  ruleCode: string;
  message: string;
  status: 'OPEN' | 'CLEARED';
  version: number;
  raisedAt: Date;
  clearedAt: Date | null;
  clearReason: string | null;
}

export interface Reconciliation {
  raised: ArrearsWarning[];
  cleared: ArrearsWarning[];
  events: OutgoingEvent[];
}

const describe = (rule: WarningRule, metrics: ProjectMetrics) =>
  `${rule.message} (${rule.metric} = ${metrics[rule.metric]}, rule ${rule.operator} ${rule.threshold})`;

export function reconcileWarnings(
  project: { projectId: string; generalContractorUscc: string; regionCode: string },
  open: readonly ArrearsWarning[],
  triggered: readonly WarningRule[],
  metrics: ProjectMetrics,
  at: Date,
): Reconciliation {
  const wanted = new Set(triggered.map((rule) => rule.ruleCode));
  const openCodes = new Set(open.map((warning) => warning.ruleCode));
  const raised = triggered
    .filter((rule) => !openCodes.has(rule.ruleCode))
    .map((rule): ArrearsWarning => ({
      id: randomUUID(),
      projectId: project.projectId,
      uscc: project.generalContractorUscc,
      regionCode: project.regionCode,
      colour: rule.colour,
      ruleCode: rule.ruleCode,
      message: describe(rule, metrics),
      status: 'OPEN',
      version: 1,
      raisedAt: at,
      clearedAt: null,
      clearReason: null,
    }));
  const cleared = open
    .filter((warning) => !wanted.has(warning.ruleCode))
    .map((warning): ArrearsWarning => ({
      ...warning,
      status: 'CLEARED',
      version: warning.version + 1,
      clearedAt: at,
      clearReason: 'The rule no longer holds: the facts behind it were resolved.',
    }));
  const facts = (w: ArrearsWarning) => ({ warningId: w.id, colour: w.colour, projectId: w.projectId, uscc: w.uscc, version: w.version });
  const events = [
    ...raised.map((w) =>
      outgoing(
        arrearsWarningRaisedV1,
        createEvent(
          arrearsWarningRaisedV1,
          PAYROLL_SOURCE,
          w.projectId,
          { ...facts(w), ruleCode: w.ruleCode, message: w.message, raisedAt: at.toISOString() },
          at,
        ) as CloudEvent,
      ),
    ),
    ...cleared.map((w) =>
      outgoing(
        arrearsWarningClearedV1,
        createEvent(
          arrearsWarningClearedV1,
          PAYROLL_SOURCE,
          w.projectId,
          { ...facts(w), reason: w.clearReason!, clearedAt: at.toISOString() },
          at,
        ) as CloudEvent,
      ),
    ),
  ];
  return { raised, cleared, events };
}

/** Per cycle due: who worked and who was paid. The metrics take the worst cycle. */
export interface CycleFacts {
  dueOn: string;
  workersWorked: number;
  workersPaid: number;
}

export interface ProjectFacts {
  cycles: readonly CycleFacts[];
  maxWorkerMonthPayFen: bigint | null;
  oldestOverdueInstalment: string | null;
  openComplaints: number;
  leaversUnpaid: number;
}

export function wageMetrics(facts: ProjectFacts, today: string): ProjectMetrics {
  const { cycles, maxWorkerMonthPayFen, oldestOverdueInstalment } = facts;
  const metrics: ProjectMetrics = { OPEN_COMPLAINTS: facts.openComplaints, LEAVERS_UNPAID: facts.leaversUnpaid };
  const daysSince = (day: string) => daysBetween(day, today);
  const due = cycles.filter((cycle) => cycle.dueOn < today && cycle.workersWorked > 0);
  if (due.length) {
    metrics.WORKERS_UNPAID = Math.max(...due.map((cycle) => Math.max(cycle.workersWorked - cycle.workersPaid, 0)));
    metrics.PAID_PERCENT = Math.min(...due.map((cycle) => Math.min(100, (100 * cycle.workersPaid) / cycle.workersWorked)));
    const unpaid = due
      .filter((cycle) => cycle.workersPaid < cycle.workersWorked)
      .map((cycle) => cycle.dueOn)
      .sort();
    metrics.DAYS_WAGES_OVERDUE = unpaid.length ? daysSince(unpaid[0]!) : 0;
  }
  if (maxWorkerMonthPayFen !== null) metrics.MAX_WORKER_MONTH_PAY_FEN = maxWorkerMonthPayFen;
  metrics.FUNDING_OVERDUE_DAYS = oldestOverdueInstalment && oldestOverdueInstalment < today ? daysSince(oldestOverdueInstalment) : 0;
  return metrics;
}
