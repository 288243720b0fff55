// One database per describe for the Store contract tests (tests/store/store.test.ts,
// overview.test.ts), opened before and closed after, and the few rows they build on: people, a
// group of them, a whole check-in. Each call makes unique ids, so tests do not see each other's rows.
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { createStore, type Database } from '../../src/store/index.ts';
import type { TestDatabase } from './databases.ts';

const T0 = new Date('2026-11-23T09:00:00.000Z');
/** A moment `minutes` after the tests' fixed start. */
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function storeWorld(testDb: TestDatabase) {
  const world = {} as { db: Database; store: Store };
  beforeAll(async () => {
    world.db = await testDb.open();
    world.store = createStore(world.db.prisma);
  });
  afterAll(async () => {
    await world.db?.close();
  });

  const person = (displayName: string) => world.store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId: unique('U'), displayName });

  /** A group of new people named so: the first facilitates. */
  async function group(names: string[]) {
    const people = await Promise.all(names.map(person));
    const [facilitator, ...members] = people;
    const created = await world.store.createGroup({
      platform: 'slack',
      workspace: workspaceOf('slack', 'T0001'),
      conversationId: unique('C'),
      name: unique('Group'),
      language: 'da',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: facilitator!.id,
      memberIds: people.map((p) => p.id),
    });
    return { group: created, people, facilitator: facilitator!, members };
  }

  /** Runs one whole check-in: each entry is a person's take-away (text, or 'pass'). */
  async function meeting(groupId: string, start: number, takeaways: Array<[string, string | 'pass']>, close = true) {
    const { store } = world;
    const checkin = await store.startCheckin(groupId, at(start));
    const round = await store.openTakeAwayRound(checkin.id, at(start + 1));
    for (const [personId, text] of takeaways) {
      const passed = text === 'pass';
      await store.saveAnswer({ roundId: round.id, personId, text: passed ? null : text, passed, shared: false, at: at(start + 2) });
    }
    if (close) await store.closeCheckin(checkin.id, at(start + 3), () => takeaways.map(([personId]) => ({ personId, present: true })));
    return checkin;
  }

  return { world, person, group, meeting };
}
