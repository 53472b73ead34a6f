import { chinaDay, chinaPeriod, chinaYear, instantPlusDays } from './calendar';

/**
 * Where business time comes from. Every service is handed one, like its database and its bus, and
 * takes "now" from it — never from `new Date()` — so tests pin it and end-to-end runs start it at
 * an instant of their choosing. Timestamps for logs and metrics may use the system time.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today in China, YYYY-MM-DD. */
  today(): string {
    return chinaDay(this.now());
  }

  /** The current pay period in China, YYYY-MM. */
  period(): string {
    return chinaPeriod(this.now());
  }

  /** The current year in China. */
  year(): number {
    return chinaYear(this.now());
  }
}

class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Starts at `start` and runs at the normal rate, so Kafka, timeouts and sweeps still behave for real. */
class OffsetClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date) {
    super();
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** A clock that moves only when told: tests set it to fixed instants and move it explicitly. */
export class ManualClock extends Clock {
  private at: number;

  constructor(start: Date) {
    super();
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date): void {
    this.at = at.getTime();
  }

  advance(by: { days?: number; hours?: number; minutes?: number; ms?: number }): Date {
    const ms = (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.ms ?? 0);
    this.at = instantPlusDays(new Date(this.at + ms), by.days ?? 0).getTime();
    return this.now();
  }
}

export const systemClock: Clock = new SystemClock();

export const clockStartingAt = (start: Date): Clock => new OffsetClock(start);

/** The clock a service process runs on: the system's, or (never in production) one started at CLOCK_START_AT. */
export const clockFromConfig = (config: { CLOCK_START_AT?: string | undefined }): Clock =>
  config.CLOCK_START_AT ? clockStartingAt(new Date(config.CLOCK_START_AT)) : systemClock;
