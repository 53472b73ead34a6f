import { Client } from 'pg';
import type { Logger } from '@yikatong/platform';
import type { EnterpriseDb } from '../db';
import type { EligibilityVerdict } from '../domain/eligibility';
import { VERDICT_CHANNEL, loadVerdictOf } from './eligibility';

const MAX_ENTRIES = 200_000;

/**
 * Verdicts for the gRPC hot path, kept in memory and dropped when PostgreSQL announces a change
 * (NOTIFY is delivered only after the changing transaction commits, to every instance). A result
 * loaded while any change arrived is not kept, so a verdict read just before a commit cannot
 * linger. Without a live LISTEN connection nothing is cached: every check reads the database.
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, EligibilityVerdict>();
  private changes = 0;
  private listener: Client | undefined;
  private stopped = false;

  constructor(
    private readonly db: EnterpriseDb,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    private readonly enabled = true,
  ) {}

  async start(): Promise<void> {
    if (!this.enabled || this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      this.changes += 1;
      if (message.payload) this.verdicts.delete(message.payload);
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'verdict cache lost its LISTEN connection; reading the database until it is back');
      this.forget(client);
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${VERDICT_CHANNEL}`);
    this.listener = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.listener;
    this.forget(client);
    await client?.end().catch(() => undefined);
  }

  async verdictOf(uscc: string): Promise<EligibilityVerdict | null> {
    const cached = this.verdicts.get(uscc);
    if (cached) return cached;
    const changesBefore = this.changes;
    const verdict = await loadVerdictOf(this.db, uscc);
    if (verdict && this.listener && this.changes === changesBefore) {
      if (this.verdicts.size >= MAX_ENTRIES) this.verdicts.clear();
      this.verdicts.set(uscc, verdict);
    }
    return verdict;
  }

  private forget(client: Client | undefined): void {
    if (client && this.listener === client) this.listener = undefined;
    this.changes += 1;
    this.verdicts.clear();
  }
}
