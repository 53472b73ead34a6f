// npm run bench:payroll — issue #5's target: a city month, 2,000 projects and 100,000 workers with
// attendance, from sheet generation through disbursement events to settlement of every line, in
// under 2 minutes. The four services and the gateway run as separate processes on real PostgreSQL
// and Kafka (test/support/system), as in the end-to-end tests.
//  1. prepare: the general contractor prepares every project's sheet through the gateway (payroll
//     asks identity's VerifyWorkers over gRPC for each project's month).
//  2. review + approve through the gateway: approval reserves the money and writes one
//     disbursement event per line to the outbox.
//  3. events: until a bank consumer on Kafka has received every line's instruction.
//  4. settle: the bank reports every line PAID over gRPC (PayrollSettlement, 1,000 lines a call).
// Not measured: setup written straight to the databases (workers, enrolments, clock-ins, wage
// cards, funded wage accounts) and the workers' own confirmations, which people make on their
// phones over days (marked in one UPDATE here).
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { bankKafkaUser, disbursementTopic } from '@yikatong/contracts';
import { callUnary, createPiiProtector, grpc, maskIdNumber, maskPhone, SCOPES, testing } from '@yikatong/platform';
import { residentIdCheckCharacter } from '../services/identity/src/domain/resident-id';
import { PayrollSettlementService } from '../services/payroll/src/grpc/settlement-server';
import { freshDatabases, graphqlClient, PORTS, startSystem, tokenFor, withDatabase } from '../test/support/system';

const PROJECTS = Number(process.env.PAYROLL_PROJECTS ?? 2_000);
const WORKERS = Number(process.env.PAYROLL_WORKERS ?? 100_000);
const DAYS_WORKED = Number(process.env.DAYS_WORKED ?? 22);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const REPORTS_PER_CALL = 1_000;
const GC = '91350100M000100Y43';
const RATE_FEN = 30_000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');

/** Last month (pay period) and its first DAYS_WORKED days. */
function lastMonth() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { period: first.toISOString().slice(0, 7), first: first.toISOString().slice(0, 10) };
}

function idNumberOf(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `130502${birth}${String(Math.floor(n / 10_000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Runs `task` over items with `concurrency` in flight; returns each call's duration. */
async function inParallel<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Peak resident memory (VmHWM, MiB) and CPU seconds used so far by each service process. */
function processUsage(): Record<string, { peakMiB: number; cpuSeconds: number }> {
  const ticksPerSecond = 100;
  const result: Record<string, { peakMiB: number; cpuSeconds: number }> = {};
  for (const name of ['identity', 'enterprise', 'payroll', 'welfare', 'gateway']) {
    const entry = name === 'gateway' ? 'gateway/src/main.ts' : `services/${name}/src/main.ts`;
    const pids = execFileSync('pgrep', ['-f', entry], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    let peakKiB = 0;
    let ticks = 0;
    for (const pid of pids) {
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    result[name] = { peakMiB: Math.round(peakKiB / 1024), cpuSeconds: Math.round(ticks / ticksPerSecond) };
  }
  return result;
}

async function setup(config: ReturnType<typeof testing.testConfig>) {
  const pii = createPiiProtector(config);
  const month = lastMonth();
  const projectIds = Array.from({ length: PROJECTS }, () => randomUUID());
  const workerIds = Array.from({ length: WORKERS }, () => randomUUID());
  const cardCipher = pii.encrypt('6222021234567890128');
  await withDatabase(config, 'identity', async (client) => {
    for (let offset = 0; offset < WORKERS; offset += 10_000) {
      const slice = workerIds.slice(offset, offset + 10_000);
      const idNumbers = slice.map((_, i) => idNumberOf(offset + i));
      await client.query(
        `INSERT INTO worker (id, name, id_number_cipher, id_number_hash, id_number_masked, birth_date, sex, phone_cipher, phone_masked, education, trade_code,
                             region_code, registered_by, registered_at, safety_trained_on, wage_bank_code, wage_card_cipher, wage_card_masked, wage_card_luhn_valid, wage_card_version)
         SELECT id, '基准工人', c, h, m, b, 'MALE', $5, $6, 'JUNIOR_SECONDARY', 'MASON', '130502', 'bench', now(), current_date - 100, 'ICBC', $7, '6222***********0128', true, 1
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $8::date[]) AS t(id, c, h, m, b)`,
        [
          slice,
          idNumbers.map((id) => pii.encrypt(id)),
          idNumbers.map((id) => pii.lookupHash(id)),
          idNumbers.map(maskIdNumber),
          pii.encrypt('13812345678'),
          maskPhone('13812345678'),
          cardCipher,
          idNumbers.map((id) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`),
        ],
      );
    }
    await client.query(`INSERT INTO project (id, name, region_code, general_contractor_uscc) SELECT p, '基准项目', '130502', $2 FROM unnest($1::uuid[]) AS p`, [
      projectIds,
      GC,
    ]);
    await client.query(
      `INSERT INTO enrolment (id, worker_id, project_id, employer_uscc, region_code, contract_type, trade_code, rate_kind, rate_fen, employment_kind, start_date, status, created_by, created_at)
       SELECT gen_random_uuid(), w, p, $3, '130502', 'LABOUR_CONTRACT', 'MASON', 'DAILY', $4, 'FULL_TIME', $5::date, 'ACTIVE', 'bench', now()
         FROM unnest($1::uuid[], $2::uuid[]) AS t(w, p)`,
      [workerIds, workerIds.map((_, w) => projectIds[w % PROJECTS]), GC, RATE_FEN, month.first],
    );
    // In at 08:00 and out at 17:00 China time on each of the first DAYS_WORKED days of the month.
    await client.query(
      `INSERT INTO attendance_record (device_id, device_record_id, worker_id, project_id, enrolment_id, method, at)
       SELECT 'bench-gate', e.id::text || '-' || d || '-' || io, e.worker_id, e.project_id, e.id, 'FINGERPRINT',
              $1::date + (d - 1) * interval '1 day' + CASE io WHEN 0 THEN interval '0 hour' ELSE interval '9 hour' END
         FROM enrolment e CROSS JOIN generate_series(1, $2::int) d CROSS JOIN (VALUES (0), (1)) AS t(io)`,
      [month.first, DAYS_WORKED],
    );
    await client.query('ANALYZE');
  });
  await withDatabase(config, 'payroll', async (client) => {
    await client.query(
      `INSERT INTO minimum_wage (id, region_code, monthly_fen, hourly_fen, effective_from) VALUES ($1, '130000', 220000, 2200, '2025-01-01')`,
      [randomUUID()],
    );
    await client.query(
      `INSERT INTO payroll_project (project_id, general_contractor_uscc, region_code, stage, updated_at) SELECT p, $2, '130502', 'CONSTRUCTION', now() FROM unnest($1::uuid[]) AS p`,
      [projectIds, GC],
    );
    await client.query(
      `INSERT INTO wage_account (id, project_id, general_contractor_uscc, bank_code, bank_name, account_number, status, requested_at, opened_at)
       SELECT gen_random_uuid(), p, $2, 'CCB', '中国建设银行邢台分行', '1305016152080' || lpad(n::text, 7, '0'), 'ACTIVE', now(), now() FROM unnest($1::uuid[]) WITH ORDINALITY AS t(p, n)`,
      [projectIds, GC],
    );
    // Each project's account holds what its workers earn, as a client's receipt and its ledger transfer.
    const perProject = BigInt(Math.ceil(WORKERS / PROJECTS) * RATE_FEN * DAYS_WORKED);
    await client.query(
      `WITH receipts AS (
         INSERT INTO funding_receipt (id, account_id, project_id, amount_fen, bank_reference, received_at, recorded_by)
         SELECT gen_random_uuid(), a.id, a.project_id, $1, 'BENCH-' || a.project_id, now(), 'bench' FROM wage_account a RETURNING id, project_id, amount_fen)
       INSERT INTO ledger_transfer (project_id, debit, credit, amount_fen, cause, cause_id, at)
       SELECT project_id, 'WAGE_ACCOUNT', 'CLIENT_FUNDING', amount_fen, 'FUNDING', id::text, now() FROM receipts`,
      [perProject.toString()],
    );
    for (let offset = 0; offset < WORKERS; offset += 10_000) {
      const slice = workerIds.slice(offset, offset + 10_000);
      await client.query(
        `INSERT INTO worker_wage_card (worker_id, holder_name_cipher, bank_code, card_number_cipher, card_masked, luhn_valid, version, changed_at)
         SELECT w, $2, 'ICBC', $3, '6222***********0128', true, 1, now() FROM unnest($1::uuid[]) AS w`,
        [slice, pii.encrypt('基准工人'), cardCipher],
      );
    }
    await client.query('ANALYZE');
  });
  return { projectIds, month };
}

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  const icbc = await testing.requireKafka(config, bankKafkaUser('ICBC'));
  await freshDatabases(config);
  let started = performance.now();
  const { projectIds, month } = await setup(config);
  console.log(
    `setup: ${WORKERS.toLocaleString('en-US')} workers × ${DAYS_WORKED} days of clock-ins on ${PROJECTS.toLocaleString('en-US')} projects in ${seconds(performance.now() - started)} s (not measured)`,
  );

  const system = await startSystem(config, { LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '20' });
  const received = new Set<string>();
  const bank = new Kafka({ clientId: 'bench-bank', ...icbc, logLevel: logLevel.NOTHING }).consumer({
    groupId: `${bankKafkaUser('ICBC')}.bench-${randomUUID()}`,
  });
  const pending: string[] = [];
  const ours = new Set<string>(projectIds);
  try {
    await bank.connect();
    await bank.subscribe({ topic: disbursementTopic('ICBC'), fromBeginning: true });
    await bank.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const { data } = JSON.parse(message.value!.toString()) as { data: { lineId: string; projectId: string } };
          // The topic keeps earlier runs' instructions: only this month's projects count.
          if (!ours.has(data.projectId) || received.has(data.lineId)) continue;
          pending.push(data.lineId);
          received.add(data.lineId);
        }
      },
    });
    const preparer = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-clerk', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.wagesPrepare }));
    const officer = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-officer', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.wagesReview }));
    const approver = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-manager', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.wagesApprove }));
    const fail = (what: string, errors: unknown) => {
      throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
    };

    const sheetIds: string[] = [];
    started = performance.now();
    await inParallel(projectIds, CONCURRENCY, async (projectId) => {
      const result = await preparer<{ prepareWageSheet: { id: string } }>(
        `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) { id } }`,
        { input: { projectId, period: month.period } },
      );
      if (result.errors) fail('prepare', result.errors);
      sheetIds.push(result.data!.prepareWageSheet.id);
    });
    const prepareMs = performance.now() - started;
    const lines = await withDatabase(config, 'payroll', async (client) => {
      const count = Number((await client.query('SELECT count(*) FROM wage_line')).rows[0].count);
      await client.query('UPDATE wage_line SET confirmed_at = now()');
      return count;
    });
    console.log(`1. prepare: ${sheetIds.length} sheets, ${lines.toLocaleString('en-US')} lines in ${seconds(prepareMs)} s — ${rate(lines, prepareMs)} lines/s`);

    // The bank settles while instructions arrive, as a bank's system would: each call of 1,000 as soon as it is full.
    const client = new PayrollSettlementService(`127.0.0.1:${PORTS.payrollGrpc}`, grpc.credentials.createInsecure());
    const token = await tokenFor(config, { sub: 'icbc-ops', kind: 'BANK', bank: 'ICBC' });
    let settled = 0;
    let settleCallsMs = 0;
    let eventsMs = 0;
    const reportPending = async (force: boolean) => {
      while (pending.length >= REPORTS_PER_CALL || (force && pending.length > 0)) {
        const chunk = pending.splice(0, REPORTS_PER_CALL);
        const callStarted = performance.now();
        const response = await callUnary<{ results: Array<{ result: string }> }>(
          client,
          'ReportSettlements',
          {
            reports: chunk.map((lineId, i) => ({ lineId, outcome: 'PAID', bankReference: `ICBC-${settled + i}`, failureReason: '', settledAt: '' })),
          },
          { token, deadlineMs: 120_000 },
        );
        settleCallsMs += performance.now() - callStarted;
        settled += response.results.filter((r) => r.result === 'SETTLED').length;
      }
    };
    started = performance.now();
    const bankAtWork = (async () => {
      while (settled < lines) {
        if (received.size === lines && eventsMs === 0) eventsMs = performance.now() - started;
        await reportPending(received.size === lines);
        if (settled < lines) await new Promise((resolve) => setTimeout(resolve, 50));
        if (performance.now() - started > 900_000)
          throw new Error(`only ${settled} of ${lines} lines settled after 15 minutes (${received.size} instructions received)`);
      }
    })();
    await inParallel(sheetIds, CONCURRENCY, async (id) => {
      const reviewed = await officer(`mutation ($id: ID!) { reviewWageSheet(sheetId: $id) { status } }`, { id });
      if (reviewed.errors) fail('review', reviewed.errors);
      const approved = await approver(`mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status } }`, { id });
      if (approved.errors) fail('approve', approved.errors);
    });
    const approveMs = performance.now() - started;
    console.log(`2. review + approve: ${sheetIds.length} sheets in ${seconds(approveMs)} s — ${rate(lines, approveMs)} lines/s (the bank settling meanwhile)`);
    await bankAtWork;
    client.close();
    if (eventsMs === 0) eventsMs = performance.now() - started;
    const settleMs = performance.now() - started;
    const endToEndMs = prepareMs + settleMs;
    console.log(`3. events: all ${received.size.toLocaleString('en-US')} instructions at the bank ${seconds(eventsMs)} s after approvals began`);
    console.log(
      `4. settle: the last of ${settled.toLocaleString('en-US')} lines settled ${seconds(settleMs)} s after approvals began, ${seconds(settleMs - approveMs)} s after they ended (gRPC calls ${seconds(settleCallsMs)} s in all — ${rate(settled, settleCallsMs)} lines/s)`,
    );

    const check = await withDatabase(
      config,
      'payroll',
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT count(*) FROM disbursement_line WHERE status <> 'PAID')::int AS unpaid,
              (SELECT count(*) FROM wage_sheet WHERE status <> 'PAID')::int AS unpaid_sheets,
              (SELECT coalesce(sum(CASE WHEN debit = 'WORKERS_PAID' THEN amount_fen ELSE 0 END), 0) FROM ledger_transfer)::bigint AS paid,
              (SELECT sum(total_net_fen) FROM wage_sheet)::bigint AS due,
              (SELECT count(*) FROM arrears_warning WHERE status = 'OPEN')::int AS open_warnings`,
          )
        ).rows[0],
    );
    console.log(
      `check: unpaid lines ${check.unpaid}, unpaid sheets ${check.unpaid_sheets}, paid ${check.paid} fen of ${check.due} due, open warnings ${check.open_warnings}`,
    );
    console.log(`whole month (prepare → last settlement): ${seconds(endToEndMs)} s — ${rate(lines, endToEndMs)} lines/s (target < 120 s)`);
    console.log(
      `per process: ${JSON.stringify(processUsage())}; bench process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
  } finally {
    await bank.disconnect();
    await system.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
