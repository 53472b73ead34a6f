import http from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  AppError, bearerToken, serveGraphQL, createErrorFormatter, createLogger, createTokenVerifier, executeGraphQL, sendGraphQLError, sendJson,
  SERVICE_TOKEN_HEADER, serviceTokenSource, type RunningHttpServer,
} from '@yikatong/platform';
import type { GatewayConfig } from './config';
import { readSupergraph, type SubgraphName } from './supergraph';

interface GatewayContext {
  /** The caller's verified token, forwarded so every subgraph verifies and authorizes again. */
  token?: string;
}

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
      new RemoteGraphQLDataSource<GatewayContext>({
        url: subgraphUrls[name as SubgraphName],
        willSendRequest: async ({ request, context }) => {
          request.http?.headers.set(SERVICE_TOKEN_HEADER, await serviceToken());
          if (context.token) request.http?.headers.set('authorization', `Bearer ${context.token}`);
        },
      }),
  });

  const armor = new ApolloArmor({
    maxDepth: { n: config.GATEWAY_MAX_DEPTH },
    maxAliases: { n: config.GATEWAY_MAX_ALIASES },
    costLimit: { maxCost: config.GATEWAY_MAX_COST },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger, production),
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (path !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    try {
      const token = bearerToken(req.headers.authorization);
      if (token) await verifyCaller(token);
      await executeGraphQL(apollo, req, res, async () => ({ token }));
    } catch (error) {
      if (error instanceof AppError) return sendGraphQLError(res, 401, error.code, error.message);
      logger.error({ err: error }, 'gateway request failed');
      return sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error; it has been logged.');
    }
  };

  return {
    listen: (port = config.GATEWAY_PORT, host = '127.0.0.1'): Promise<RunningHttpServer> =>
      serveGraphQL(apollo, handle, { port, host, name: 'gateway', logger }),
  };
}
