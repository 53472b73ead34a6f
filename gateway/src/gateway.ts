import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  bearerToken,
  serveGraphQL,
  createErrorFormatter,
  createLogger,
  createTokenVerifier,
  executeGraphQL,
  requireGraphCaller,
  sendJson,
  sendRequestFailure,
  SERVICE_TOKEN_HEADER,
  serviceTokenSource,
  type RunningHttpServer,
} from '@yikatong/platform';
import type { GatewayConfig } from './config';
import { operationLimits } from './limits';
import { SubgraphSource } from './subgraph-source';
import { readSupergraph, type SubgraphName } from './supergraph';

type GatewayContext = {
  /** The caller's verified token, forwarded so every subgraph verifies and authorizes again. */
  token?: string;
};

/** The one GraphQL endpoint for portals, enterprises, workers, banks and dashboards. */
export function createGateway(config: GatewayConfig) {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const verifyCaller = createTokenVerifier(config);
  const serviceToken = serviceTokenSource(config, 'gateway');
  const subgraphUrls: Record<SubgraphName, string> = {
    identity: config.IDENTITY_URL,
    enterprise: config.ENTERPRISE_URL,
    payroll: config.PAYROLL_URL,
    welfare: config.WELFARE_URL,
  };

  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name }) =>
      new SubgraphSource<GatewayContext>(name, subgraphUrls[name as SubgraphName], logger, {
        willSendRequest: async ({ request, context }) => {
          request.http?.headers.set(SERVICE_TOKEN_HEADER, await serviceToken());
          if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
        },
      }),
  });

  const limits = operationLimits<GatewayContext>(config, production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: limits.plugins,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // A batch would be one HTTP request past every per-operation limit.
    allowBatchedHttpRequests: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: limits.formatErrorWith(createErrorFormatter(logger, production)),
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (path !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    try {
      const token = bearerToken(req.headers.authorization);
      if (token) requireGraphCaller(await verifyCaller(token));
      await executeGraphQL(apollo, req, res, async () => ({ token }), config.GATEWAY_MAX_BODY_BYTES);
    } catch (error) {
      sendRequestFailure(res, error, logger);
    }
  };

  return {
    listen: (port = config.GATEWAY_PORT, host = '127.0.0.1'): Promise<RunningHttpServer> =>
      serveGraphQL(apollo, handle, {
        port,
        host,
        name: 'gateway',
        logger,
        limits: {
          maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
          headersTimeoutMs: config.GATEWAY_HEADERS_TIMEOUT_MS,
          requestTimeoutMs: config.GATEWAY_REQUEST_TIMEOUT_MS,
        },
      }),
  };
}
