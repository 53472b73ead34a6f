import { z } from 'zod';
import { parseConfig, platformConfigSchema } from '@yikatong/platform';

export const welfareConfigSchema = platformConfigSchema.and(
  z.object({
    WELFARE_PORT: z.coerce.number().int().min(0).max(65535).default(4004),
    WELFARE_DATABASE_URL: z.string().url().optional(),
  }),
);

export type WelfareConfig = z.infer<typeof welfareConfigSchema>;

export const loadWelfareConfig = (env: Record<string, string | undefined> = process.env): WelfareConfig =>
  parseConfig(welfareConfigSchema, env);
