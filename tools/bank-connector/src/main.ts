// The bank connector process: `npm start -w @yikatong/bank-connector` with BANK_CODE, BANK_TOKEN_FILE,
// CORE_BANKING_DIR and the Kafka and gRPC settings (README, "For banks").
import { bankKafkaUser } from '@yikatong/contracts';
import { createLogger, grpcClientCredentials, kafkaConnection, systemClock } from '@yikatong/platform';
import { loadConnectorConfig } from './config';
import { startConnector } from './connector';
import { FileCoreBanking } from './core-banking';
import { SettlementReporter } from './settlement-reporter';

async function main() {
  const config = loadConnectorConfig();
  const logger = createLogger(`bank-connector-${config.BANK_CODE.toLowerCase()}`, config.LOG_LEVEL);
  const coreBanking = new FileCoreBanking(config.CORE_BANKING_DIR, config.BANK_CODE, systemClock, config.CORE_BANKING_DELAY_MS);
  const reporter = new SettlementReporter({
    address: config.PAYROLL_GRPC_ADDRESS,
    credentials: grpcClientCredentials(config),
    tokenFile: config.BANK_TOKEN_FILE,
    logger,
    maxBackoffMs: config.REPORT_MAX_BACKOFF_MS,
  });
  const exit = async (code: number) => {
    setTimeout(() => process.exit(code), 10_000).unref();
    await running.stop().catch(() => undefined);
    reporter.close();
    await coreBanking.close();
    process.exit(code);
  };
  const running = await startConnector({
    bankCode: config.BANK_CODE,
    connection: kafkaConnection(config, bankKafkaUser(config.BANK_CODE)),
    coreBanking,
    reporter,
    logger,
    reportBatchSize: config.REPORT_BATCH_SIZE,
    onStopped: (error) => {
      logger.fatal({ err: error }, 'bank connector stopped; restart it once the cause is fixed (nothing was committed past the last report)');
      void exit(1);
    },
  });
  process.once('SIGTERM', () => void exit(0));
  process.once('SIGINT', () => void exit(0));
}

main().catch((error: unknown) => {
  console.error('bank connector failed to start:', error);
  process.exit(1);
});
