import { InMemoryEventBus, testing, type Principal } from '@yikatong/platform';
import { loadEnterpriseConfig } from '../../src/config';
import { createEnterpriseContext } from '../../src/context';
import { createEnterpriseService } from '../../src/service';

/** The enterprise service in-process on the test database (real PostgreSQL), with the in-memory bus; one per test file. */
export function createHarness() {
  const config = loadEnterpriseConfig({ ...testing.testConfig(), ENTERPRISE_PORT: '0', ENTERPRISE_GRPC_PORT: '0' } as never);
  const bus = new InMemoryEventBus();
  const service = createEnterpriseService(config, bus);
  const execute = async (query: string, variables: Record<string, unknown>, principal: Principal | null) => {
    const response = await service.subgraph.apollo.executeOperation({ query, variables }, { contextValue: createEnterpriseContext(principal, service.deps, () => undefined) });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  };
  return { config, bus, service, db: service.db, execute };
}
