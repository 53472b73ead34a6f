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

/** Reads `start` at the system instant `anchorMs` and runs at the normal rate, so Kafka, timeouts and sweeps still behave for real. */
class OffsetClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date, anchorMs: number) {
    super();
    this.offsetMs = start.getTime() - anchorMs;
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

/** A clock that reads `start` now (or at the system instant `anchorMs`) and runs on from there. */
export const clockStartingAt = (start: Date, anchorMs = Date.now()): Clock => new OffsetClock(start, anchorMs);

/**
 * The clock a service process runs on: the system's, or (never in production) one that read
 * CLOCK_START_AT when the process started — anchored at the process's start rather than at this
 * call, so processes launched together agree to within their launch, whatever their boot takes.
 */
export const clockFromConfig = (config: { CLOCK_START_AT?: string | undefined }): Clock =>
  config.CLOCK_START_AT ? clockStartingAt(new Date(config.CLOCK_START_AT), performance.timeOrigin) : systemClock;
