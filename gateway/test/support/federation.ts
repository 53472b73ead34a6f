import { InMemoryEventBus, mintToken, type RunningHttpServer, type TokenClaims } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createEnterpriseService } from '../../../services/enterprise/src/service';
import { loadEnterpriseConfig } from '../../../services/enterprise/src/config';
import { createIdentityService } from '../../../services/identity/src/service';
import { loadIdentityConfig } from '../../../services/identity/src/config';
import { createPayrollService } from '../../../services/payroll/src/service';
import { loadPayrollConfig } from '../../../services/payroll/src/config';
import { createWelfareService } from '../../../services/welfare/src/service';
import { loadWelfareConfig } from '../../../services/welfare/src/config';
import { loadGatewayConfig } from '../../src/config';
import { createGateway } from '../../src/gateway';
import type { SubgraphName } from '../../src/supergraph';

/** Settings a production deployment must set itself (the development defaults are refused there). */
export const PRODUCTION_SECRETS = {
  NODE_ENV: 'production',
  JWT_SECRET: 'gateway-test-jwt-secret-of-at-least-32-characters',
  SERVICE_TOKEN_SECRET: 'gateway-test-service-secret-of-at-least-32-chars',
  PII_ENCRYPTION_KEY: Buffer.from('gateway-test-pii-encryption-key!').toString('base64'),
  PII_HASH_KEY: Buffer.from('gateway-test-pii-lookup-hash-key').toString('base64'),
};

export interface FederationSettings {
  /** Added to every process's settings (e.g. PRODUCTION_SECRETS). */
  all?: Record<string, string>;
  gateway?: Record<string, string>;
  /** One service's own settings (e.g. its database URL). */
  services?: Partial<Record<SubgraphName, Record<string, string>>>;
}

export interface RunningFederation {
  gatewayUrl: string;
  /** Signs a caller token the gateway and the subgraphs accept. */
  token(claims: TokenClaims): Promise<string>;
  /** Stops one subgraph's HTTP server (the gateway keeps running). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

const notWired = async (): Promise<never> => {
  throw new Error('payroll gRPC answers are not wired in the gateway tests');
};

/**
 * The four services' subgraphs in-process on the test databases (real PostgreSQL, read only: no
 * consumers, relays or sweepers run, so nothing another suite wrote is touched) behind a real
 * gateway, each on its own free port.
 */
export async function startFederation(settings: FederationSettings = {}): Promise<RunningFederation> {
  const env = (own: Record<string, string> = {}) => ({
    DATABASE_NAME_PREFIX: 'yktest',
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ENTERPRISE_VERDICT_CACHE: 'off',
    ...settings.all,
    ...own,
  });
  const serviceEnv = (name: SubgraphName) => env(settings.services?.[name]);
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const services = {
    identity: createIdentityService(loadIdentityConfig(serviceEnv('identity')), bus, { clock }),
    enterprise: createEnterpriseService(loadEnterpriseConfig(serviceEnv('enterprise')), bus, { clock }),
    payroll: createPayrollService(loadPayrollConfig(serviceEnv('payroll')), bus, { clock, verifyWorkers: notWired, depositRateInputs: notWired }),
    welfare: createWelfareService(loadWelfareConfig(serviceEnv('welfare')), bus, { clock }),
  };
  const subgraphs = new Map<SubgraphName, RunningHttpServer>();
  for (const [name, service] of Object.entries(services) as Array<[SubgraphName, (typeof services)[SubgraphName]]>) {
    subgraphs.set(name, await service.subgraph.listen(0));
  }
  const urlOf = (name: SubgraphName) => subgraphs.get(name)!.url;
  const gatewayConfig = loadGatewayConfig(
    env({
      IDENTITY_URL: urlOf('identity'),
      ENTERPRISE_URL: urlOf('enterprise'),
      PAYROLL_URL: urlOf('payroll'),
      WELFARE_URL: urlOf('welfare'),
      ...settings.gateway,
    }),
  );
  const gateway = await createGateway(gatewayConfig).listen(0);
  const stopped = new Set<SubgraphName>();
  const stopSubgraph = async (name: SubgraphName) => {
    if (stopped.has(name)) return;
    stopped.add(name);
    await subgraphs.get(name)!.close();
  };
  return {
    gatewayUrl: gateway.url,
    token: (claims) => mintToken(gatewayConfig, claims),
    stopSubgraph,
    stop: async () => {
      await gateway.close();
      for (const name of subgraphs.keys()) await stopSubgraph(name);
      await Promise.all(Object.values(services).map((service) => service.db.$disconnect()));
      await bus.close();
    },
  };
}

export interface GraphQLAnswer<T = Record<string, any>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

/** Posts one operation to the gateway and reads the HTTP status with the GraphQL answer. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer<T>['body'] };
}
