import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';

export const gatewayConfigSchema = platformConfigSchema.and(
  z.object({
    GATEWAY_PORT: portSetting(4000),
    IDENTITY_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
    ENTERPRISE_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
    PAYROLL_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
    WELFARE_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
    /** Operation limits (graphql-armor). */
    GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
    GATEWAY_MAX_ALIASES: z.coerce.number().int().positive().default(15),
    GATEWAY_MAX_COST: z.coerce.number().int().positive().default(5000),
  }),
);

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => parseConfig(gatewayConfigSchema, env);
