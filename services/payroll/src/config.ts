import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const payrollConfigSchema = platformConfigSchema.and(
  z.object({
    PAYROLL_PORT: portSetting(4003),
    PAYROLL_DATABASE_URL: z.string().url().optional(),
  }),
);

export type PayrollConfig = z.infer<typeof payrollConfigSchema>;

export const loadPayrollConfig = (env: Record<string, string | undefined> = process.env): PayrollConfig =>
  parseConfig(payrollConfigSchema, env);
