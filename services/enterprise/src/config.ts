import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';
import type { BlacklistPolicy } from './domain/blacklist';
import type { ObligationPolicy } from './domain/eligibility';
import type { QualificationPolicy } from './domain/qualification';

export const enterpriseConfigSchema = platformConfigSchema.and(
  z.object({
    ENTERPRISE_PORT: portSetting(4002),
    ENTERPRISE_GRPC_PORT: portSetting(50052),
    ENTERPRISE_DATABASE_URL: z.string().url().optional(),
    /** Keep gRPC verdicts in memory, invalidated by PostgreSQL NOTIFY; embedded mode (one PGlite session) turns it off. */
    ENTERPRISE_VERDICT_CACHE: z.enum(['on', 'off']).default('on'),
    // Province listing rule for the dishonesty list (DOMAIN.md marks these as config).
    BLACKLIST_SINGLE_WORKER_THRESHOLD_FEN: z.coerce.bigint().positive().default(500_000n),
    BLACKLIST_GROUP_THRESHOLD_FEN: z.coerce.bigint().positive().default(3_000_000n),
    BLACKLIST_GROUP_MIN_WORKERS: z.coerce.number().int().min(2).default(10),
    BLACKLIST_TERM_MONTHS: z.coerce.number().int().min(1).default(36),
    BLACKLIST_EARLY_REMOVAL_MONTHS: z.coerce.number().int().min(0).default(6),
    // Art. 55 obligations on active projects: days after the award / construction start (config per province).
    WAGE_ACCOUNT_DEADLINE_DAYS: z.coerce.number().int().min(0).default(30),
    DEPOSIT_DEADLINE_DAYS: z.coerce.number().int().min(0).default(30),
    REAL_NAME_GRACE_DAYS: z.coerce.number().int().min(0).default(7),
    QUALIFICATION_REMINDER_DAYS: z.coerce.number().int().min(1).default(60),
    /** How often deadlines (listing terms, qualification expiry, project obligations) are checked. */
    DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000),
  }),
);

export type EnterpriseConfig = z.infer<typeof enterpriseConfigSchema>;

export const loadEnterpriseConfig = (env: Record<string, string | undefined> = process.env): EnterpriseConfig => parseConfig(enterpriseConfigSchema, env);

export function blacklistPolicy(config: EnterpriseConfig): BlacklistPolicy {
  return {
    singleWorkerThresholdFen: config.BLACKLIST_SINGLE_WORKER_THRESHOLD_FEN,
    groupThresholdFen: config.BLACKLIST_GROUP_THRESHOLD_FEN,
    groupMinWorkers: config.BLACKLIST_GROUP_MIN_WORKERS,
    termMonths: config.BLACKLIST_TERM_MONTHS,
    earlyRemovalAfterMonths: config.BLACKLIST_EARLY_REMOVAL_MONTHS,
  };
}

export function obligationPolicy(config: EnterpriseConfig): ObligationPolicy {
  return { wageAccountDays: config.WAGE_ACCOUNT_DEADLINE_DAYS, depositDays: config.DEPOSIT_DEADLINE_DAYS, realNameGraceDays: config.REAL_NAME_GRACE_DAYS };
}

export const qualificationPolicy = (config: EnterpriseConfig): QualificationPolicy => ({ reminderDays: config.QUALIFICATION_REMINDER_DAYS });
