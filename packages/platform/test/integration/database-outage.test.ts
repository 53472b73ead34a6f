import { Client } from 'pg';
import { databaseUrlFor } from '../../src/config';
import { isDatabaseOutage } from '../../src/database-errors';
import { testConfig } from '../../src/testing';

/**
 * What the pg driver throws when PostgreSQL goes away under it (a restart ends every backend) is an
 * outage, answered DATABASE_UNAVAILABLE and retryable; a statement PostgreSQL refuses is not.
 */
const url = databaseUrlFor(testConfig(), 'enterprise');

async function connected(): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

it('is an outage when the server ends the connection (as a restart does)', async () => {
  const victim = await connected();
  victim.on('error', () => undefined);
  const admin = await connected();
  try {
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    const failure = await victim.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect(isDatabaseOutage(failure)).toBe(true);
  } finally {
    await admin.end();
    await victim.end().catch(() => undefined);
  }
});

it('is not an outage when PostgreSQL refuses the statement', async () => {
  const client = await connected();
  try {
    const failure = await client.query('SELEC 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseOutage(failure)).toBe(false);
  } finally {
    await client.end();
  }
});
