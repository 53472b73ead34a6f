import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';
import type { SlaPolicy } from './domain/complaint';
import type { SafetyHours } from './domain/training';

const workingDays = (fallback: number) => z.coerce.number().int().min(1).max(366).default(fallback);

export const welfareConfigSchema = platformConfigSchema.and(
  z.object({
    WELFARE_PORT: portSetting(4004),
    WELFARE_DATABASE_URL: z.string().url().optional(),
    /** Working days to close a complaint, per category (labour inspection: 60), and the extension for a complex case (30). */
    COMPLAINT_SLA_WAGE_ARREARS_DAYS: workingDays(60),
    COMPLAINT_SLA_OTHER_DAYS: workingDays(60),
    COMPLAINT_COMPLEX_EXTENSION_DAYS: workingDays(30),
    /** Minimum safety-training hours for new workers per level (三级安全教育). */
    SAFETY_HOURS_COMPANY: z.coerce.number().min(1).default(15),
    SAFETY_HOURS_PROJECT: z.coerce.number().min(1).default(15),
    SAFETY_HOURS_TEAM: z.coerce.number().min(1).default(20),
    /** How often overdue complaints are looked for and escalated. */
    COMPLAINT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  }),
);

export type WelfareConfig = z.infer<typeof welfareConfigSchema>;

export const loadWelfareConfig = (env: Record<string, string | undefined> = process.env): WelfareConfig => parseConfig(welfareConfigSchema, env);

export const safetyHours = (config: WelfareConfig): SafetyHours => ({
  COMPANY: config.SAFETY_HOURS_COMPANY,
  PROJECT: config.SAFETY_HOURS_PROJECT,
  TEAM: config.SAFETY_HOURS_TEAM,
});

export const slaPolicy = (config: WelfareConfig): SlaPolicy => ({
  workingDays: { WAGE_ARREARS: config.COMPLAINT_SLA_WAGE_ARREARS_DAYS, OTHER: config.COMPLAINT_SLA_OTHER_DAYS },
  complexExtensionWorkingDays: config.COMPLAINT_COMPLEX_EXTENSION_DAYS,
});
