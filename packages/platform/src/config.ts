import { z } from 'zod';
import { DURATION_PATTERN } from './auth/tokens';

export const DEV_JWT_SECRET = 'yikatong-development-jwt-secret-not-for-production';
export const DEV_SERVICE_TOKEN_SECRET = 'yikatong-development-service-secret-not-for-production';
/** Development-only keys for personal data (32 bytes each, base64); production must set its own. */
export const DEV_PII_ENCRYPTION_KEY = Buffer.from('yikatong-dev-pii-encryption-key!').toString('base64');
export const DEV_PII_HASH_KEY = Buffer.from('yikatong-dev-pii-lookup-hash-key').toString('base64');

/** A TCP port setting from the environment; 0 lets the system pick a free port (tests). */
export const portSetting = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** How a process runs: NODE_ENV and LOG_LEVEL. */
export const runtimeSettings = {
  /** Unset means production: development conveniences (public secrets, a movable clock) are opted into, never fallen into. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** Where Kafka is and as whom a process connects (kafkaConnection). */
export const kafkaSettings = {
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  /**
   * Kafka is reached over TLS with SASL/SCRAM-SHA-512 only. The user is the process's own (the
   * service's name) unless set; its password is KAFKA_SASL_PASSWORD or the file `<user>.password`
   * in KAFKA_CREDENTIALS_DIR; the broker's CA is KAFKA_TLS_CA_FILE, or `ca.crt` in that folder,
   * or the system's. Outside production the folder defaults to the one `npm run infra:up` writes.
   */
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_CREDENTIALS_DIR: z.string().min(1).optional(),
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
};

/** How gRPC crosses the network (grpcServerCredentials / grpcClientCredentials). */
export const grpcTlsSettings = {
  /** gRPC over plaintext: `allowed` is a development and test setting, refused in production (which needs the three files below). */
  GRPC_PLAINTEXT: z.enum(['refused', 'allowed']).default('refused'),
  /** The CA every gRPC peer's certificate must be signed by, and this process's own certificate and key (PEM). */
  GRPC_TLS_CA_FILE: z.string().min(1).optional(),
  GRPC_TLS_CERT_FILE: z.string().min(1).optional(),
  GRPC_TLS_KEY_FILE: z.string().min(1).optional(),
};

/** Production runs gRPC over TLS only: a schema's check (superRefine) for processes that speak gRPC. */
export function refuseGrpcPlaintextInProduction(config: { NODE_ENV: string; GRPC_PLAINTEXT: string }, ctx: z.RefinementCtx): void {
  if (config.NODE_ENV === 'production' && config.GRPC_PLAINTEXT === 'allowed')
    ctx.addIssue({
      code: 'custom',
      path: ['GRPC_PLAINTEXT'],
      message: 'production runs gRPC over TLS only; unset GRPC_PLAINTEXT and set GRPC_TLS_CA_FILE, GRPC_TLS_CERT_FILE, GRPC_TLS_KEY_FILE',
    });
}

/** Settings every service shares. Each service extends it with its own ports. */
export const platformConfigSchema = z
  .object({
    ...runtimeSettings,
    /** Server URL; each service uses its own database `<prefix>_<service>` on that server. */
    DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/postgres'),
    DATABASE_NAME_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .default('yikatong'),
    /** Connections per service. Embedded mode uses 1: PGlite runs one backend, so one session at a time. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    ...kafkaSettings,
    /**
     * HS256 secret of the development identity provider (DEV_JWT_SECRET outside production);
     * JWT_JWKS_URL replaces it with a real IdP, whose keys are RS256 or ES256.
     */
    JWT_SECRET: z.string().min(32).optional(),
    JWT_JWKS_URL: z.string().url().optional(),
    JWT_ISSUER: z.string().default('yikatong-dev-idp'),
    /** The longest a caller's token may live from when it was issued (iat), e.g. 45m, 12h, 1d. */
    JWT_MAX_TOKEN_AGE: z.string().regex(DURATION_PATTERN, 'a duration: a number and s, m, h or d, e.g. 12h').default('12h'),
    /** Shared secret for gateway → subgraph and service → service tokens. */
    SERVICE_TOKEN_SECRET: z.string().min(32).default(DEV_SERVICE_TOKEN_SECRET),
    /** AES-256 key for personal data at rest, base64 of 32 bytes. */
    PII_ENCRYPTION_KEY: z.string().default(DEV_PII_ENCRYPTION_KEY),
    /** HMAC key for looking personal data up by value, base64 of 32 bytes. */
    PII_HASH_KEY: z.string().default(DEV_PII_HASH_KEY),
    /**
     * How long a published event stays in the outbox (its payload may carry a card number in clear):
     * long enough to look into a delivery, no longer. Then the row is deleted.
     */
    OUTBOX_RETENTION: z.string().regex(DURATION_PATTERN, 'a duration, e.g. 7d').default('7d'),
    /** How long a consumer remembers an event it applied: at least as long as Kafka keeps the topics (the furthest a redelivery can reach). */
    PROCESSED_EVENT_RETENTION: z.string().regex(DURATION_PATTERN, 'a duration, e.g. 30d').default('30d'),
    /** How often both are pruned. */
    EVENT_RETENTION_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
    ...grpcTlsSettings,
    /** Development and end-to-end runs only: business time starts at this instant and runs at the normal rate. */
    CLOCK_START_AT: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV !== 'production') return;
    if (config.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'the development JWT_SECRET is public: set your own, or unset it and use JWT_JWKS_URL' });
    } else if (!config.JWT_SECRET && !config.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'set JWT_SECRET or JWT_JWKS_URL in production' });
    }
    if (config.SERVICE_TOKEN_SECRET === DEV_SERVICE_TOKEN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SERVICE_TOKEN_SECRET'], message: 'set SERVICE_TOKEN_SECRET in production' });
    }
    for (const [name, devKey] of [
      ['PII_ENCRYPTION_KEY', DEV_PII_ENCRYPTION_KEY],
      ['PII_HASH_KEY', DEV_PII_HASH_KEY],
    ] as const) {
      if (config[name] === devKey) ctx.addIssue({ code: 'custom', path: [name], message: `set ${name} in production` });
    }
    refuseGrpcPlaintextInProduction(config, ctx);
    if (config.CLOCK_START_AT) ctx.addIssue({ code: 'custom', path: ['CLOCK_START_AT'], message: 'production runs on the system clock; unset CLOCK_START_AT' });
  })
  .transform((config) => ({ ...config, JWT_SECRET: config.JWT_SECRET ?? (config.NODE_ENV === 'production' ? undefined : DEV_JWT_SECRET) }));

export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Parses settings from the environment, failing with every problem listed at once. */
export function parseConfig<TSchema extends z.ZodType>(schema: TSchema, env: Record<string, string | undefined>): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return result.data;
}

export function loadPlatformConfig(env: Record<string, string | undefined> = process.env): PlatformConfig {
  return parseConfig(platformConfigSchema, env);
}

/** The URL of one service's own database on the configured server. */
export function databaseUrlFor(config: Pick<PlatformConfig, 'DATABASE_URL' | 'DATABASE_NAME_PREFIX'>, service: string): string {
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${config.DATABASE_NAME_PREFIX}_${service}`;
  return url.toString();
}

export function kafkaBrokers(config: Pick<PlatformConfig, 'KAFKA_BROKERS'>): string[] {
  return config.KAFKA_BROKERS.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}
