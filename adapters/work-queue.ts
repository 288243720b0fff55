// The work an adapter takes on after answering a request (ARCHITECTURE rule 5), bounded. Every
// adapter of a process shares one queue: they share one event loop, and work that runs unbounded
// on it makes the next request's ack wait. At most `concurrency` pieces run at once; at most
// `limit` are taken on at all (waiting and running together), and beyond that an adapter answers
// the person "busy, try again" at once instead of queueing more (back-pressure: nothing is
// dropped without a word). The count includes work that holds a place but waits for something
// else first, such as a Teams turn behind the earlier turns of its conversation.
import { setImmediate as afterPendingIo } from 'node:timers/promises';
import PQueue from 'p-queue';

export interface WorkQueueOptions {
  /** Pieces of work running at once (WORK_CONCURRENCY). */
  concurrency: number;
  /** Pieces taken on at most, waiting and running together (WORK_QUEUE_LIMIT). */
  limit: number;
}

/** A place in the queue, taken when the request arrived: run its work once, later. */
export interface WorkPlace {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Two at once. The pieces share one event loop, so each more running puts its CPU ahead of the
 * next ack; but a piece also holds its place while it waits on the network (a Teams reply waiting
 * out a Retry-After), and with one place that wait would stop every other conversation. Measured
 * (npm run bench, Slack at 200/s, 3 rounds, ack p99 against bare Bolt, once PGlite's statements
 * were kept prepared): on PostgreSQL overblik / button 1.19x / 0.82x with 1, 1.49x / 1.15x with
 * 2, 2.76x / 2.95x with 4; on PGlite 0.66-1.08x with 2 and 0.63-1.35x with 4.
 */
export const WORK_DEFAULTS: WorkQueueOptions = { concurrency: 2, limit: 500 };

export class WorkQueue {
  private readonly running: PQueue;
  private taken = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly options: WorkQueueOptions) {
    this.running = new PQueue({ concurrency: options.concurrency });
  }

  /** Work taken on and not yet finished, waiting or running (for a queue-depth gauge). */
  get depth(): number {
    return this.taken;
  }

  get limit(): number {
    return this.options.limit;
  }

  /** A place for work to run later, or null when the queue is full. */
  reserve(): WorkPlace | null {
    return this.taken >= this.options.limit ? null : this.place();
  }

  /**
   * A place even beyond the limit, for work nobody can be told "busy" about and that must not
   * be lost (a member joining a channel, an uninstall): rare, so they do not undo the bound.
   */
  reserveAlways(): WorkPlace {
    return this.place();
  }

  /** Runs the work when its turn comes, or returns null at once when the queue is full. */
  offer<T>(work: () => Promise<T>): Promise<T> | null {
    return this.reserve()?.run(work) ?? null;
  }

  /** Resolves once nothing is waiting or running (work taken on meanwhile is waited for too). */
  idle(): Promise<void> {
    if (this.taken === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** Like idle(), but gives up after `ms`: says whether everything finished. */
  async drain(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([this.idle().then(() => true as const), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private place(): WorkPlace {
    this.taken++;
    let used = false;
    return {
      run: <T>(work: () => Promise<T>): Promise<T> => {
        if (used) throw new Error('a work place runs one piece of work');
        used = true;
        // Each piece starts after the event loop's next round, so requests already arrived are read
        // and acked first: work (PGlite above all) can run for milliseconds on promise callbacks alone.
        return this.running.add(() => afterPendingIo().then(work), { throwOnTimeout: true }).finally(() => this.release());
      },
    };
  }

  private release(): void {
    this.taken--;
    if (this.taken > 0) return;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
