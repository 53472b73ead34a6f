import type { BusMessage, DeliveredMessage, EventBus, SubscribeOptions, Subscription } from './bus';

const REDELIVERY_DELAY_MS = 50;

/** An in-process log per topic with committed offsets per consumer group. */
export class InMemoryEventBus implements EventBus {
  private readonly logs = new Map<string, DeliveredMessage[]>();
  private readonly groups = new Set<GroupReader>();

  async publish(messages: BusMessage[]): Promise<void> {
    for (const message of messages) {
      const log = this.log(message.topic);
      log.push({ ...message, partition: 0, offset: String(log.length) });
    }
    for (const group of this.groups) group.wake();
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const offsets = new Map(options.topics.map((topic) => [topic, options.fromBeginning ? 0 : this.log(topic).length]));
    const reader = new GroupReader(options, offsets, (topic) => this.log(topic));
    this.groups.add(reader);
    reader.wake();
    return {
      close: async () => {
        this.groups.delete(reader);
        await reader.stop();
      },
    };
  }

  async readMessage(topic: string, partition: number, offset: string): Promise<DeliveredMessage | undefined> {
    return partition === 0 ? this.log(topic)[Number(offset)] : undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...this.groups].map((group) => group.stop()));
    this.groups.clear();
  }

  private log(topic: string): DeliveredMessage[] {
    let log = this.logs.get(topic);
    if (!log) {
      log = [];
      this.logs.set(topic, log);
    }
    return log;
  }
}

class GroupReader {
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly offsets: Map<string, number>,
    private readonly logOf: (topic: string) => DeliveredMessage[],
  ) {}

  wake(): void {
    if (this.stopped || this.running) return;
    // Drained from the next microtask: `running` is set before any handler runs, so a handler that
    // publishes at once (a dead letter) cannot start a second drain of the same message.
    this.running = Promise.resolve()
      .then(() => this.drain())
      .finally(() => {
        this.running = undefined;
        if (this.hasPending()) this.wake();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private hasPending(): boolean {
    return !this.stopped && [...this.offsets].some(([topic, offset]) => offset < this.logOf(topic).length);
  }

  private async drain(): Promise<void> {
    while (this.hasPending()) {
      for (const [topic, offset] of this.offsets) {
        const message = this.logOf(topic)[offset];
        if (!message || this.stopped) continue;
        try {
          await this.options.handler(message);
          this.offsets.set(topic, offset + 1);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, REDELIVERY_DELAY_MS));
        }
      }
    }
  }
}
