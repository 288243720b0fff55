// Holds places in the app's work queue until the test lets go, so a test can reach the queue's
// limit without timing: the core is not slow, the queue is simply full until release().
import type { WorkQueue } from '../../adapters/work-queue.ts';

export interface WorkGate {
  release(): void;
  /** Resolves once the held work has run (after release()). */
  done: Promise<void>;
}

export function holdWork(work: WorkQueue, places: number, onRun: () => Promise<void> | void = () => undefined): WorkGate {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: Promise<void>[] = [];
  for (let i = 0; i < places; i++) {
    const running = work.offer(async () => {
      await opened;
      await onRun();
    });
    if (!running) throw new Error(`the work queue was full after ${i} of ${places} places`);
    held.push(running);
  }
  return { release, done: Promise.all(held).then(() => undefined) };
}
