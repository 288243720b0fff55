// The outbox at shutdown and on /metrics: finish() delivers what is due and in flight before the
// database goes, gives up at its deadline (what is left waits in the database), and every
// attempt's outcome is told to /metrics as a word — sent, retried, unreachable, refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { LederrumError, textMessage, workspaceOf, type Message, type Person } from '../../src/core/index.ts';
import type { OutboxStore } from '../../src/delivery/outbox-store.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { OutboxWorker, type DeliveryOutcome } from '../../src/delivery/worker.ts';
import type { Pacing } from '../../src/delivery/pacing.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

const NO_PACE: Pacing = { slack: { conversationMs: 0, workspaceMs: 0 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } };
const HOUR = 3600_000;

/** Holds the sends to the people it is told to until released; fails others as told. */
class HoldingDeliverer extends RecordingDeliverer {
  readonly held = new Set<string>();
  readonly failures = new Map<string, () => Error>();
  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  override async sendPrivate(person: Person, message: Message): Promise<void> {
    if (this.held.has(person.id)) await this.released;
    const failure = this.failures.get(person.id);
    if (failure) throw failure();
    await super.sendPrivate(person, message);
  }
  letGo(): void {
    this.release();
  }
}

for (const kind of bothDatabases) {
  describe(`the outbox at shutdown, ${kind.name}`, () => {
    let db: Awaited<ReturnType<typeof kind.open>>;
    let rows: OutboxStore;
    let people: Person[];
    let deliverer: HoldingDeliverer;
    let outcomes: DeliveryOutcome[];
    let worker: OutboxWorker;

    beforeAll(async () => {
      db = await kind.open();
      const store = createStore(db.prisma);
      people = [];
      for (let i = 0; i < 6; i++) people.push(await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T1'), externalId: `T1:U${i}`, displayName: `Person ${i}` }));
      rows = outboxStore(db.prisma);
    }, 60_000);
    beforeEach(async () => {
      await db.prisma.outboxMessage.deleteMany();
      await db.prisma.outboxBatch.deleteMany();
      await db.prisma.outboxLane.deleteMany();
      deliverer = new HoldingDeliverer();
      outcomes = [];
      // A long idle poll: rows recorded now are found by finish(), not by the loop.
      worker = new OutboxWorker({
        outbox: rows,
        people: createStore(db.prisma),
        deliverer,
        clock: new ManualClock(),
        logger: new MemoryLogger(),
        owner: 'w1',
        pacing: NO_PACE,
        defaultLanguage: 'da',
        pollMs: 60_000,
        backoff: { baseMs: 60_000, maxMs: 60_000 },
        outcome: (outcome) => outcomes.push(outcome),
      });
    });
    afterAll(async () => {
      deliverer?.letGo();
      await worker?.stop();
      await db?.close();
    });

    const enqueue = (key: string, to: Person[]) =>
      rows.enqueue(
        { key, deadline: new Date(Date.now() + HOUR) },
        to.map((p) => ({ to: p, message: textMessage(`hej ${p.displayName}`) })),
        new Date(),
        new Date(),
      );

    /** The loop has made its first pass and now idles. */
    async function idling(): Promise<void> {
      worker.start();
      while (!worker.lastPassAt) await new Promise((resolve) => setTimeout(resolve, 10));
    }

    it('delivers what is due before it stops, and counts each as sent', async () => {
      await idling();
      await enqueue('late', people.slice(0, 4));
      expect(await worker.finish(10_000)).toBe(true);
      expect(deliverer.privates.map((p) => p.person.id).sort()).toEqual(
        people
          .slice(0, 4)
          .map((p) => p.id)
          .sort(),
      );
      expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent']);
      expect(await rows.unsettled()).toBe(0);
    });

    it('gives up at its deadline with a send still under way, which the database keeps', async () => {
      await idling();
      deliverer.held.add(people[0]!.id);
      await enqueue('held', people.slice(0, 2));
      expect(await worker.finish(2_000)).toBe(false);
      expect(deliverer.privates.map((p) => p.person.id)).toEqual([people[1]!.id]);
      expect(await rows.unsettled()).toBe(1);
      deliverer.letGo();
      await worker.stop();
    });

    it('tells /metrics how each attempt ended, in words only', async () => {
      deliverer.failures.set(people[0]!.id, () => new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation'));
      deliverer.failures.set(people[1]!.id, () => new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: Object.assign(new Error('unavailable'), { statusCode: 503 }) }));
      deliverer.failures.set(people[2]!.id, () => new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: Object.assign(new Error('bad'), { statusCode: 400 }) }));
      await enqueue('mixed', people.slice(0, 4));
      await worker.pass(true);
      while (outcomes.length < 4) await new Promise((resolve) => setTimeout(resolve, 10));
      expect([...outcomes].sort()).toEqual(['refused', 'retried', 'sent', 'unreachable']);
      await worker.stop();
    });
  });
}
