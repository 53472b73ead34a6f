import { randomUUID } from 'node:crypto';
import { TOPICS } from '@yikatong/contracts';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import type { DeadLetter } from './consumer';
import { CLOUD_EVENT_HEADERS } from './outbox';

export interface DeadLetterReplayOptions {
  bus: EventBus;
  logger: Logger;
  /** The consumer whose failed events are sent again (its processed_event / group name). */
  consumer: string;
  /** List the letters without sending anything or remembering that they were seen. */
  dryRun?: boolean;
  /** Stop once no letter has arrived for this long. */
  idleMs?: number;
  onLetter?: (letter: DeadLetter) => void;
}

export interface DeadLetterReplayResult {
  /** Letters of this consumer read (and, unless a dry run, sent again). */
  letters: number;
  replayed: number;
  /** Letters without the event whose topic no longer holds it (past its retention): listed in the log, not sent. */
  gone: number;
}

/**
 * Sends a consumer's dead letters back to the topics they came from, once the cause is fixed. The
 * replay group remembers what it has sent, so running it twice sends nothing twice; a letter that
 * fails again comes back as a new letter. Every consumer of the topic sees the event again and
 * skips it by its processed_event row unless it too had failed; handlers must accept an event that
 * arrives after newer ones for the same key (they compare versions or times already). A letter from a
 * topic of personal data carries no copy of the event: it is read again from where it was.
 */
export async function replayDeadLetters(options: DeadLetterReplayOptions): Promise<DeadLetterReplayResult> {
  const idleMs = options.idleMs ?? 10_000;
  const result: DeadLetterReplayResult = { letters: 0, replayed: 0, gone: 0 };
  let lastActivity = Date.now();
  const subscription = await options.bus.subscribe({
    groupId: options.dryRun ? `dead-letter-list.${randomUUID()}` : `dead-letter-replay.${options.consumer}`,
    topics: [TOPICS.deadLetter],
    fromBeginning: true,
    handler: async (message) => {
      lastActivity = Date.now();
      const letter = JSON.parse(message.value) as DeadLetter;
      if (letter.consumer !== options.consumer) return;
      result.letters += 1;
      options.onLetter?.(letter);
      if (options.dryRun) return;
      const value = letter.value ?? (await options.bus.readMessage(letter.topic, letter.partition, letter.offset))?.value;
      if (value === undefined) {
        result.gone += 1;
        options.logger.error(
          { topic: letter.topic, partition: letter.partition, offset: letter.offset, eventId: letter.eventId },
          'dead letter cannot be sent again: its topic no longer holds the event',
        );
        return;
      }
      await options.bus.publish([{ topic: letter.topic, key: letter.key, value, headers: CLOUD_EVENT_HEADERS }]);
      result.replayed += 1;
      options.logger.info({ topic: letter.topic, offset: letter.offset, consumer: letter.consumer }, 'dead letter sent again');
    },
  });
  try {
    while (Date.now() - lastActivity < idleMs) await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    await subscription.close();
  }
  return result;
}
