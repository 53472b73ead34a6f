import { InMemoryEventBus, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { loadEnterpriseConfig } from '../../src/config';
import { createEnterpriseContext } from '../../src/context';
import { createEnterpriseService } from '../../src/service';

/**
 * The enterprise service in-process on the test database (real PostgreSQL), with the in-memory bus; one per test file.
 * Its clock starts at `testing.testStart()` and moves only when the test moves it (`clock.advance`, `clock.set`).
 */
export function createHarness(settings: Record<string, string> = {}) {
  const config = loadEnterpriseConfig({ ...testing.testConfig(), ENTERPRISE_PORT: '0', ENTERPRISE_GRPC_PORT: '0', ...settings } as never);
  const bus = new InMemoryEventBus();
  const clock = testing.testClock();
  const service = createEnterpriseService(config, bus, { clock });
  const execute = (query: string, variables: Record<string, unknown>, principal: Principal | null) =>
    testing.runOperation(
      service.subgraph.apollo,
      query,
      variables,
      createEnterpriseContext(principal, service.deps, () => undefined),
    );
  return { config, bus, clock, service, db: service.db, execute };
}
