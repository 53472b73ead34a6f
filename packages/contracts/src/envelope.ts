import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TopicName } from './topics';

/** CloudEvents 1.0 structured-mode envelope, JSON. The schema version is the type's `.vN` suffix. */
export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^cn\.yikatong\.[a-z]+(\.[a-z-]+)+\.v\d+$/, 'type must look like cn.yikatong.<service>.<entity>.<fact>.v<N>'),
  subject: z.string().min(1),
  time: z.string().datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export type CloudEvent<TData = unknown> = Omit<z.infer<typeof cloudEventSchema>, 'data'> & { data: TData };

/** One event kind: its CloudEvents type, the topic it travels on and the schema of its data. */
export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly topic: TopicName;
  readonly data: TSchema;
}

export function defineEvent<TSchema extends z.ZodType>(definition: EventDefinition<TSchema>): EventDefinition<TSchema> {
  return definition;
}

export type EventData<D extends EventDefinition> = z.infer<D['data']>;
/** What a producer passes: defaults (e.g. a field added later) may be left out. */
export type EventDataInput<D extends EventDefinition> = z.input<D['data']>;

/** Builds a validated envelope; `subject` is the aggregate id and becomes the Kafka key; `time` is when it happened, by the producer's clock. */
export function createEvent<D extends EventDefinition>(
  definition: D,
  source: string,
  subject: string,
  data: EventDataInput<D>,
  time: Date,
): CloudEvent<EventData<D>> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source,
    type: definition.type,
    subject,
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data: definition.data.parse(data) as EventData<D>,
  };
}

/** Parses raw JSON into an envelope and, when the type is the expected one, validates its data. */
export function parseEvent<D extends EventDefinition>(definition: D, raw: unknown): CloudEvent<EventData<D>> {
  const envelope = cloudEventSchema.parse(raw);
  if (envelope.type !== definition.type) {
    throw new Error(`expected event type ${definition.type}, got ${envelope.type}`);
  }
  return { ...envelope, data: definition.data.parse(envelope.data) as EventData<D> };
}
