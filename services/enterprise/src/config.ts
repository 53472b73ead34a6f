import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const enterpriseConfigSchema = platformConfigSchema.and(
  z.object({
    ENTERPRISE_PORT: portSetting(4002),
    ENTERPRISE_GRPC_PORT: portSetting(50052),
    ENTERPRISE_DATABASE_URL: z.string().url().optional(),
    /** Keep gRPC verdicts in memory, invalidated by PostgreSQL NOTIFY; embedded mode (one PGlite session) turns it off. */
    ENTERPRISE_VERDICT_CACHE: z.enum(['on', 'off']).default('on'),
  }),
);

export type EnterpriseConfig = z.infer<typeof enterpriseConfigSchema>;

export const loadEnterpriseConfig = (env: Record<string, string | undefined> = process.env): EnterpriseConfig =>
  parseConfig(enterpriseConfigSchema, env);
