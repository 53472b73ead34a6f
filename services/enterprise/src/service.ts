import path from 'node:path';
import { clockFromConfig, createLogger, createServiceRuntime, databaseUrlFor, type Clock, type EventBus } from '@yikatong/platform';
import { blacklistPolicy, obligationPolicy, qualificationPolicy, type EnterpriseConfig } from './config';
import { createEnterpriseContext, type EnterpriseDeps } from './context';
import { createEnterpriseDb } from './db';
import { startEnterpriseConsumers } from './events/consumers';
import { BiddingEligibilityService, biddingEligibilityImplementation } from './grpc/eligibility-server';
import { resolvers } from './resolvers';
import { DeadlineSweeper } from './jobs/deadline-sweeper';
import { VerdictCache } from './store/verdict-cache';

/** The enterprise service: registry, projects, tenders, credit and the bidding-eligibility read model (graph and gRPC). */
export function createEnterpriseService(config: EnterpriseConfig, bus: EventBus, options: { clock?: Clock } = {}) {
  const databaseUrl = config.ENTERPRISE_DATABASE_URL ?? databaseUrlFor(config, 'enterprise');
  const db = createEnterpriseDb(databaseUrl, config.DATABASE_POOL_SIZE);
  const verdicts = new VerdictCache(db, databaseUrl, createLogger('enterprise-verdicts', config.LOG_LEVEL), config.ENTERPRISE_VERDICT_CACHE === 'on');
  const deps: EnterpriseDeps = {
    db,
    clock: options.clock ?? clockFromConfig(config),
    blacklistPolicy: blacklistPolicy(config),
    obligationPolicy: obligationPolicy(config),
    qualificationPolicy: qualificationPolicy(config),
  };
  const sweeper = new DeadlineSweeper(
    db,
    deps.clock,
    { obligations: deps.obligationPolicy, qualifications: deps.qualificationPolicy },
    createLogger('enterprise-deadlines', config.LOG_LEVEL),
    config.DEADLINE_SWEEP_INTERVAL_MS,
  );
  const runtime = createServiceRuntime(
    {
      name: 'enterprise',
      schemaPath: path.join(__dirname, '..', 'schema.graphql'),
      resolvers,
      db,
      port: config.ENTERPRISE_PORT,
      settings: config,
      createContext: (principal, nudgeOutbox) => createEnterpriseContext(principal, deps, nudgeOutbox),
      startConsumers: async ({ logger, nudgeOutbox }) => [await startEnterpriseConsumers(bus, db, logger, nudgeOutbox, deps.obligationPolicy)],
      grpc: {
        port: config.ENTERPRISE_GRPC_PORT,
        services: (logger) => [
          { definition: BiddingEligibilityService.service, implementation: biddingEligibilityImplementation(db, verdicts, deps.clock, config, logger) },
        ],
      },
      companions: [verdicts, sweeper],
    },
    bus,
  );
  return { ...runtime, deps, sweeper };
}
