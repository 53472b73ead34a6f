import { InMemoryEventBus, loadPlatformConfig, mintToken, type Clock, type PlatformConfig, type RunningService, type TokenClaims } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createEnterpriseService } from '../../services/enterprise/src/service';
import { loadEnterpriseConfig } from '../../services/enterprise/src/config';
import { createIdentityService } from '../../services/identity/src/service';
import { loadIdentityConfig } from '../../services/identity/src/config';
import { createPayrollService } from '../../services/payroll/src/service';
import { loadPayrollConfig } from '../../services/payroll/src/config';
import { createWelfareService } from '../../services/welfare/src/service';
import { loadWelfareConfig } from '../../services/welfare/src/config';
import { loadGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/gateway';
import { freshDatabases } from '../support/system';

/** Ports of the matrix's own system, apart from the development defaults and the e2e system's. */
export const TRUST_PORTS = {
  identity: 16001,
  enterprise: 16002,
  payroll: 16003,
  welfare: 16004,
  identityGrpc: 16051,
  enterpriseGrpc: 16052,
  payrollGrpc: 16053,
};

export interface TrustSystem {
  config: PlatformConfig;
  clock: Clock;
  gatewayUrl: string;
  subgraphUrls: Record<'identity' | 'enterprise' | 'payroll' | 'welfare', string>;
  bus: InMemoryEventBus;
  token(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The four services in this process on fresh databases of real PostgreSQL (events on the in-memory
 * bus, as `npm start` runs them), each with its gRPC server, behind a real gateway.
 */
export async function startTrustSystem(prefix: string, settings: NodeJS.ProcessEnv = {}): Promise<TrustSystem> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    GRPC_PLAINTEXT: 'allowed',
    LOG_LEVEL: 'silent',
    DATABASE_NAME_PREFIX: prefix,
    ENTERPRISE_VERDICT_CACHE: 'off',
    // Sweeps run once at start and not again while the matrix runs, so only its own calls change the databases.
    DEADLINE_SWEEP_INTERVAL_MS: '3600000',
    WARNING_SWEEP_INTERVAL_MS: '3600000',
    COMPLAINT_SWEEP_INTERVAL_MS: '3600000',
    IDENTITY_PORT: String(TRUST_PORTS.identity),
    ENTERPRISE_PORT: String(TRUST_PORTS.enterprise),
    PAYROLL_PORT: String(TRUST_PORTS.payroll),
    WELFARE_PORT: String(TRUST_PORTS.welfare),
    IDENTITY_GRPC_PORT: String(TRUST_PORTS.identityGrpc),
    ENTERPRISE_GRPC_PORT: String(TRUST_PORTS.enterpriseGrpc),
    PAYROLL_GRPC_PORT: String(TRUST_PORTS.payrollGrpc),
    IDENTITY_GRPC_ADDRESS: `127.0.0.1:${TRUST_PORTS.identityGrpc}`,
    ENTERPRISE_GRPC_ADDRESS: `127.0.0.1:${TRUST_PORTS.enterpriseGrpc}`,
    ...settings,
  };
  const config = loadPlatformConfig(env);
  await freshDatabases(config).catch((error: unknown) => {
    throw new Error(`PostgreSQL at ${config.DATABASE_URL} cannot take the matrix's databases (${String(error)}). Start it with: ${testing.START_INFRA}`);
  });
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const services = [
    createIdentityService(loadIdentityConfig(env), bus, { clock }),
    createEnterpriseService(loadEnterpriseConfig(env), bus, { clock }),
    createPayrollService(loadPayrollConfig(env), bus, { clock }),
    createWelfareService(loadWelfareConfig(env), bus, { clock }),
  ];
  const running: RunningService[] = [];
  for (const service of services) running.push(await service.start());
  const [identity, enterprise, payroll, welfare] = running.map((service) => service.graphqlUrl) as [string, string, string, string];
  const gateway = await createGateway(
    loadGatewayConfig({ ...env, IDENTITY_URL: identity, ENTERPRISE_URL: enterprise, PAYROLL_URL: payroll, WELFARE_URL: welfare }),
  ).listen(0);
  return {
    config,
    clock,
    gatewayUrl: gateway.url,
    subgraphUrls: { identity, enterprise, payroll, welfare },
    bus,
    token: (claims) => mintToken(config, claims),
    stop: async () => {
      await gateway.close();
      for (const service of running.reverse()) await service.stop();
      await bus.close();
    },
  };
}
