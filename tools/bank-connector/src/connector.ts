import { logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { bankKafkaUser, disbursementRequestedV1, disbursementTopic, parseEvent, type BankCode } from '@yikatong/contracts';
import { kafkaClient, type KafkaConnection, type Logger } from '@yikatong/platform';
import type { CoreBanking, PaymentInstruction, PaymentOutcome } from './core-banking';
import type { SettlementReporter } from './settlement-reporter';

export interface ConnectorOptions {
  bankCode: BankCode;
  connection: KafkaConnection;
  coreBanking: CoreBanking;
  reporter: Pick<SettlementReporter, 'report'>;
  logger: Logger;
  /** Lines paid, then reported in one call, before the consumer's place is committed. */
  reportBatchSize: number;
  /** Called when the consumer stops for good (e.g. payroll refuses the bank's token): the process should exit and be restarted. */
  onStopped(error: Error): void;
}

export interface RunningConnector {
  stop(): Promise<void>;
}

/** The consumer group of a bank's connector: one per bank, so its instructions are shared among its replicas. */
export const connectorGroup = (bankCode: BankCode) => `${bankKafkaUser(bankCode)}.connector`;

/**
 * Reads the bank's payment instructions, pays each through the core-banking adapter, reports the
 * outcomes to payroll and only then commits its place on the topic. A crash anywhere leaves the
 * uncommitted instructions to be read again; the adapter answers a line it already paid with the
 * same outcome, and payroll takes a repeated report as ALREADY_SETTLED: nothing is lost, nothing is
 * paid twice, and no line is reported with two outcomes.
 */
export async function startConnector(options: ConnectorOptions): Promise<RunningConnector> {
  const topic = disbursementTopic(options.bankCode);
  const kafka = kafkaClient(options.connection, { clientId: connectorGroup(options.bankCode), logLevel: logLevel.WARN });
  const consumer: Consumer = kafka.consumer({ groupId: connectorGroup(options.bankCode), maxWaitTimeInMs: 200 });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) options.onStopped(payload.error);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      for (let start = 0; start < batch.messages.length; start += options.reportBatchSize) {
        if (!isRunning() || isStale()) return;
        const chunk = batch.messages.slice(start, start + options.reportBatchSize);
        const outcomes: PaymentOutcome[] = [];
        for (const message of chunk) {
          const instruction = readInstruction(message, options);
          if (instruction) outcomes.push(await options.coreBanking.pay(instruction));
          // A slow core-banking system must not look like a dead consumer (kafkajs sends at most one per heartbeat interval).
          await heartbeat();
        }
        if (outcomes.length) logResults(options.logger, outcomes, await options.reporter.report(outcomes));
        // Resolved (this consumer moves past them) and committed (a restart starts after them) only once reported.
        const last = chunk.at(-1)!.offset;
        resolveOffset(last);
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
        await heartbeat();
      }
    },
  });
  options.logger.info({ topic, group: connectorGroup(options.bankCode) }, 'bank connector consuming');
  return {
    stop: async () => {
      await consumer.disconnect();
    },
  };
}

/** The instruction a message carries, or undefined (logged) when it is not one this bank can pay. */
function readInstruction(message: KafkaMessage, options: ConnectorOptions): PaymentInstruction | undefined {
  try {
    const event = parseEvent(disbursementRequestedV1, JSON.parse(message.value?.toString() ?? ''));
    if (event.data.bankCode === options.bankCode) return event.data;
    options.logger.error({ offset: message.offset, bankCode: event.data.bankCode }, 'an instruction for another bank on this bank’s topic: not paid');
  } catch (error) {
    options.logger.error({ offset: message.offset, err: error }, 'a message that is not a payment instruction: not paid');
  }
  return undefined;
}

function logResults(logger: Logger, outcomes: readonly PaymentOutcome[], results: ReadonlyArray<{ lineId: string; result: string }>) {
  const outcomeOf = new Map(outcomes.map((outcome) => [outcome.lineId, outcome.outcome]));
  for (const { lineId, result } of results) {
    const entry = { lineId, outcome: outcomeOf.get(lineId), result };
    if (result === 'CONFLICT') logger.error(entry, 'payroll holds the other outcome for this line: call the project’s payroll office');
    else if (result === 'NOT_FOUND') logger.warn(entry, 'payroll knows no line of this bank with this id');
    else logger.debug(entry, 'settlement reported');
  }
}
