import { logLevel, Partitioners, type Kafka, type Consumer, type KafkaMessage, type Producer, type LogEntry } from 'kafkajs';
import type { Logger } from '../logger';
import './kafkajs-idle-fix';
import { randomUUID } from 'node:crypto';
import type { BusMessage, DeliveredMessage, EventBus, SubscribeOptions, Subscription } from './bus';
import { kafkaClient, type KafkaConnection } from './kafka-connection';

const CONSUMER_RESTART_DELAY_MS = 1_000;
/** How long readMessage waits for the broker to hand over one message. */
const READ_MESSAGE_TIMEOUT_MS = 15_000;

function delivered(topic: string, partition: number, message: KafkaMessage): DeliveredMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
  };
}

export interface KafkaBusOptions {
  clientId: string;
  /** The broker and the Kafka user this bus connects as (kafkaConnection). */
  connection: KafkaConnection;
  logger: Logger;
}

/** kafkajs behind the EventBus interface, so the unmaintained client can be swapped in one place. */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaBusOptions) {
    const logger = options.logger.child({ component: 'kafkajs' });
    this.kafka = kafkaClient(options.connection, {
      clientId: options.clientId,
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => {
        const level = entry.level <= logLevel.ERROR ? 'error' : 'warn';
        logger[level]({ namespace: entry.namespace, ...entry.log }, entry.log.message);
      },
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    });
  }

  async publish(messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, BusMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, batch]) => ({
          topic,
          messages: batch.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    } catch (error) {
      // A broken connection is not always healed by kafkajs; start the next attempt afresh.
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    let closed = false;
    let consumer = await this.startConsumer(options, () => restart());
    // kafkajs stops a consumer for good on some errors a restarting broker causes (e.g. "Failed to
    // find group coordinator"); a service must not silently stop consuming, so start a new one.
    const restart = () => {
      if (closed) return;
      this.consumers.delete(consumer);
      this.options.logger.warn({ groupId: options.groupId }, 'Kafka consumer stopped by its client; starting a new one');
      const retry = async (): Promise<void> => {
        if (closed) return;
        try {
          consumer = await this.startConsumer(options, () => restart());
        } catch (error) {
          this.options.logger.warn({ err: error, groupId: options.groupId }, 'Kafka consumer restart failed; retrying');
          setTimeout(() => void retry(), CONSUMER_RESTART_DELAY_MS);
        }
      };
      setTimeout(() => void retry(), CONSUMER_RESTART_DELAY_MS);
    };
    return {
      close: async () => {
        closed = true;
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async readMessage(topic: string, partition: number, offset: string): Promise<DeliveredMessage | undefined> {
    // A throwaway group that commits nothing: it seeks to the one offset, takes that message and leaves.
    const consumer = this.kafka.consumer({ groupId: `read-message.${randomUUID()}`, maxWaitTimeInMs: 200 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      return await new Promise<DeliveredMessage | undefined>((resolve, reject) => {
        const timer = setTimeout(() => resolve(undefined), READ_MESSAGE_TIMEOUT_MS);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition: at, message }) => {
              if (at !== partition || BigInt(message.offset) < BigInt(offset)) return;
              clearTimeout(timer);
              // Past the offset means the topic no longer holds it (retention or compaction took it).
              resolve(message.offset === offset ? delivered(topic, partition, message) : undefined);
            },
          })
          .then(() => consumer.seek({ topic, partition, offset }), reject);
      });
    } finally {
      await consumer.disconnect();
    }
  }

  private async startConsumer(options: SubscribeOptions, onAbandoned: () => void): Promise<Consumer> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 200 });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) onAbandoned();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          await options.handler(delivered(topic, partition, message));
        },
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      // Not kafkajs's "idempotent" mode: it needs unlimited retries, which would hold the outbox
      // transaction while Kafka is down. Outbox + deduplicating consumers already give effectively-once.
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
