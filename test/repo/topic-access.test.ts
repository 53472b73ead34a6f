import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as contracts from '@yikatong/contracts';
import { EVENT_CATALOGUE, SERVICE_NAMES, TOPIC_READERS, topicWriter, type EventDefinition } from '@yikatong/contracts';
import { ROOT } from '../support/system';

/**
 * Each service consumes only topics TOPIC_READERS declares it a reader of, and writes events only
 * to its own topics: the declaration the Kafka ACLs follow is the code's truth. Read from the
 * services' sources: `on(someEventV1, …)` subscribes, `createEvent(someEventV1, …)` and
 * `outgoing(someEventV1, …)` write.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sources(full);
    return full.endsWith('.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

function eventsNamed(text: string, pattern: RegExp): EventDefinition[] {
  return [...text.matchAll(pattern)].map((match) => {
    const found = EVENT_CATALOGUE.find((definition) => definition === Reflect.get(contracts, match[1]!));
    if (!found) throw new Error(`${match[1]} is not an event of @yikatong/contracts`);
    return found;
  });
}

describe.each(SERVICE_NAMES.map((service) => [service]))('%s', (service) => {
  const text = sources(path.join(ROOT, 'services', service, 'src')).join('\n');

  it('reads only the topics declared for it', () => {
    const consumed = eventsNamed(text, /\bon\((\w+V\d+)\b/g);
    expect(consumed.length).toBeGreaterThan(0);
    expect(
      consumed.filter((definition) => !TOPIC_READERS[definition.topic].includes(service)).map((definition) => `${definition.type} on ${definition.topic}`),
    ).toEqual([]);
  });

  it('writes only to its own topics', () => {
    const written = eventsNamed(text, /\b(?:createEvent|outgoing)\((\w+V\d+)\b/g);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((definition) => topicWriter(definition.topic) !== service).map((definition) => `${definition.type} on ${definition.topic}`)).toEqual(
      [],
    );
  });
});
