// npm run bench:attendance — issue #3's targets, through the gateway on real PostgreSQL and Kafka.
//  1. Ingest ATTENDANCE_RECORDS (default 1,000,000) clock-ins in batches of 1,000 through the
//     gateway (CONCURRENCY parallel devices, default 4) and report records/s.
//  2. COPY the same rows straight into a copy of attendance_record (same indexes) and report rows/s
//     and the ratio (target: the graph path at least 20 % of raw COPY).
//  3. With LOOKUP_WORKERS (default 1,000,000) workers registered, find LOOKUPS workers by ID number
//     through the gateway and report p50/p99 (target p99 under 10 ms).
// Setup (workers, projects, enrolments) is written straight to the database and is not measured.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { createPiiProtector, maskIdNumber, maskPhone, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { residentIdCheckCharacter } from '../services/identity/src/domain/resident-id';
import { freshDatabases, graphqlClient, startSystem, tokenFor, withDatabase } from '../test/support/system';
import { percentile } from './percentile';

const RECORDS = Number(process.env.ATTENDANCE_RECORDS ?? 1_000_000);
const LOOKUP_WORKERS = Number(process.env.LOOKUP_WORKERS ?? 1_000_000);
const LOOKUPS = Number(process.env.LOOKUPS ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const BATCH = 1_000;
const PROJECTS = 10;
const ENROLLED = 10_000;
const DAYS = Math.ceil(RECORDS / (ENROLLED * 2));
const USCC = '91350100M000100Y43';

/** Worker n's ID number: region 130502, a birth date from 1970 on, a sequence; all distinct. */
function idNumberOf(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `130502${birth}${String(Math.floor(n / 10_000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function main() {
  process.env.ATTENDANCE_MAX_UPLOAD_DELAY_DAYS = String(DAYS + 5);
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  const pii = createPiiProtector(config);
  const workerIds: string[] = [];
  const projectIds = Array.from({ length: PROJECTS }, () => randomUUID());
  const enrolmentIds: string[] = [];

  let started = performance.now();
  await withDatabase(config, 'identity', async (client) => {
    for (let offset = 0; offset < LOOKUP_WORKERS; offset += 10_000) {
      const ids: string[] = [],
        ciphers: string[] = [],
        hashes: string[] = [],
        masks: string[] = [],
        births: string[] = [],
        phoneCiphers: string[] = [];
      for (let n = offset; n < Math.min(offset + 10_000, LOOKUP_WORKERS); n += 1) {
        const idNumber = idNumberOf(n);
        const id = randomUUID();
        workerIds.push(id);
        ids.push(id);
        ciphers.push(pii.encrypt(idNumber));
        hashes.push(pii.lookupHash(idNumber));
        masks.push(maskIdNumber(idNumber));
        births.push(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
        phoneCiphers.push(pii.encrypt('13812345678'));
      }
      await client.query(
        `INSERT INTO worker (id, name, id_number_cipher, id_number_hash, id_number_masked, birth_date, sex, phone_cipher, phone_masked, education, trade_code, region_code, registered_by, registered_at, safety_trained_on)
         SELECT id, '基准工人', c, h, m, b, 'MALE', p, $7, 'JUNIOR_SECONDARY', 'MASON', '130502', 'bench', now(), current_date - 100
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) AS t(id, c, h, m, b, p)`,
        [ids, ciphers, hashes, masks, births, phoneCiphers, maskPhone('13812345678')],
      );
    }
    for (const projectId of projectIds) {
      await client.query(`INSERT INTO project (id, name, region_code, general_contractor_uscc) VALUES ($1, '基准项目', '130502', $2)`, [projectId, USCC]);
    }
    const start = new Date(Date.now() - (DAYS + 2) * 86_400_000).toISOString().slice(0, 10);
    for (let w = 0; w < ENROLLED; w += 1) enrolmentIds.push(randomUUID());
    await client.query(
      `INSERT INTO enrolment (id, worker_id, project_id, employer_uscc, region_code, contract_type, trade_code, rate_kind, rate_fen, employment_kind, start_date, status, created_by, created_at)
       SELECT e, w, p, $4, '130502', 'LABOUR_CONTRACT', 'MASON', 'DAILY', 30000, 'FULL_TIME', $5::date, 'ACTIVE', 'bench', now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(e, w, p)`,
      [enrolmentIds, workerIds.slice(0, ENROLLED), workerIds.slice(0, ENROLLED).map((_, w) => projectIds[w % PROJECTS]), USCC, start],
    );
    await client.query('ANALYZE');
  });
  console.log(`setup: ${LOOKUP_WORKERS} workers, ${ENROLLED} enrolments on ${PROJECTS} projects in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Record r: worker r / (2 * DAYS), day, in or out; a unique photo hash per face clock-in.
  const recordAt = (r: number) => {
    const worker = Math.floor(r / (DAYS * 2)) % ENROLLED;
    const day = Math.floor(r / 2) % DAYS;
    const at = new Date(Date.now() - (day + 1) * 86_400_000 + (r % 2 === 0 ? 0 : 9 * 3_600_000) - 12 * 3_600_000);
    return { worker, at };
  };
  const record = (r: number) => {
    const { worker, at } = recordAt(r);
    return {
      deviceRecordId: `r${r}`,
      deviceId: `gate-${worker % PROJECTS}`,
      workerId: workerIds[worker]!,
      projectId: projectIds[worker % PROJECTS]!,
      method: 'FACE',
      at: at.toISOString(),
      photoHash: `sha256:${r.toString(16)}`,
    };
  };

  const system = await startSystem(config);
  try {
    const device = graphqlClient(
      system.gatewayUrl,
      await tokenFor(config, { sub: 'bench-gate', kind: 'ENTERPRISE', uscc: USCC, scope: SCOPES.attendanceWrite }),
    );
    const RECORD = `mutation ($records: [ClockInInput!]!) { recordAttendance(records: $records) { accepted duplicates anomalies rejected { code } } }`;
    let next = 0;
    let accepted = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const first = next;
          next += BATCH;
          if (first >= RECORDS) return;
          const records = Array.from({ length: Math.min(BATCH, RECORDS - first) }, (_, i) => record(first + i));
          const result = await device<{ recordAttendance: { accepted: number; rejected: Array<{ code: string }> } }>(RECORD, { records });
          const outcome = result.data?.recordAttendance;
          if (!outcome || outcome.rejected.length) throw new Error(JSON.stringify(result.errors ?? outcome?.rejected.slice(0, 3)));
          accepted += outcome.accepted;
        }
      }),
    );
    const graphSeconds = (performance.now() - started) / 1000;

    const copySeconds = await withDatabase(config, 'identity', async (client) => {
      await client.query('DROP TABLE IF EXISTS attendance_copy');
      await client.query('CREATE TABLE attendance_copy (LIKE attendance_record INCLUDING ALL)');
      const enrolmentOf = (worker: number) => enrolmentIds[worker]!;
      const began = performance.now();
      async function* rows() {
        for (let r = 0; r < RECORDS; r += 1) {
          const row = record(r);
          yield `${row.deviceId}\t${row.deviceRecordId}\t${row.workerId}\t${row.projectId}\t${enrolmentOf(recordAt(r).worker)}\tFACE\t${row.at}\t${row.photoHash}\n`;
        }
      }
      await pipeline(
        Readable.from(rows()),
        client.query(copyFrom('COPY attendance_copy (device_id, device_record_id, worker_id, project_id, enrolment_id, method, at, photo_hash) FROM STDIN')),
      );
      const seconds = (performance.now() - began) / 1000;
      await client.query('DROP TABLE attendance_copy');
      return seconds;
    });

    const portal = graphqlClient(
      system.gatewayUrl,
      await tokenFor(config, { sub: 'bench-clerk', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }),
    );
    const LOOKUP = `query ($n: String!) { workerByIdNumber(idNumber: $n) { id } }`;
    const latencies: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 1) {
      const n = Math.floor(Math.random() * LOOKUP_WORKERS);
      const began = performance.now();
      const result = await portal<{ workerByIdNumber: { id: string } | null }>(LOOKUP, { n: idNumberOf(n) });
      latencies.push(performance.now() - began);
      if (result.data?.workerByIdNumber?.id !== workerIds[n]) throw new Error(`lookup ${n} answered ${JSON.stringify(result)}`);
    }
    latencies.sort((a, b) => a - b);

    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(
      `graph ingest: ${accepted} records in ${graphSeconds.toFixed(1)} s = ${(accepted / graphSeconds).toFixed(0)} records/s (batches of ${BATCH}, ${CONCURRENCY} concurrent)`,
    );
    console.log(`raw COPY: ${RECORDS} rows in ${copySeconds.toFixed(1)} s = ${(RECORDS / copySeconds).toFixed(0)} rows/s`);
    console.log(`ratio graph / COPY: ${((accepted / graphSeconds / (RECORDS / copySeconds)) * 100).toFixed(1)} % (target ≥ 20 %)`);
    console.log(
      `workerByIdNumber with ${LOOKUP_WORKERS} workers, ${LOOKUPS} sequential lookups through the gateway: p50=${percentile(latencies, 50).toFixed(2)} ms p99=${percentile(latencies, 99).toFixed(2)} ms max=${latencies.at(-1)!.toFixed(2)} ms (target p99 < 10 ms)`,
    );
  } finally {
    await system.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
