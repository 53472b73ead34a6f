import type { Logger } from './logger';

/**
 * A job run on a timer for the life of a service (a deadline sweep): one run at a time, errors
 * logged and retried at the next tick, and `stop()` waits for a run in progress.
 */
export function intervalJob(name: string, intervalMs: number, logger: Logger, run: () => Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  return {
    start(): void {
      timer = setInterval(() => {
        running ??= run()
          .then(
            () => undefined,
            (error: unknown) => logger.error({ err: error }, `${name} failed`),
          )
          .finally(() => (running = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
