import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const welfareConfigSchema = platformConfigSchema.and(
  z.object({
    WELFARE_PORT: portSetting(4004),
    WELFARE_DATABASE_URL: z.string().url().optional(),
  }),
);

export type WelfareConfig = z.infer<typeof welfareConfigSchema>;

export const loadWelfareConfig = (env: Record<string, string | undefined> = process.env): WelfareConfig =>
  parseConfig(welfareConfigSchema, env);
