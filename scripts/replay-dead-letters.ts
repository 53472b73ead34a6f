// Sends one consumer's dead letters back to their topics once the cause is fixed (see
// packages/platform/src/events/dead-letter-replay.ts). List first, then replay:
//   npm run dlq:replay -- --consumer enterprise.eligibility --dry-run
//   npm run dlq:replay -- --consumer enterprise.eligibility
import { parseArgs } from 'node:util';
import { OPERATOR_KAFKA_USER } from '@yikatong/contracts';
import { createLogger, KafkaEventBus, kafkaConnection, loadPlatformConfig, replayDeadLetters } from '@yikatong/platform';

const { values } = parseArgs({ options: { consumer: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });

async function main() {
  if (!values.consumer) throw new Error('--consumer <name> is required: the consumer group whose failed events should be sent again');
  const config = loadPlatformConfig();
  const logger = createLogger('dead-letter-replay', config.LOG_LEVEL);
  const bus = new KafkaEventBus({ clientId: 'dead-letter-replay', connection: kafkaConnection(config, OPERATOR_KAFKA_USER), logger });
  try {
    const result = await replayDeadLetters({
      bus,
      logger,
      consumer: values.consumer,
      dryRun: values['dry-run'],
      onLetter: (letter) => console.log(`${letter.failedAt}  ${letter.topic}#${letter.partition}@${letter.offset}  key ${letter.key}  ${letter.error}`),
    });
    console.log(
      values['dry-run']
        ? `${result.letters} dead letters of ${values.consumer}; none sent (dry run)`
        : `${result.replayed} of ${result.letters} dead letters of ${values.consumer} sent again`,
    );
  } finally {
    await bus.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
