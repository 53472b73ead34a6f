import { addDays, appendToOutbox, chinaDay } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import {
  DEFAULT_WARNING_RULES,
  reconcileWarnings,
  rulesInForce,
  triggeredRules,
  wageMetrics,
  type ArrearsWarning,
  type CycleFacts,
  type WarningRule,
} from '../domain/arrears-rules';
import { payCycle } from '../domain/pay-cycle';

/** Seeds the national default rows of the rule table when it has none (a fresh installation). */
export async function seedDefaultWarningRules(tx: PayrollTx): Promise<void> {
  if ((await tx.warningRule.count({ where: { provinceCode: '00' } })) > 0) return;
  await tx.warningRule.createMany({ data: DEFAULT_WARNING_RULES.map((rule) => ({ ...rule, provinceCode: '00' })), skipDuplicates: true });
}

interface MeasuredFacts {
  cycles: Array<{ period: string; worked: number; paid: number }>;
  maxPay: string | null;
  overdueSince: string | null;
  openComplaints: number;
  leaversUnpaid: number;
}

/**
 * Everything the metrics need in one statement: per month with attendance or a sheet, who worked
 * (attendance or sheet lines, the larger) and who was paid; the most one worker was paid for a
 * month; the oldest instalment not fully paid; open complaints; leavers not paid for their last month
 * who left before `leftBefore`.
 */
async function measure(tx: PayrollTx, projectId: string, leftBefore: string): Promise<MeasuredFacts> {
  const [row] = await tx.$queryRawUnsafe<MeasuredFacts[]>(
    `WITH periods AS (
       SELECT period FROM attendance_month WHERE project_id = $1::uuid
       UNION SELECT period FROM wage_sheet WHERE project_id = $1::uuid AND status <> 'RETURNED'),
     paid AS (
       SELECT s.period, d.worker_id, sum(d.amount_fen) AS total FROM disbursement_line d JOIN wage_sheet s ON s.id = d.sheet_id
        WHERE d.project_id = $1::uuid AND d.status = 'PAID' GROUP BY 1, 2)
     SELECT
       (SELECT coalesce(json_agg(json_build_object(
          'period', p.period,
          'worked', greatest(coalesce((SELECT workers FROM attendance_month a WHERE a.project_id = $1::uuid AND a.period = p.period), 0),
                             (SELECT count(DISTINCT l.worker_id) FROM wage_line l JOIN wage_sheet s ON s.id = l.sheet_id
                               WHERE l.project_id = $1::uuid AND l.period = p.period AND s.status <> 'RETURNED')),
          'paid', (SELECT count(*) FROM paid WHERE paid.period = p.period))), '[]'::json) FROM periods p) AS cycles,
       (SELECT max(total)::text FROM paid) AS "maxPay",
       (SELECT to_char(min(due_on), 'YYYY-MM-DD') FROM funding_instalment WHERE project_id = $1::uuid AND paid_fen < amount_fen) AS "overdueSince",
       (SELECT count(*)::int FROM open_complaint WHERE project_id = $1::uuid) AS "openComplaints",
       (SELECT count(*)::int FROM leaver lv WHERE lv.project_id = $1::uuid AND lv.end_date < $2
           AND NOT EXISTS (SELECT 1 FROM disbursement_line d JOIN wage_sheet s ON s.id = d.sheet_id
                            WHERE d.project_id = $1::uuid AND d.worker_id = lv.worker_id AND d.status = 'PAID' AND s.period = substr(lv.end_date, 1, 7))) AS "leaversUnpaid"`,
    projectId,
    leftBefore,
  );
  return row!;
}

/**
 * Judges projects' warnings against the rule table and writes the difference (raised and cleared
 * warnings, with their events) in the caller's transaction. The project row is locked so two
 * judgements of the same project never race. The rule table is read at most once a minute:
 * a province's change takes effect within that. The cache's age is a duration, so it is measured
 * by `performance.now()`, not by the business clock (which tests pin and move).
 */
export class WarningJudge {
  private rules: { rows: Array<WarningRule & { provinceCode: string }>; readAt: number } | undefined;

  constructor(
    readonly dueDaysAfterCycle: number,
    private readonly leaverGraceDays: number,
    private readonly rulesMaxAgeMs = 60_000,
  ) {}

  async judge(tx: PayrollTx, projectId: string, now: Date): Promise<{ raised: ArrearsWarning[]; cleared: ArrearsWarning[] }> {
    const [project] = await tx.$queryRawUnsafe<Array<{ projectId: string; generalContractorUscc: string; regionCode: string }>>(
      `SELECT project_id::text AS "projectId", general_contractor_uscc AS "generalContractorUscc", region_code AS "regionCode"
         FROM payroll_project WHERE project_id = $1::uuid FOR UPDATE`,
      projectId,
    );
    if (!project) return { raised: [], cleared: [] };
    // One after another: a transaction runs its statements on one connection.
    const rules = rulesInForce(await this.ruleRows(tx), project.regionCode.slice(0, 2));
    const today = chinaDay(now);
    const facts = await measure(tx, projectId, addDays(today, -this.leaverGraceDays));
    const open = await tx.arrearsWarning.findMany({ where: { projectId, status: 'OPEN' } });
    const cycles: CycleFacts[] = facts.cycles.map((cycle) => ({
      dueOn: addDays(payCycle(cycle.period, 'MONTH').lastDay, this.dueDaysAfterCycle),
      workersWorked: cycle.worked,
      workersPaid: cycle.paid,
    }));
    const metrics = wageMetrics(
      {
        cycles,
        maxWorkerMonthPayFen: facts.maxPay === null ? null : BigInt(facts.maxPay),
        oldestOverdueInstalment: facts.overdueSince,
        openComplaints: facts.openComplaints,
        leaversUnpaid: facts.leaversUnpaid,
      },
      today,
    );
    const result = reconcileWarnings(project, open, triggeredRules(rules, metrics), metrics, now);
    if (result.raised.length) await tx.arrearsWarning.createMany({ data: result.raised });
    if (result.cleared.length) {
      await tx.$executeRawUnsafe(
        `UPDATE arrears_warning w SET status = 'CLEARED', version = c.version, cleared_at = c.at, clear_reason = c.reason
           FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[]) AS c(id, version, at, reason) WHERE w.id = c.id`,
        result.cleared.map((w) => w.id),
        result.cleared.map((w) => w.version),
        result.cleared.map((w) => w.clearedAt!.toISOString()),
        result.cleared.map((w) => w.clearReason),
      );
    }
    await appendToOutbox(tx, result.events);
    return result;
  }

  private async ruleRows(tx: PayrollTx): Promise<Array<WarningRule & { provinceCode: string }>> {
    if (!this.rules || performance.now() - this.rules.readAt > this.rulesMaxAgeMs) {
      this.rules = { rows: (await tx.warningRule.findMany()) as Array<WarningRule & { provinceCode: string }>, readAt: performance.now() };
    }
    return this.rules.rows;
  }
}
