import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addMonthsToPeriod, makeLocalCertificates } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { startBankConnector, type BankConnectorProcess } from '../support/bank-connector';
import { seededContractorClerks, seedPayrollMonth } from '../support/payroll-month';
import { freshDatabases, startSystem, withDatabase, type RunningSystem } from '../support/system';

/**
 * The reference bank connector (tools/bank-connector) as ICBC would run it, against the whole system
 * with gRPC over mutual TLS: it reads ICBC's payment instructions with ICBC's Kafka user, pays each
 * through the file-backed core-banking demo and reports with its bank:ICBC certificate. Killed with
 * SIGKILL in the middle of a month's payments and started again: every line is paid once, reported
 * with one outcome, and settled; the ledger balances.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2ebank' });
const PROJECTS = 4;
const WORKERS = 240;
const certificates = makeLocalCertificates(mkdtempSync(path.join(tmpdir(), 'yikatong-e2e-certs-')), [
  'service:identity',
  'service:enterprise',
  'service:payroll',
  'service:welfare',
  'bank:ICBC',
]);
const bankDir = mkdtempSync(path.join(tmpdir(), 'yikatong-icbc-'));
let system: RunningSystem;
const connectors: BankConnectorProcess[] = [];

beforeAll(async () => {
  await testing.requireKafka(config);
  await freshDatabases(config);
  system = await startSystem(config, {}, undefined, certificates);
}, 180_000);

afterAll(async () => {
  for (const connector of connectors) await connector.stop();
  await system?.stop();
});

const lineStatuses = () =>
  withDatabase(config, 'payroll', async (db) =>
    Object.fromEntries((await db.query('SELECT status, count(*)::int AS n FROM disbursement_line GROUP BY status')).rows.map((row) => [row.status, row.n])),
  );

it('pays and settles every line once across a kill -9 in the middle of the month', async () => {
  const period = addMonthsToPeriod(system.clock.period(), -1);
  const { projectIds } = await seedPayrollMonth(config, { projects: PROJECTS, workers: WORKERS, daysWorked: 5, period });
  const clerks = await seededContractorClerks(system);
  const sheetIds: string[] = [];
  for (const projectId of projectIds) sheetIds.push(await clerks.prepare(projectId, period));
  expect(await clerks.confirmEveryLine()).toBe(WORKERS);

  const tls = { ca: certificates.ca, ...certificates.of('bank:ICBC') };
  // Slow payments (20 ms each) and small reports, so the kill lands between a payment and its report.
  const first = await startBankConnector(config, { bankCode: 'ICBC', dir: bankDir, tls, settings: { CORE_BANKING_DELAY_MS: '20', REPORT_BATCH_SIZE: '25' } });
  connectors.push(first);
  for (const sheetId of sheetIds) await clerks.reviewAndApprove(sheetId);
  await testing.eventually(async () => (first.reported.length >= 50 ? true : undefined), 120_000, 'the connector to report its first lines');
  await first.kill();
  const atKill = { paid: first.journal().length, statuses: await lineStatuses() };
  // Mid-month: some lines paid and settled, some not yet.
  expect(atKill.statuses.PENDING).toBeGreaterThan(0);
  expect(atKill.paid).toBeLessThan(WORKERS);

  const second = await startBankConnector(config, { bankCode: 'ICBC', dir: bankDir, tls });
  connectors.push(second);
  await testing.eventually(async () => ((await lineStatuses()).PAID === WORKERS ? true : undefined), 180_000, 'every line to be settled PAID');

  // The topic outlives a run: only this run's lines count (an earlier run cut short may have left instructions).
  const ours = new Set(
    await withDatabase(config, 'payroll', async (db) => (await db.query('SELECT id FROM disbursement_line')).rows.map((row) => row.id as string)),
  );
  expect(ours.size).toBe(WORKERS);
  // One payment per line in the bank's journal, however often the line was read.
  const journal = second.journal().filter((entry) => ours.has(entry.lineId));
  expect(journal).toHaveLength(WORKERS);
  expect(new Set(journal.map((entry) => entry.lineId)).size).toBe(WORKERS);
  // Every line reported with one outcome, settled once; repeats after the restart are acknowledged as such.
  const reports = [...first.reported, ...second.reported].filter((report) => ours.has(report.lineId));
  // Each process reports a line once: only what the kill left unreported or uncommitted is reported again, by the second.
  for (const run of [first, second]) expect(run.reported.length).toBe(new Set(run.reported.map((report) => report.lineId)).size);
  const outcomesByLine = new Map<string, Set<string>>();
  for (const report of reports) outcomesByLine.set(report.lineId, (outcomesByLine.get(report.lineId) ?? new Set()).add(report.outcome));
  expect([...outcomesByLine.values()].filter((outcomes) => outcomes.size !== 1)).toEqual([]);
  expect(reports.filter((report) => report.result !== 'SETTLED' && report.result !== 'ALREADY_SETTLED')).toEqual([]);
  expect(reports.filter((report) => report.result === 'SETTLED')).toHaveLength(WORKERS);

  const ledger = await withDatabase(config, 'payroll', async (db) => ({
    paid: (await db.query(`SELECT coalesce(sum(CASE WHEN debit = 'WORKERS_PAID' THEN amount_fen ELSE 0 END), 0)::text AS paid FROM ledger_transfer`)).rows[0]
      .paid as string,
    due: (await db.query('SELECT sum(total_net_fen)::text AS due FROM wage_sheet')).rows[0].due as string,
    // Reserved on approval, released by each settlement: nothing left in flight.
    inFlight: (
      await db.query(
        `SELECT coalesce(sum(CASE WHEN debit = 'PAYMENTS_IN_FLIGHT' THEN amount_fen WHEN credit = 'PAYMENTS_IN_FLIGHT' THEN -amount_fen ELSE 0 END), 0)::text AS n FROM ledger_transfer`,
      )
    ).rows[0].n as string,
    paidSheets: (await db.query("SELECT count(*)::int AS n FROM wage_sheet WHERE status = 'PAID'")).rows[0].n as number,
  }));
  expect(ledger).toEqual({ paid: ledger.due, due: ledger.due, inFlight: '0', paidSheets: PROJECTS });
}, 420_000);
