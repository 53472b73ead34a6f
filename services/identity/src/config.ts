import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const identityConfigSchema = platformConfigSchema.and(
  z.object({
    IDENTITY_PORT: portSetting(4001),
    /** Overrides the database URL derived from DATABASE_URL (embedded mode points it at PGlite). */
    IDENTITY_DATABASE_URL: z.string().url().optional(),
  }),
);

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

export const loadIdentityConfig = (env: Record<string, string | undefined> = process.env): IdentityConfig =>
  parseConfig(identityConfigSchema, env);
