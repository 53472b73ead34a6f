// Serves the built app (web/dist) with its /config.json, and forwards /graphql to the gateway so the
// app and the graph share one origin (no CORS, the token never leaves it). In the distributed setup
// any web server or ingress does the same: static files, config.json, and a /graphql route.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { WebConfig } from '../src/web-config';

export const DIST = path.resolve(__dirname, '..', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The app talks to its own origin and, to sign in, to the identity provider's. */
function securityHeaders(identityProvider: string | undefined): Record<string, string> {
  const connect = ["'self'", ...(identityProvider ? [new URL(identityProvider).origin] : [])].join(' ');
  return {
    // Ant Design writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only.
    'content-security-policy': `default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export interface WebServerOptions {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  config: Omit<WebConfig, 'graphqlPath'>;
  port: number;
  host?: string;
  distDir?: string;
}

export interface RunningWebServer {
  url: string;
  close(): Promise<void>;
}

function forwardToGateway(req: http.IncomingMessage, res: http.ServerResponse, gatewayUrl: string) {
  const target = new URL(gatewayUrl);
  const headers = { ...req.headers, host: target.host };
  const upstream = http.request(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The gateway did not answer.', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] }));
  });
  req.pipe(upstream);
}

function serveFile(res: http.ServerResponse, file: string, immutable: boolean, headers: Record<string, string>) {
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Vite names assets by their content hash; index.html must be asked for again.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

export function serveWebApp(options: WebServerOptions): Promise<RunningWebServer> {
  const distDir = options.distDir ?? DIST;
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`The web app is not built (${index} is missing). Build it with: npm run build -w @yikatong/web`);
  const configJson = JSON.stringify({ ...options.config, graphqlPath: '/graphql' } satisfies WebConfig);
  const headers = securityHeaders(options.config.oidc?.issuer);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (pathname === '/graphql') return forwardToGateway(req, res, options.gatewayUrl);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === '/config.json') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(configJson);
      return;
    }
    const file = path.resolve(distDir, `.${pathname}`);
    const inside = file.startsWith(distDir + path.sep);
    if (inside && existsSync(file) && statSync(file).isFile()) return serveFile(res, file, pathname.startsWith('/assets/'), headers);
    serveFile(res, index, false, headers);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
