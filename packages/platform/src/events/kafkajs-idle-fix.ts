/**
 * kafkajs 2.2.4 (pinned; the project is no longer maintained) re-arms a timer on every broker
 * connection forever, even with nothing waiting to be sent: the delay is negative, so it fires every
 * millisecond (tulios/kafkajs#1556; the fix proposed in #1667 was never released). Each idle service
 * spent about 6 % of a core on it. As in that fix, the check is re-armed only while requests are
 * pending; a request held back by broker throttling is still retried when the throttle ends, and one
 * held back by the in-flight limit is sent when an in-flight request completes (kafkajs does that).
 */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

// kafkajs exports no RequestQueue: the module is patched where the client itself requires it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const RequestQueue: { prototype: RequestQueueInternals } = require('kafkajs/src/network/requestQueue');

RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
};
