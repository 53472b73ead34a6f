import { ZodError } from 'zod';
import { cloudEventSchema, PERSONAL_DATA_TOPICS, TOPICS, type CloudEvent, type EventData, type EventDefinition } from '@yikatong/contracts';
import type { SqlClient, TransactionalClient } from '../db';
import type { Logger } from '../logger';
import type { DeliveredMessage, EventBus, Subscription } from './bus';

export type EventHandler<TTx, D extends EventDefinition = EventDefinition> = (tx: TTx, event: CloudEvent<EventData<D>>) => Promise<void>;

interface HandlerEntry<TTx> {
  definition: EventDefinition;
  handle: EventHandler<TTx>;
}

/** Pairs an event definition with its handler; the data is validated against the definition first. */
export function on<TTx, D extends EventDefinition>(definition: D, handle: EventHandler<TTx, D>): HandlerEntry<TTx> {
  return { definition, handle: handle as EventHandler<TTx> };
}

export interface IdempotentConsumerOptions<TTx extends SqlClient> {
  bus: EventBus;
  db: TransactionalClient<TTx>;
  logger: Logger;
  /** Names this consumer in processed_event and is its consumer-group id. */
  consumer: string;
  handlers: HandlerEntry<TTx>[];
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Called after a handler's transaction committed (e.g. to nudge the outbox relay). */
  afterCommit?: () => void;
}

export interface DeadLetter {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string;
  error: string;
  /** The event as it arrived; absent for a topic of personal data (the replay reads it again from topic, partition and offset). */
  value?: string;
  /** The event's id and type, when it could be read. */
  eventId?: string;
  type?: string;
  failedAt: string;
}

/** The id and type of a message, if it is a CloudEvent at all. */
function identify(value: string): { eventId?: string; type?: string } {
  try {
    const parsed = cloudEventSchema.safeParse(JSON.parse(value));
    return parsed.success ? { eventId: parsed.data.id, type: parsed.data.type } : {};
  } catch {
    return {};
  }
}

/**
 * Applies each event once: the handler's effect and the processed_event row commit together, so a
 * redelivered event is skipped. An event that keeps failing goes to the dead-letter topic with
 * its error and the consumer moves on; malformed events go there at once.
 */
export async function startIdempotentConsumer<TTx extends SqlClient>(options: IdempotentConsumerOptions<TTx>): Promise<Subscription> {
  const handlers = new Map(options.handlers.map((entry) => [entry.definition.type, entry]));
  const topics = [...new Set(options.handlers.map((entry) => entry.definition.topic))];
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const logger = options.logger.child({ consumer: options.consumer });

  const deadLetter = async (message: DeliveredMessage, error: unknown) => {
    const letter: DeadLetter = {
      consumer: options.consumer,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      error: error instanceof Error ? error.message : String(error),
      ...identify(message.value),
      // A copy of a card number on the dead-letter topic would outlive every retention of its own.
      ...(PERSONAL_DATA_TOPICS.some((topic) => topic === message.topic) ? {} : { value: message.value }),
      failedAt: new Date().toISOString(),
    };
    logger.error({ topic: message.topic, offset: message.offset, error: letter.error }, 'event sent to the dead-letter topic');
    await options.bus.publish([{ topic: TOPICS.deadLetter, key: options.consumer, value: JSON.stringify(letter) }]);
  };

  return options.bus.subscribe({
    groupId: options.consumer,
    topics,
    fromBeginning: true,
    handler: async (message) => {
      let envelope: CloudEvent;
      try {
        envelope = cloudEventSchema.parse(JSON.parse(message.value)) as CloudEvent;
      } catch (error) {
        return deadLetter(message, error);
      }
      const entry = handlers.get(envelope.type);
      if (!entry) return;

      for (let attempt = 1; ; attempt += 1) {
        try {
          const event = { ...envelope, data: entry.definition.data.parse(envelope.data) };
          const applied = await options.db.$transaction(async (tx) => {
            const inserted = await tx.$executeRawUnsafe(
              'INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
              options.consumer,
              event.id,
            );
            if (inserted === 0) return false;
            await entry.handle(tx, event);
            return true;
          });
          if (applied) options.afterCommit?.();
          else logger.debug({ eventId: envelope.id }, 'duplicate delivery skipped');
          return;
        } catch (error) {
          if (error instanceof ZodError || attempt >= maxAttempts) return deadLetter(message, error);
          logger.warn({ err: error, eventId: envelope.id, attempt }, 'event handler failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
        }
      }
    },
  });
}
