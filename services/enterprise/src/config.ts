import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';
import type { BlacklistPolicy } from './domain/blacklist';

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
  }),
);

export type EnterpriseConfig = z.infer<typeof enterpriseConfigSchema>;

export const loadEnterpriseConfig = (env: Record<string, string | undefined> = process.env): EnterpriseConfig =>
  parseConfig(enterpriseConfigSchema, env);

export function blacklistPolicy(config: EnterpriseConfig): BlacklistPolicy {
  return {
    singleWorkerThresholdFen: config.BLACKLIST_SINGLE_WORKER_THRESHOLD_FEN,
    groupThresholdFen: config.BLACKLIST_GROUP_THRESHOLD_FEN,
    groupMinWorkers: config.BLACKLIST_GROUP_MIN_WORKERS,
    termMonths: config.BLACKLIST_TERM_MONTHS,
    earlyRemovalAfterMonths: config.BLACKLIST_EARLY_REMOVAL_MONTHS,
  };
}
