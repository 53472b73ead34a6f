import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';
import { DEFAULT_PAY_POLICY, type PayPolicy } from './domain/pay-rules';

export const payrollConfigSchema = platformConfigSchema.and(
  z.object({
    PAYROLL_PORT: portSetting(4003),
    PAYROLL_GRPC_PORT: portSetting(50053),
    PAYROLL_DATABASE_URL: z.string().url().optional(),
    /** identity's WorkerRegistry (VerifyWorkers), host:port. */
    IDENTITY_GRPC_ADDRESS: z.string().default('127.0.0.1:50051'),
    /** enterprise's BiddingEligibility (GetDepositRateInputs), host:port. */
    ENTERPRISE_GRPC_ADDRESS: z.string().default('127.0.0.1:50052'),
    /** Wages for a cycle are due this many days after it ends (the agreed pay day). */
    WAGE_DUE_DAYS_AFTER_CYCLE: z.coerce.number().int().min(0).max(31).default(15),
    /** A line paying more than this in one cycle is flagged, in fen. */
    LARGE_PAYMENT_FEN: z.coerce.bigint().default(DEFAULT_PAY_POLICY.largePaymentFen),
    /** Days after leaving (离场) by which a worker's last wages must be paid before a warning. */
    LEAVER_PAY_GRACE_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    /** How often every live project's arrears warnings are judged again (they are also judged at every change). */
    WARNING_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
    /** ReportSettlements calls settling at once (each holds a database connection; keep it under DATABASE_POOL_SIZE). */
    SETTLEMENT_CALLS_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(4),
    /** More calls wait their turn up to this many; beyond it a bank is told RESOURCE_EXHAUSTED with retry-after-ms. */
    SETTLEMENT_CALLS_QUEUED: z.coerce.number().int().min(0).max(100_000).default(200),
  }),
);

export type PayrollConfig = z.infer<typeof payrollConfigSchema>;

export const loadPayrollConfig = (env: Record<string, string | undefined> = process.env): PayrollConfig => parseConfig(payrollConfigSchema, env);

export const payPolicy = (config: PayrollConfig): PayPolicy => ({ ...DEFAULT_PAY_POLICY, largePaymentFen: config.LARGE_PAYMENT_FEN });
