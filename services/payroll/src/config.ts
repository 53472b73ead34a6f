import { z } from 'zod';
import { parseConfig, platformConfigSchema } from '@yikatong/platform';

export const payrollConfigSchema = platformConfigSchema.and(
  z.object({
    PAYROLL_PORT: z.coerce.number().int().min(0).max(65535).default(4003),
    PAYROLL_DATABASE_URL: z.string().url().optional(),
  }),
);

export type PayrollConfig = z.infer<typeof payrollConfigSchema>;

export const loadPayrollConfig = (env: Record<string, string | undefined> = process.env): PayrollConfig =>
  parseConfig(payrollConfigSchema, env);
