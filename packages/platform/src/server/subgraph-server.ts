import http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createErrorFormatter } from '../errors';
import { bearerToken, createTokenVerifier, verifyServiceToken, type TokenSettings } from '../auth/tokens';
import type { Principal } from '../auth/principal';
import { requireGraphCaller } from '../auth/guards';
import type { Logger } from '../logger';
import { executeGraphQL } from './graphql-http';
import { sendJson, sendRequestFailure, serveGraphQL, SUBGRAPH_HTTP_LIMITS, type RunningHttpServer } from './http';

export type { RunningHttpServer };

export const SERVICE_TOKEN_HEADER = 'x-yikatong-service-token';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  settings: TokenSettings & { NODE_ENV: string };
  logger: Logger;
  /** Builds the per-request context (DataLoaders live here, one set per request). */
  createContext: (principal: Principal | null) => TContext;
  /** Readiness: the database answers, consumers are running. */
  isReady: () => Promise<boolean>;
  /** Adds the service's own metrics (e.g. the outbox backlog) to /metrics. */
  registerMetrics?: (registry: Registry, prefix: string) => void;
}

/**
 * A federated subgraph over plain node:http: /graphql (only for callers holding a service token,
 * i.e. the gateway), /healthz, /readyz and /metrics. Created apart from listen() so tests can
 * execute operations in-process.
 */
export function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>) {
  const production = options.settings.NODE_ENV === 'production';
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    formatError: createErrorFormatter(options.logger, production),
    // The error formatter lets no stack trace out; the log has them.
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    // Traces go to Apollo's cloud, which we do not use; skip the per-field timing work.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const verifyCaller = createTokenVerifier(options.settings);
  const metrics = new Registry();
  const prefix = `yikatong_${options.name}_`;
  collectDefaultMetrics({ register: metrics, prefix });
  options.registerMetrics?.(metrics, prefix);

  const principalOf = async (req: http.IncomingMessage): Promise<Principal | null> => {
    const token = bearerToken(req.headers.authorization);
    return token ? requireGraphCaller(await verifyCaller(token)) : null;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: options.name });
    if (path === '/readyz') {
      const ready = await options.isReady().catch(() => false);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: options.name });
    }
    if (path === '/metrics') {
      res.setHeader('content-type', metrics.contentType);
      return res.end(await metrics.metrics());
    }
    if (path !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    try {
      const serviceToken = req.headers[SERVICE_TOKEN_HEADER];
      await verifyServiceToken(options.settings, typeof serviceToken === 'string' ? serviceToken : '');
      const principal = await principalOf(req);
      await executeGraphQL(apollo, req, res, async () => options.createContext(principal), SUBGRAPH_HTTP_LIMITS.maxBodyBytes);
    } catch (error) {
      sendRequestFailure(res, error, options.logger);
    }
  };

  return {
    apollo,
    listen: (port: number, host = '127.0.0.1'): Promise<RunningHttpServer> =>
      serveGraphQL(apollo, handle, { port, host, name: `${options.name} subgraph`, logger: options.logger, limits: SUBGRAPH_HTTP_LIMITS }),
  };
}
