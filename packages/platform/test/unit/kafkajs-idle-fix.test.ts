import { RequestQueue, type RequestQueueInternals } from '../../src/events/kafkajs-idle-fix';
import { eventually } from '../../src/testing';

/** The patched method on kafkajs's own RequestQueue class (the version pinned in package.json). */
type Queue = RequestQueueInternals & { maybeThrottle(ms: number): void; destroy(): void };
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const newQueue = (): Queue =>
  new (RequestQueue as unknown as new (options: object) => Queue)({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: '127.0.0.1:1',
    logger: silent,
  });

it('arms no timer when nothing waits to be sent (kafkajs 2.2.4 re-armed one every millisecond)', () => {
  const queue = newQueue();
  queue.checkPendingRequests(); // what kafkajs runs after every response
  expect(queue.throttleCheckTimeoutId).toBeNull();
  queue.destroy();
});

it('still sends a request held back by broker throttling once the throttle ends, then stops checking', async () => {
  const queue = newQueue();
  const sent: number[] = [];
  queue.maybeThrottle(30);
  queue.pending.push({ correlationId: 1, expectResponse: true, send: () => sent.push(1) });
  queue.scheduleCheckPendingRequests();
  expect(queue.throttleCheckTimeoutId).not.toBeNull();
  expect(sent).toEqual([]);
  await eventually(async () => (sent.length === 1 ? true : undefined), 2_000, 'the throttled request to be sent');
  expect(queue.pending).toEqual([]);
  expect(queue.throttleCheckTimeoutId).toBeNull();
  queue.destroy();
});
