import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { clockStartingAt, databaseUrlFor, mintToken, type Clock, type LocalCertificates, type PlatformConfig, type TokenClaims } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';

export const ROOT = path.resolve(__dirname, '..', '..');
const SERVICES = ['identity', 'enterprise', 'payroll', 'welfare'] as const;

/** Ports apart from the development defaults, so a running dev system does not interfere. */
export const PORTS = {
  gateway: 14000,
  identity: 14001,
  enterprise: 14002,
  payroll: 14003,
  welfare: 14004,
  identityGrpc: 15051,
  enterpriseGrpc: 15052,
  payrollGrpc: 15053,
};

export interface RunningSystem {
  config: PlatformConfig;
  /** The system's business time: started at `testing.testStart()`, running at the normal rate in every process. */
  clock: Clock;
  gatewayUrl: string;
  stop(): Promise<void>;
}

function processEnv(config: PlatformConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    GRPC_PLAINTEXT: 'allowed',
    LOG_LEVEL: 'warn',
    DATABASE_URL: config.DATABASE_URL,
    DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX,
    KAFKA_BROKERS: config.KAFKA_BROKERS,
    GATEWAY_PORT: String(PORTS.gateway),
    IDENTITY_PORT: String(PORTS.identity),
    ENTERPRISE_PORT: String(PORTS.enterprise),
    PAYROLL_PORT: String(PORTS.payroll),
    WELFARE_PORT: String(PORTS.welfare),
    ENTERPRISE_GRPC_PORT: String(PORTS.enterpriseGrpc),
    IDENTITY_GRPC_PORT: String(PORTS.identityGrpc),
    PAYROLL_GRPC_PORT: String(PORTS.payrollGrpc),
    IDENTITY_GRPC_ADDRESS: `127.0.0.1:${PORTS.identityGrpc}`,
    ENTERPRISE_GRPC_ADDRESS: `127.0.0.1:${PORTS.enterpriseGrpc}`,
    IDENTITY_URL: `http://127.0.0.1:${PORTS.identity}/graphql`,
    ENTERPRISE_URL: `http://127.0.0.1:${PORTS.enterprise}/graphql`,
    PAYROLL_URL: `http://127.0.0.1:${PORTS.payroll}/graphql`,
    WELFARE_URL: `http://127.0.0.1:${PORTS.welfare}/graphql`,
  };
}

/**
 * Recreates this run's databases from the committed migrations (dropping them keeps the seed data
 * migrations insert, such as the trade dictionary, and survives an edited migration).
 */
export async function freshDatabases(config: PlatformConfig): Promise<void> {
  const server = new URL(config.DATABASE_URL);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    for (const service of SERVICES) await client.query(`DROP DATABASE IF EXISTS "${config.DATABASE_NAME_PREFIX}_${service}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'migrate.mjs'), 'deploy'], {
    env: { ...process.env, DATABASE_URL: config.DATABASE_URL, DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX },
    stdio: 'pipe',
  });
}

export async function withDatabase<T>(config: PlatformConfig, service: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrlFor(config, service) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the four services and the gateway as separate OS processes (settings may add to their
 * environment); logs go to .data/e2e-logs. Every process's clock starts where the test's stands
 * when it is launched (CLOCK_START_AT), so all of them agree on the day to within a process start.
 */
export async function startSystem(
  config: PlatformConfig,
  settings: Record<string, string> = {},
  clock: Clock = clockStartingAt(testing.testStart()),
  /** gRPC over mutual TLS, each service with its certificate `service:<name>` from these; plaintext without. */
  grpcCertificates?: LocalCertificates,
): Promise<RunningSystem> {
  const logDir = path.join(ROOT, '.data', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const children: ChildProcess[] = [];
  const tlsOf = (name: string): Record<string, string> => {
    if (!grpcCertificates || name === 'gateway') return {};
    const own = grpcCertificates.of(`service:${name}`);
    return { GRPC_PLAINTEXT: 'refused', GRPC_TLS_CA_FILE: grpcCertificates.ca, GRPC_TLS_CERT_FILE: own.cert, GRPC_TLS_KEY_FILE: own.key };
  };
  const launch = (name: string, entry: string) => {
    const env = { ...processEnv(config), CLOCK_START_AT: clock.now().toISOString(), ...tlsOf(name), ...settings };
    // CPU_PROFILE_DIR=<dir> writes each process's V8 CPU profile there when it stops (for benchmarks).
    const profile = process.env.CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.CPU_PROFILE_DIR, name)}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
      cwd: path.dirname(path.dirname(entry)),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(logDir, `${name}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    children.push(child);
  };
  for (const service of SERVICES) launch(service, path.join(ROOT, 'services', service, 'src', 'main.ts'));
  await Promise.all(
    SERVICES.map((service) => testing.eventually(async () => ((await healthy(PORTS[service])) ? true : undefined), 60_000, `${service} to start`)),
  );
  launch('gateway', path.join(ROOT, 'gateway', 'src', 'main.ts'));
  await testing.eventually(async () => ((await healthy(PORTS.gateway)) ? true : undefined), 60_000, 'gateway to start');
  return {
    config,
    clock,
    gatewayUrl: `http://127.0.0.1:${PORTS.gateway}/graphql`,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
    },
  };
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; reasons?: string[] } }>;
}

export function graphqlClient(url: string, token: string) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
}

export const tokenFor = (config: PlatformConfig, claims: TokenClaims) => mintToken(config, claims);

export function runInfra(command: 'up' | 'down'): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'infra', 'infra.ts'), command], { stdio: 'pipe', env: process.env });
}
