import { overloaded } from './errors';

export interface WorkLimit {
  /** Runs `work` when one of the places is free; refuses at once with OVERLOADED when the queue is full too. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * At most `inFlight` pieces of work at a time and `queued` more waiting, in arrival order. Keeps a
 * storm of requests (a bank retrying a whole batch at once) from queueing on the database pool until
 * their transactions time out: the excess is told to come back, and nothing it asked is half done.
 */
export function createWorkLimit(options: { name: string; inFlight: number; queued: number }): WorkLimit {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(work) {
      if (running >= options.inFlight) {
        if (waiting.length >= options.queued) throw overloaded(`Too many ${options.name} at once; send it again in a moment.`);
        // The place is handed over by release(): `running` stays the same.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
