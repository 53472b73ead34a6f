import { randomUUID } from 'node:crypto';
import { createPiiProtector, maskIdNumber, maskPhone, SCOPES, type PlatformConfig } from '@yikatong/platform';
import { residentIdCheckCharacter } from '../../services/identity/src/domain/resident-id';
import { graphqlClient, tokenFor, withDatabase, type RunningSystem } from './system';

/**
 * A month of work ready to be paid, written straight to the databases (for the payroll benchmark and
 * the bank connector's crash test): workers with wage cards at ICBC, enrolled on projects of one
 * general contractor, clocked in on the first days of the period, and funded wage accounts at CCB.
 * What is to be measured or tested — sheets, approval, payment — then goes through the system.
 */
export const SEEDED_CONTRACTOR = '91350100M000100Y43';
export const SEEDED_DAILY_RATE_FEN = 30_000;

export interface PayrollMonthScale {
  projects: number;
  workers: number;
  daysWorked: number;
  /** The pay period, YYYY-MM. */
  period: string;
}

export interface SeededMonth {
  projectIds: string[];
  month: { period: string; first: string };
}

function idNumberOf(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `130502${birth}${String(Math.floor(n / 10_000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export async function seedPayrollMonth(config: PlatformConfig, scale: PayrollMonthScale): Promise<SeededMonth> {
  const { projects, workers, daysWorked } = scale;
  const pii = createPiiProtector(config);
  const month = { period: scale.period, first: `${scale.period}-01` };
  const projectIds = Array.from({ length: projects }, () => randomUUID());
  const workerIds = Array.from({ length: workers }, () => randomUUID());
  const cardCipher = pii.encrypt('6222021234567890128');
  await withDatabase(config, 'identity', async (client) => {
    for (let offset = 0; offset < workers; offset += 10_000) {
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
      SEEDED_CONTRACTOR,
    ]);
    await client.query(
      `INSERT INTO enrolment (id, worker_id, project_id, employer_uscc, region_code, contract_type, trade_code, rate_kind, rate_fen, employment_kind, start_date, status, created_by, created_at)
       SELECT gen_random_uuid(), w, p, $3, '130502', 'LABOUR_CONTRACT', 'MASON', 'DAILY', $4, 'FULL_TIME', $5::date, 'ACTIVE', 'bench', now()
         FROM unnest($1::uuid[], $2::uuid[]) AS t(w, p)`,
      [workerIds, workerIds.map((_, w) => projectIds[w % projects]), SEEDED_CONTRACTOR, SEEDED_DAILY_RATE_FEN, month.first],
    );
    // In at 08:00 and out at 17:00 China time on each of the first `daysWorked` days of the month.
    await client.query(
      `INSERT INTO attendance_record (device_id, device_record_id, worker_id, project_id, enrolment_id, method, at)
       SELECT 'bench-gate', e.id::text || '-' || d || '-' || io, e.worker_id, e.project_id, e.id, 'FINGERPRINT',
              $1::date + (d - 1) * interval '1 day' + CASE io WHEN 0 THEN interval '0 hour' ELSE interval '9 hour' END
         FROM enrolment e CROSS JOIN generate_series(1, $2::int) d CROSS JOIN (VALUES (0), (1)) AS t(io)`,
      [month.first, daysWorked],
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
      [projectIds, SEEDED_CONTRACTOR],
    );
    await client.query(
      `INSERT INTO wage_account (id, project_id, general_contractor_uscc, bank_code, bank_name, account_number, status, requested_at, opened_at)
       SELECT gen_random_uuid(), p, $2, 'CCB', '中国建设银行邢台分行', '1305016152080' || lpad(n::text, 7, '0'), 'ACTIVE', now(), now() FROM unnest($1::uuid[]) WITH ORDINALITY AS t(p, n)`,
      [projectIds, SEEDED_CONTRACTOR],
    );
    // Each project's account holds what its workers earn, as a client's receipt and its ledger transfer.
    const perProject = BigInt(Math.ceil(workers / projects) * SEEDED_DAILY_RATE_FEN * daysWorked);
    await client.query(
      `WITH receipts AS (
         INSERT INTO funding_receipt (id, account_id, project_id, amount_fen, bank_reference, received_at, recorded_by)
         SELECT gen_random_uuid(), a.id, a.project_id, $1, 'BENCH-' || a.project_id, now(), 'bench' FROM wage_account a RETURNING id, project_id, amount_fen)
       INSERT INTO ledger_transfer (project_id, debit, credit, amount_fen, cause, cause_id, at)
       SELECT project_id, 'WAGE_ACCOUNT', 'CLIENT_FUNDING', amount_fen, 'FUNDING', id::text, now() FROM receipts`,
      [perProject.toString()],
    );
    for (let offset = 0; offset < workers; offset += 10_000) {
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

const fail = (what: string, errors: unknown): never => {
  throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
};

/** The seeded general contractor's clerks, through the gateway: prepare a sheet, confirm its lines (the workers' part), review and approve. */
export async function seededContractorClerks(system: RunningSystem) {
  const { config } = system;
  const clerk = async (sub: string, scope: string) =>
    graphqlClient(system.gatewayUrl, await tokenFor(config, { sub, kind: 'ENTERPRISE', uscc: SEEDED_CONTRACTOR, scope }));
  const preparer = await clerk('gc-clerk', SCOPES.wagesPrepare);
  const officer = await clerk('gc-officer', SCOPES.wagesReview);
  const approver = await clerk('gc-manager', SCOPES.wagesApprove);
  return {
    async prepare(projectId: string, period: string): Promise<string> {
      const result = await preparer<{ prepareWageSheet: { id: string } }>(
        `mutation ($input: PrepareWageSheetInput!) { prepareWageSheet(input: $input) { id } }`,
        {
          input: { projectId, period },
        },
      );
      return result.data?.prepareWageSheet.id ?? fail('prepare', result.errors);
    },
    /** Every line confirmed by its worker, as people do on their phones over days; returns how many lines there are. */
    async confirmEveryLine(): Promise<number> {
      return withDatabase(config, 'payroll', async (client) => {
        await client.query('UPDATE wage_line SET confirmed_at = now()');
        return Number((await client.query('SELECT count(*) FROM wage_line')).rows[0].count);
      });
    },
    async reviewAndApprove(sheetId: string): Promise<void> {
      const reviewed = await officer(`mutation ($id: ID!) { reviewWageSheet(sheetId: $id) { status } }`, { id: sheetId });
      if (reviewed.errors) fail('review', reviewed.errors);
      const approved = await approver(`mutation ($id: ID!) { approveWageSheet(sheetId: $id) { status } }`, { id: sheetId });
      if (approved.errors) fail('approve', approved.errors);
    },
  };
}
