import { appendToOutbox, chinaDay } from '@yikatong/platform';
import type { PayrollTx } from '../db';
import { DEFAULT_WARNING_RULES, reconcileWarnings, rulesInForce, triggeredRules, wageMetrics, type ArrearsWarning, type CycleFacts, type WarningRule } from '../domain/arrears-rules';
import { addDays, payCycle } from '../domain/pay-cycle';

/** Seeds the national default rows of the rule table when it has none (a fresh installation). */
export async function seedDefaultWarningRules(tx: PayrollTx): Promise<void> {
  if ((await tx.warningRule.count({ where: { provinceCode: '00' } })) > 0) return;
  await tx.warningRule.createMany({ data: DEFAULT_WARNING_RULES.map((rule) => ({ ...rule, provinceCode: '00' })), skipDuplicates: true });
}

/** Per month with attendance or a sheet: who worked (attendance or sheet lines, the larger) and who was paid. */
async function cycleFacts(tx: PayrollTx, projectId: string, dueDaysAfterCycle: number): Promise<CycleFacts[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ period: string; worked: number; paid: number }>>(
    `WITH periods AS (
       SELECT period FROM attendance_month WHERE project_id = $1::uuid
       UNION SELECT period FROM wage_sheet WHERE project_id = $1::uuid AND status <> 'RETURNED')
     SELECT p.period,
            greatest(coalesce((SELECT workers FROM attendance_month a WHERE a.project_id = $1::uuid AND a.period = p.period), 0),
                     (SELECT count(DISTINCT l.worker_id) FROM wage_line l JOIN wage_sheet s ON s.id = l.sheet_id
                       WHERE l.project_id = $1::uuid AND l.period = p.period AND s.status <> 'RETURNED'))::int AS worked,
            (SELECT count(DISTINCT d.worker_id) FROM disbursement_line d JOIN wage_sheet s ON s.id = d.sheet_id
              WHERE d.project_id = $1::uuid AND s.period = p.period AND d.status = 'PAID')::int AS paid
       FROM periods p`,
    projectId,
  );
  return rows.map((row) => ({ dueOn: addDays(payCycle(row.period, 'MONTH').lastDay, dueDaysAfterCycle), workersWorked: row.worked, workersPaid: row.paid }));
}

async function maxWorkerMonthPay(tx: PayrollTx, projectId: string): Promise<bigint | null> {
  const [row] = await tx.$queryRawUnsafe<Array<{ most: bigint | null }>>(
    `SELECT max(total)::bigint AS most FROM (
       SELECT s.period, d.worker_id, sum(d.amount_fen) AS total FROM disbursement_line d JOIN wage_sheet s ON s.id = d.sheet_id
        WHERE d.project_id = $1::uuid AND d.status = 'PAID' GROUP BY 1, 2) per_worker`,
    projectId,
  );
  return row?.most === null || row?.most === undefined ? null : BigInt(row.most);
}

async function oldestOverdueInstalment(tx: PayrollTx, projectId: string): Promise<string | null> {
  const [row] = await tx.$queryRawUnsafe<Array<{ due: string | null }>>(
    `SELECT to_char(min(due_on), 'YYYY-MM-DD') AS due FROM funding_instalment WHERE project_id = $1::uuid AND paid_fen < amount_fen`,
    projectId,
  );
  return row?.due ?? null;
}

/**
 * Judges one project's warnings against the rule table and writes the difference (raised and
 * cleared warnings, with their events) in the caller's transaction. The project row is locked so
 * two judgements of the same project never race.
 */
export async function judgeProjectWarnings(tx: PayrollTx, projectId: string, dueDaysAfterCycle: number, now: Date): Promise<{ raised: ArrearsWarning[]; cleared: ArrearsWarning[] }> {
  await tx.$executeRawUnsafe('SELECT 1 FROM payroll_project WHERE project_id = $1::uuid FOR UPDATE', projectId);
  const project = await tx.payrollProject.findUnique({ where: { projectId } });
  if (!project) return { raised: [], cleared: [] };
  // One after another: a transaction runs its statements on one connection.
  const ruleRows = await tx.warningRule.findMany({ where: { provinceCode: { in: ['00', project.regionCode.slice(0, 2)] } } });
  const cycles = await cycleFacts(tx, projectId, dueDaysAfterCycle);
  const maxPay = await maxWorkerMonthPay(tx, projectId);
  const overdueSince = await oldestOverdueInstalment(tx, projectId);
  const open = await tx.arrearsWarning.findMany({ where: { projectId, status: 'OPEN' } });
  const rules = rulesInForce(ruleRows as Array<WarningRule & { provinceCode: string }>, project.regionCode.slice(0, 2));
  const metrics = wageMetrics(cycles, chinaDay(now), maxPay, overdueSince);
  const result = reconcileWarnings(project, open, triggeredRules(rules, metrics), metrics, now);
  if (result.raised.length) await tx.arrearsWarning.createMany({ data: result.raised });
  for (const warning of result.cleared) {
    await tx.arrearsWarning.update({ where: { id: warning.id }, data: { status: 'CLEARED', version: warning.version, clearedAt: warning.clearedAt, clearReason: warning.clearReason } });
  }
  await appendToOutbox(tx, result.events);
  return result;
}
