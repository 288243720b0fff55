// A person's own WHO-5 entries on PGlite and PostgreSQL: read back oldest first, the latest few
// when asked for few; found only by their author in the workspace they were written in; the
// database itself refuses an entry that is not five items 0-5 with an index 0-100; and deleting
// the person deletes their entries and their monthly reminder, counted, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { workspaceOf, type Person } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import { bothDatabases } from '../support/databases.ts';

const PLAY = workspaceOf('playground');
const DAY = 24 * 3600_000;
const at = (days: number) => new Date(Date.UTC(2026, 10, 1) + days * DAY);
/** Five items 0-5 whose sum ×4 is the index (as WHO-5 scores them). */
const answersFor = (index: number) => [0, 1, 2, 3, 4].map((i) => Math.min(5, Math.max(0, index / 4 - 5 * i)));

describe.each(bothDatabases)('own well-being entries on $name', (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;
  let store: Store;
  let mia: Person;
  let ole: Person;

  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
    mia = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-mia', displayName: 'Mia' });
    ole = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-ole', displayName: 'Ole' });
    // Written out of order: reading sorts by when each was taken.
    for (const [day, index] of [
      [30, 64],
      [0, 48],
      [60, 72],
      [90, 76],
    ] as const) {
      await store.saveOwnWellbeing(mia, { takenAt: at(day), answers: answersFor(index), index });
    }
    await store.saveOwnWellbeing(ole, { takenAt: at(10), answers: [5, 5, 5, 5, 5], index: 100 });
  }, 60_000);
  afterAll(async () => db?.close());

  it('reads the person’s own entries back oldest first, and the latest ones when asked for few', async () => {
    expect((await store.ownWellbeing(mia, 12)).map((e) => e.index)).toEqual([48, 64, 72, 76]);
    expect((await store.ownWellbeing(mia, 2)).map((e) => [e.takenAt.toISOString(), e.index])).toEqual([
      [at(60).toISOString(), 72],
      [at(90).toISOString(), 76],
    ]);
    expect((await store.ownWellbeing(ole, 12)).map((e) => e.answers)).toEqual([[5, 5, 5, 5, 5]]);
  });

  it('finds an entry only by its author, in the workspace it was written in', async () => {
    expect(await store.ownWellbeing({ id: mia.id, workspace: workspaceOf('slack', 'T1') }, 12)).toEqual([]);
    expect(await store.ownWellbeing({ id: '00000000-0000-0000-0000-000000000000', workspace: PLAY }, 12)).toEqual([]);
  });

  it('refuses, in the database, an entry that is not five items 0-5 with an index 0-100', async () => {
    const row = (answers: number[], index: number) => db.prisma.wellbeingEntry.create({ data: { userId: ole.id, workspace: PLAY, takenAt: at(1), answers, index } });
    await expect(row([1, 2, 3, 4], 40)).rejects.toThrow();
    await expect(row([1, 2, 3, 4, 6], 64)).rejects.toThrow();
    await expect(row([1, 2, 3, 4, -1], 36)).rejects.toThrow();
    await expect(row([5, 5, 5, 5, 5], 104)).rejects.toThrow();
    expect(await db.prisma.wellbeingEntry.count({ where: { userId: ole.id } })).toBe(1);
  });

  it('goes with the person when they delete their data, with the monthly reminder, and nobody else’s', async () => {
    for (const person of [mia, ole]) {
      await db.prisma.schedule.create({ data: { kind: 'wellbeing.reminder', subject: person.id, cron: '0 9 * * 1#1', timeZone: 'Europe/Copenhagen', nextAt: at(100) } });
    }
    expect(await store.forgetPreview(mia.id)).toMatchObject({ wellbeing: 4, schedules: 1 });
    expect(await store.ownWellbeing(mia, 12)).toHaveLength(4);
    expect(await store.forgetPerson(mia.id)).toMatchObject({ wellbeing: 4, schedules: 1 });
    expect(await db.prisma.wellbeingEntry.count({ where: { userId: mia.id } })).toBe(0);
    expect(await db.prisma.schedule.count({ where: { kind: 'wellbeing.reminder', subject: mia.id } })).toBe(0);
    expect(await store.ownWellbeing(ole, 12)).toHaveLength(1);
    expect(await db.prisma.schedule.count({ where: { kind: 'wellbeing.reminder', subject: ole.id } })).toBe(1);
  });
});
