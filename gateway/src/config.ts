import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const gatewayConfigSchema = platformConfigSchema.and(
  z.object({
    GATEWAY_PORT: portSetting(4000),
    IDENTITY_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
    ENTERPRISE_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
    PAYROLL_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
    WELFARE_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
    /** HTTP: the largest request body (a larger one gets 413), and how long a client may take to send its headers and its whole request. */
    GATEWAY_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    GATEWAY_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    GATEWAY_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Operation limits: lexical tokens of the document, nesting depth, aliases (see limits.ts). */
    GATEWAY_MAX_TOKENS: z.coerce.number().int().positive().default(1000),
    GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
    GATEWAY_MAX_ALIASES: z.coerce.number().int().positive().default(15),
    /** The cost model (see cost.ts): the most objects one operation may ask for, and the size assumed of a list without `first`. */
    GATEWAY_MAX_COST: z.coerce.number().int().positive().default(10_000),
    GATEWAY_COST_LIST_SIZE: z.coerce.number().int().positive().default(10),
  }),
);

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => parseConfig(gatewayConfigSchema, env);
