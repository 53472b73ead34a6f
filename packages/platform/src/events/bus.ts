/** A message as it travels: the value is a CloudEvents JSON document, the key the aggregate id. */
export interface BusMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface DeliveredMessage extends BusMessage {
  partition: number;
  offset: string;
}

/** Resolving acknowledges the message; throwing has it delivered again (at least once). */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  /** A new group reads each topic from its start (true) or only what arrives after it joined. */
  fromBeginning?: boolean;
  handler: MessageHandler;
}

export interface Subscription {
  close(): Promise<void>;
}

/**
 * The one interface services see. Kafka in production and tests, memory in embedded mode; both
 * pass the same contract tests. Ordering is guaranteed per key within a topic.
 */
export interface EventBus {
  publish(messages: BusMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** The message at this place of a topic, if the topic still holds it (a dead letter of personal data is sent again from its source). */
  readMessage(topic: string, partition: number, offset: string): Promise<DeliveredMessage | undefined>;
  close(): Promise<void>;
}
