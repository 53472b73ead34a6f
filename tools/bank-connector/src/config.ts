import { z } from 'zod';
import { BANK_CODES } from '@yikatong/contracts';
import { grpcTlsSettings, kafkaSettings, parseConfig, refuseGrpcPlaintextInProduction, runtimeSettings } from '@yikatong/platform';

/** A positive whole number of milliseconds or items from the environment. */
const count = (defaultValue: number) => z.coerce.number().int().min(1).default(defaultValue);

/**
 * The connector's settings. Kafka and gRPC are the platform's settings (the Kafka user defaults to
 * the bank's, `bank-<code>`; the gRPC certificate's CN must be `bank:<CODE>`).
 */
export const connectorConfigSchema = z
  .object({
    ...runtimeSettings,
    ...kafkaSettings,
    ...grpcTlsSettings,
    BANK_CODE: z.enum(BANK_CODES),
    /** Payroll's settlement service. */
    PAYROLL_GRPC_ADDRESS: z.string().default('127.0.0.1:50053'),
    /** A file holding the bank's token (BANK, its bank claim = BANK_CODE), read again for every call so it can be renewed in place. */
    BANK_TOKEN_FILE: z.string().min(1),
    /** The demo core-banking adapter's folder: its payment journal. */
    CORE_BANKING_DIR: z.string().min(1),
    /** Reports per ReportSettlements call (payroll takes up to 5,000). */
    REPORT_BATCH_SIZE: count(500).pipe(z.number().max(5_000)),
    /** How long the longest pause between retries of a refused report may be. */
    REPORT_MAX_BACKOFF_MS: count(10_000),
    /** Development only: time the demo adapter takes per payment (to watch a batch, or crash in one). */
    CORE_BANKING_DELAY_MS: z.coerce.number().int().min(0).default(0),
  })
  .superRefine(refuseGrpcPlaintextInProduction);

export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;

export const loadConnectorConfig = (env: Record<string, string | undefined> = process.env): ConnectorConfig => parseConfig(connectorConfigSchema, env);
