// The core's Outbox port on the database: letters are recorded in one transaction and the
// worker is told at once. Inline (tests that tick by hand), recording also delivers before it
// returns, through the same rows and the same worker, so a test sees the message afterwards.
import type { Clock, Outbox } from '../core/index.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { OutboxWorker } from './worker.ts';

export function databaseOutbox(store: OutboxStore, worker: OutboxWorker, clock: Clock, mode: 'worker' | 'inline', wall: () => Date = () => new Date()): Outbox {
  return {
    async enqueue(fanOut, letters) {
      const recorded = letters.length === 0 ? 0 : await store.enqueue(fanOut, letters, clock.now(), wall());
      if (mode === 'inline') await worker.drain();
      else worker.notify();
      return { recorded };
    },
  };
}
