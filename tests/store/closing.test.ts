// A facilitator double-clicking "close" or "start the closing round", or two facilitators at
// once: the store decides under a row lock, so the second click is refused and nothing is done
// twice. On PostgreSQL these are real races between connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import type { Store } from '../../src/core/ports.ts';
import { createStore } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const codes = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof LederrumError ? r.reason.code : String(r.reason)] : []));

describe.each(bothDatabases)('closing on $name', (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;
  let store: Store;
  let seq = 0;

  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function openCheckin() {
    seq += 1;
    const anna = await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: `a${seq}`, displayName: 'Anna' });
    const bo = await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: `b${seq}`, displayName: 'Bo' });
    const group = await store.createGroup({
      platform: 'playground',
      workspace: workspaceOf('playground'),
      conversationId: `c${seq}`,
      name: 'G',
      language: 'da',
      timeZone: 'UTC',
      facilitatorId: anna.id,
      memberIds: [bo.id],
    });
    // Warm the pool so the racing transactions really run on separate connections.
    await Promise.all([1, 2, 3].map(() => db.prisma.user.count()));
    return { anna, bo, checkin: await store.startCheckin(group.id, at(0)) };
  }

  it('two concurrent closes: one closes and records attendance once, the other gets NO_OPEN_CHECKIN', async () => {
    const { anna, bo, checkin } = await openCheckin();
    let decided = 0;
    const attendanceOf = () => {
      decided += 1;
      return [
        { personId: anna.id, present: true },
        { personId: bo.id, present: false },
      ];
    };
    const results = await Promise.allSettled([store.closeCheckin(checkin.id, at(5), attendanceOf), store.closeCheckin(checkin.id, at(5), attendanceOf)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(codes(results)).toEqual(['NO_OPEN_CHECKIN']);
    expect(decided).toBe(1);
    expect(await db.prisma.attendance.count({ where: { checkinId: checkin.id } })).toBe(2);
  });

  it('hands the attendance rule the answers read inside the closing transaction, and returns them', async () => {
    const { anna, bo, checkin } = await openCheckin();
    const roundId = checkin.rounds[0]!.id;
    await store.saveAnswer({ roundId, personId: bo.id, text: 'Travlt', passed: false, shared: true, at: at(1) });
    const { answers, attendance } = await store.closeCheckin(checkin.id, at(5), (read) => [anna.id, bo.id].map((personId) => ({ personId, present: read.some((a) => a.personId === personId) })));
    expect(answers.map((a) => [a.personId, a.text, a.kind])).toEqual([[bo.id, 'Travlt', 'since_last']]);
    expect(attendance).toEqual([
      { personId: anna.id, present: false },
      { personId: bo.id, present: true },
    ]);
    await expect(store.closeCheckin(checkin.id, at(6), () => [])).rejects.toMatchObject({ code: 'NO_OPEN_CHECKIN' });
  });

  it('two concurrent "start the closing round": one take-away round, the other gets ROUND_NOT_OPEN', async () => {
    const { checkin } = await openCheckin();
    const results = await Promise.allSettled([store.openTakeAwayRound(checkin.id, at(3)), store.openTakeAwayRound(checkin.id, at(3))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(codes(results)).toEqual(['ROUND_NOT_OPEN']);
    expect(await db.prisma.round.count({ where: { checkinId: checkin.id, kind: 'take_away' } })).toBe(1);
  });

  it('does not open a closing round in a closed check-in', async () => {
    const { checkin } = await openCheckin();
    await store.closeCheckin(checkin.id, at(5), () => []);
    await expect(store.openTakeAwayRound(checkin.id, at(6))).rejects.toMatchObject({ code: 'NO_OPEN_CHECKIN' });
  });
});
