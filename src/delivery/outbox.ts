// The core's Outbox port on the database: letters are recorded in one transaction and the
// worker is told at once. Inline (tests that tick by hand), recording also delivers before it
// returns, through the same rows and the same worker, so a test sees the message afterwards.
// The UnitOfWork port records a change and its letters in one transaction and tells the worker
// only after the commit.
import type { Clock, Outbox, Store, UnitOfWork } from '../core/index.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { OutboxWorker } from './worker.ts';

type Mode = 'worker' | 'inline';

export function databaseOutbox(store: OutboxStore, worker: OutboxWorker, clock: Clock, mode: Mode, wall: () => Date = () => new Date()): Outbox {
  const recording = recordingOutbox(store, clock, wall);
  return {
    async enqueue(fanOut, letters) {
      const recorded = await recording.enqueue(fanOut, letters);
      await delivering(worker, mode);
      return recorded;
    },
    async withdraw(prefixes, options) {
      const withdrawn = await recording.withdraw(prefixes, options);
      // A fan-out may be settled now: its report is due.
      await delivering(worker, mode);
      return withdrawn;
    },
  };
}

/**
 * Runs `work` in one database transaction, with a store and the outbox's rows that join it
 * (src/store builds it): what the work changes and records commits together or not at all.
 */
export type Transact = <T>(work: (scope: { store: Store; rows: OutboxStore }) => Promise<T>) => Promise<T>;

export function databaseUnitOfWork(transact: Transact, worker: OutboxWorker, clock: Clock, mode: Mode, wall: () => Date = () => new Date()): UnitOfWork {
  return {
    async atomically(work) {
      let recorded = 0;
      const result = await transact(async ({ store, rows }) => {
        const outbox = recordingOutbox(rows, clock, wall);
        return work({
          store,
          outbox: {
            async enqueue(fanOut, letters) {
              const done = await outbox.enqueue(fanOut, letters);
              recorded += done.recorded;
              return done;
            },
            withdraw: outbox.withdraw,
          },
        });
      });
      if (recorded > 0) await delivering(worker, mode);
      return result;
    },
  };
}

function recordingOutbox(store: OutboxStore, clock: Clock, wall: () => Date): Outbox {
  return {
    async enqueue(fanOut, letters) {
      return { recorded: letters.length === 0 ? 0 : await store.enqueue(fanOut, letters, clock.now(), wall()) };
    },
    async withdraw(prefixes, options = {}) {
      return { withdrawn: await store.withdraw(prefixes, clock.now(), options.silently ?? false) };
    },
  };
}

async function delivering(worker: OutboxWorker, mode: Mode): Promise<void> {
  if (mode === 'inline') await worker.drain();
  else worker.notify();
}
