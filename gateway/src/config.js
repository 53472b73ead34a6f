"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadGatewayConfig = exports.gatewayConfigSchema = void 0;
var zod_1 = require("zod");
var platform_1 = require("@yikatong/platform");
exports.gatewayConfigSchema = platform_1.platformConfigSchema.and(zod_1.z.object({
    GATEWAY_PORT: zod_1.z.coerce.number().int().min(0).max(65535).default(4000),
    IDENTITY_URL: zod_1.z.string().url().default('http://127.0.0.1:4001/graphql'),
    ENTERPRISE_URL: zod_1.z.string().url().default('http://127.0.0.1:4002/graphql'),
    PAYROLL_URL: zod_1.z.string().url().default('http://127.0.0.1:4003/graphql'),
    WELFARE_URL: zod_1.z.string().url().default('http://127.0.0.1:4004/graphql'),
    /** Operation limits (graphql-armor). */
    GATEWAY_MAX_DEPTH: zod_1.z.coerce.number().int().positive().default(10),
    GATEWAY_MAX_ALIASES: zod_1.z.coerce.number().int().positive().default(15),
    GATEWAY_MAX_COST: zod_1.z.coerce.number().int().positive().default(5000),
}));
var loadGatewayConfig = function (env) {
    if (env === void 0) { env = process.env; }
    return (0, platform_1.parseConfig)(exports.gatewayConfigSchema, env);
};
exports.loadGatewayConfig = loadGatewayConfig;
