import path from 'node:path';
import { clockFromConfig, createLogger, createPiiProtector, createServiceRuntime, databaseUrlFor, type Clock, type EventBus } from '@yikatong/platform';
import { payPolicy, type PayrollConfig } from './config';
import { createPayrollContext, type PayrollDeps } from './context';
import { createPayrollDb } from './db';
import { startPayrollConsumers } from './events/consumers';
import { createDepositRateInputsSource, type DepositRateInputsSource } from './grpc/enterprise-client';
import { createWorkerVerifier, type WorkerVerifier } from './grpc/identity-client';
import { PayrollSettlementService, payrollSettlementImplementation } from './grpc/settlement-server';
import { resolvers } from './resolvers';
import { PayrollSweeper } from './jobs/payroll-sweeper';
import { WarningJudge } from './store/warnings';

/**
 * The payroll service: wage accounts and funding, wage sheets, disbursement to banks and their
 * settlement, the ledger, deposits and arrears warnings. Identity's and enterprise's answers come over
 * gRPC unless given (tests answer them in-process). Business time comes from `options.clock` (tests
 * pin it), else from the config's clock.
 */
export function createPayrollService(
  config: PayrollConfig,
  bus: EventBus,
  options: { verifyWorkers?: WorkerVerifier; depositRateInputs?: DepositRateInputsSource; clock?: Clock } = {},
) {
  const db = createPayrollDb(config.PAYROLL_DATABASE_URL ?? databaseUrlFor(config, 'payroll'), config.DATABASE_POOL_SIZE);
  const identity = options.verifyWorkers ? null : createWorkerVerifier(config.IDENTITY_GRPC_ADDRESS, config);
  const enterprise = options.depositRateInputs ? null : createDepositRateInputsSource(config.ENTERPRISE_GRPC_ADDRESS, config);
  const deps: PayrollDeps = {
    db,
    clock: options.clock ?? clockFromConfig(config),
    pii: createPiiProtector(config),
    verifyWorkers: options.verifyWorkers ?? identity!,
    depositRateInputs: options.depositRateInputs ?? enterprise!,
    payPolicy: payPolicy(config),
    warnings: new WarningJudge(config.WAGE_DUE_DAYS_AFTER_CYCLE, config.LEAVER_PAY_GRACE_DAYS),
  };
  const sweeper = new PayrollSweeper(db, deps.clock, deps.warnings, createLogger('payroll-sweeper', config.LOG_LEVEL), config.WARNING_SWEEP_INTERVAL_MS, () =>
    runtime.relay.nudge(),
  );
  const grpcClients = {
    start: async () => undefined,
    stop: async () => {
      identity?.close();
      enterprise?.close();
    },
  };
  const runtime = createServiceRuntime(
    {
      name: 'payroll',
      schemaPath: path.join(__dirname, '..', 'schema.graphql'),
      resolvers,
      db,
      port: config.PAYROLL_PORT,
      settings: config,
      createContext: (principal, nudgeOutbox) => createPayrollContext(principal, deps, nudgeOutbox),
      startConsumers: async ({ logger, nudgeOutbox }) => [await startPayrollConsumers(bus, deps, logger, nudgeOutbox)],
      grpc: {
        port: config.PAYROLL_GRPC_PORT,
        services: (logger, nudgeOutbox) => [
          {
            definition: PayrollSettlementService.service,
            implementation: payrollSettlementImplementation(deps, config, logger, nudgeOutbox),
          },
        ],
      },
      companions: [grpcClients, sweeper],
    },
    bus,
  );
  return { ...runtime, deps, sweeper };
}
