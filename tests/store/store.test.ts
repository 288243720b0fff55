// The Store contract (src/core/ports.ts) on both real databases. One database per describe;
// each test makes its own people and group (unique ids), so tests do not see each other's rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { LederrumError, type ErrorCode } from '../../src/core/errors.ts';
import type { Checkin } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { at, storeWorld, unique } from '../support/store-world.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(LederrumError);
  expect((error as LederrumError).code).toBe(code);
}

describe.each(bothDatabases)('Store on $name', (testDb) => {
  const { world, person, group, meeting } = storeWorld(testDb);
  let db: Database;
  let store: Store;
  beforeAll(() => {
    ({ db, store } = world);
  });

  it('upsertPerson creates, then updates the name but keeps a locale the next actor lacks', async () => {
    const externalId = unique('U');
    const first = await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId, displayName: 'Anna', locale: 'en', timeZone: 'Europe/London' });
    expect(first).toMatchObject({ externalId, displayName: 'Anna', locale: 'en', timeZone: 'Europe/London' });
    const second = await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId, displayName: 'Anna B.' });
    expect(second).toEqual({ ...first, displayName: 'Anna B.' });
    expect(await db.prisma.user.count({ where: { externalId } })).toBe(1);
  });

  it('createGroup makes the creator facilitator and the others members; a second one is GROUP_EXISTS', async () => {
    const { group: created, facilitator, members } = await group(['Fia', 'Bo', 'Cai']);
    const roles = await db.prisma.membership.findMany({ where: { groupId: created.id } });
    expect(Object.fromEntries(roles.map((m) => [m.userId, m.role]))).toEqual({
      [facilitator.id]: 'facilitator',
      [members[0]!.id]: 'member',
      [members[1]!.id]: 'member',
    });
    expect(await store.findGroupByConversation('slack', created.conversationId)).toEqual(created);
    const again = store.createGroup({
      platform: 'slack',
      workspace: workspaceOf('slack', 'T0001'),
      conversationId: created.conversationId,
      name: 'Other',
      language: 'en',
      timeZone: 'UTC',
      facilitatorId: members[0]!.id,
      memberIds: [],
    });
    await rejectsWith(again, 'GROUP_EXISTS');
    expect(await db.prisma.group.count({ where: { conversationId: created.conversationId } })).toBe(1);
  });

  it('memberships lists facilitators first, then by name', async () => {
    const { group: g, facilitator } = await group(['Zed', 'Bea', 'Adam']);
    const yan = await person('Yan');
    await store.addMembers(g.id, [yan.id], 'facilitator', at(1));
    const list = await store.memberships(g.id);
    expect(list.map((m) => [m.person.displayName, m.role])).toEqual([
      ['Yan', 'facilitator'],
      ['Zed', 'facilitator'],
      ['Adam', 'member'],
      ['Bea', 'member'],
    ]);
    expect(list.find((m) => m.person.id === facilitator.id)?.leftAt).toBeNull();
  });

  it('removeMembers sets leftAt and keeps history; re-adding clears it and keeps the role', async () => {
    const { group: g, facilitator, members } = await group(['Fia', 'Bo']);
    const second = await person('Gus');
    await store.addMembers(g.id, [second.id], 'facilitator', at(1));
    await store.removeMembers(g.id, [members[0]!.id, second.id], at(2));

    expect((await store.memberships(g.id)).map((m) => m.person.id)).toEqual([facilitator.id]);
    const left = await db.prisma.membership.findMany({ where: { groupId: g.id, leftAt: { not: null } } });
    expect(left.map((m) => [m.userId, m.leftAt?.toISOString()]).sort()).toEqual(
      [
        [members[0]!.id, at(2).toISOString()],
        [second.id, at(2).toISOString()],
      ].sort(),
    );
    expect(await store.groupsOf(members[0]!.id)).toEqual([]);

    await store.addMembers(g.id, [members[0]!.id, second.id], 'member', at(3));
    const back = await store.memberships(g.id);
    expect(back.map((m) => [m.person.id, m.role, m.leftAt])).toEqual([
      [facilitator.id, 'facilitator', null],
      [second.id, 'facilitator', null],
      [members[0]!.id, 'member', null],
    ]);
  });

  it('removing the last facilitator throws LAST_FACILITATOR and changes nothing', async () => {
    const { group: g, facilitator, members } = await group(['Fia', 'Bo']);
    const before = await db.prisma.membership.findMany({ where: { groupId: g.id }, orderBy: { userId: 'asc' } });
    await rejectsWith(store.removeMembers(g.id, [facilitator.id, members[0]!.id], at(1)), 'LAST_FACILITATOR');
    await rejectsWith(store.removeMembers(g.id, [facilitator.id], at(1)), 'LAST_FACILITATOR');
    expect(await db.prisma.membership.findMany({ where: { groupId: g.id }, orderBy: { userId: 'asc' } })).toEqual(before);
  });

  it('startCheckin numbers check-ins 1, 2, … and refuses while one is open', async () => {
    const { group: g } = await group(['Fia']);
    const first = await store.startCheckin(g.id, at(0));
    expect(first).toMatchObject({ sequence: 1, status: 'open', closedAt: null });
    expect(first.rounds.map((r) => [r.kind, r.status])).toEqual([['since_last', 'open']]);
    await rejectsWith(store.startCheckin(g.id, at(1)), 'CHECKIN_ALREADY_OPEN');
    expect((await store.openCheckin(g.id))?.id).toBe(first.id);

    await store.closeCheckin(first.id, at(2), () => []);
    expect(await store.openCheckin(g.id)).toBeNull();
    expect((await store.startCheckin(g.id, at(3))).sequence).toBe(2);
    await rejectsWith(store.startCheckin(g.id, at(4)), 'CHECKIN_ALREADY_OPEN');
    expect(await db.prisma.checkin.count({ where: { groupId: g.id } })).toBe(2);
  });

  it('openTakeAwayRound closes the since-last round and opens the take-away round', async () => {
    const { group: g } = await group(['Fia']);
    const checkin = await store.startCheckin(g.id, at(0));
    const takeAway = await store.openTakeAwayRound(checkin.id, at(5));
    expect(takeAway).toMatchObject({ checkinId: checkin.id, kind: 'take_away', status: 'open', closedAt: null });
    const open = await store.openCheckin(g.id);
    expect(open?.rounds.map((r) => [r.kind, r.status, r.closedAt?.toISOString() ?? null])).toEqual([
      ['since_last', 'closed', at(5).toISOString()],
      ['take_away', 'open', null],
    ]);
  });

  it('saveAnswer creates, then updates the same answer, and refuses once the round closed', async () => {
    const { group: g, facilitator } = await group(['Fia']);
    const checkin = await store.startCheckin(g.id, at(0));
    const roundId = checkin.rounds[0]!.id;
    const base = { roundId, personId: facilitator.id, passed: false, shared: false };
    const first = await store.saveAnswer({ ...base, text: 'Busy week', at: at(1) });
    expect(first.created).toBe(true);
    const second = await store.saveAnswer({ ...base, text: 'Busy, good week', at: at(2) });
    expect(second.created).toBe(false);
    expect(second.answer).toMatchObject({ id: first.answer.id, text: 'Busy, good week' });
    expect(second.answer.createdAt.toISOString()).toBe(at(1).toISOString());
    expect(second.answer.updatedAt.toISOString()).toBe(at(2).toISOString());

    await store.openTakeAwayRound(checkin.id, at(3));
    await rejectsWith(store.saveAnswer({ ...base, text: 'Too late', at: at(4) }), 'ROUND_CLOSED');
    expect((await store.roundContext(roundId, facilitator.id))?.answer).toEqual(second.answer);
    expect(await db.prisma.answer.count({ where: { roundId } })).toBe(1);
  });

  it('closeCheckin records attendance and closes every round', async () => {
    const { group: g, facilitator, members } = await group(['Fia', 'Bo']);
    const checkin = await store.startCheckin(g.id, at(0));
    const takeAway = await store.openTakeAwayRound(checkin.id, at(1));
    await store.closeCheckin(checkin.id, at(2), () => [
      { personId: facilitator.id, present: true },
      { personId: members[0]!.id, present: false },
    ]);
    const row = await db.prisma.checkin.findUniqueOrThrow({ where: { id: checkin.id }, include: { rounds: true, attendances: true } });
    expect(row.status).toBe('closed');
    expect(row.closedAt?.toISOString()).toBe(at(2).toISOString());
    expect(row.rounds.map((r) => r.status)).toEqual(['closed', 'closed']);
    expect(row.rounds.find((r) => r.id === takeAway.id)?.closedAt?.toISOString()).toBe(at(2).toISOString());
    expect(Object.fromEntries(row.attendances.map((a) => [a.userId, a.present]))).toEqual({
      [facilitator.id]: true,
      [members[0]!.id]: false,
    });
    await rejectsWith(store.saveAnswer({ roundId: takeAway.id, personId: facilitator.id, text: 'x', passed: false, shared: false, at: at(3) }), 'ROUND_CLOSED');
  });

  it('lastTakeaway returns what the person took along the last time they answered the closing round; a pass there means nothing', async () => {
    const { group: g, facilitator: a, members } = await group(['Ana', 'Ben', 'Cas']);
    const [b, c] = [members[0]!, members[1]!];
    await meeting(g.id, 0, [
      [a.id, 'A1'],
      [b.id, 'B1'],
      [c.id, 'C1'],
    ]);
    await meeting(g.id, 10, [
      [a.id, 'A2'],
      [b.id, 'pass'],
    ]);
    await meeting(g.id, 20, [[a.id, 'A3 open']], false);

    expect(await store.lastTakeaway(g.id, a.id, 3)).toBe('A2');
    expect(await store.lastTakeaway(g.id, a.id, 4)).toBe('A2');
    expect(await store.lastTakeaway(g.id, a.id, 2)).toBe('A1');
    expect(await store.lastTakeaway(g.id, a.id, 1)).toBeNull();
    // Ben passed at #2: he took nothing along last time, so #1's takeaway is not shown as "last time".
    expect(await store.lastTakeaway(g.id, b.id, 3)).toBeNull();
    expect(await store.lastTakeaway(g.id, b.id, 2)).toBe('B1');
    // Cas was away at #2: what he took along at #1 is still the last thing he took along.
    expect(await store.lastTakeaway(g.id, c.id, 3)).toBe('C1');
    const other = await group(['Dan']);
    expect(await store.lastTakeaway(other.group.id, a.id, 99)).toBeNull();
  });

  it("personAt: the person with the conversation's group and whether they are an active member of it, in one read", async () => {
    const { group: g, facilitator: fia, members } = await group(['Fia', 'Gus']);
    const gus = members[0]!;
    const actorOf = async (id: string) => {
      const row = (await db.prisma.user.findUniqueOrThrow({ where: { id } }))!;
      return { platform: row.platform, workspace: workspaceOf('slack', 'T0001'), externalId: row.externalId, displayName: row.displayName };
    };
    expect(await store.personAt(await actorOf(fia.id), g.conversationId)).toEqual({ person: await store.upsertPerson(await actorOf(fia.id)), group: g, member: true });
    await store.removeMembers(g.id, [gus.id], at(1));
    expect(await store.personAt(await actorOf(gus.id), g.conversationId)).toMatchObject({ person: { id: gus.id }, group: g, member: false });
    // Someone never seen before is made, and learns the group is there, not that they are in it.
    const stranger = { platform: 'slack' as const, workspace: workspaceOf('slack', 'T0001'), externalId: unique('U'), displayName: 'Ny' };
    const first = await store.personAt(stranger, g.conversationId);
    expect(first).toMatchObject({ person: { externalId: stranger.externalId, displayName: 'Ny' }, group: g, member: false });
    // A conversation that is no group, and the same id on another platform, have none.
    expect(await store.personAt(await actorOf(fia.id), unique('C'))).toMatchObject({ person: { id: fia.id }, group: null, member: false });
    expect(await store.personAt({ ...stranger, platform: 'teams' }, g.conversationId)).toMatchObject({ group: null, member: false });
    // A new name is written, and read back as the person.
    expect((await store.personAt({ ...(await actorOf(fia.id)), displayName: 'Fia B.' }, g.conversationId)).person).toMatchObject({ id: fia.id, displayName: 'Fia B.' });
  });

  it("roundContext: the round with both rounds of its check-in and its group, and only the asked person's own answer", async () => {
    const { group: g, facilitator: ane, members } = await group(['Ane', 'Bo']);
    const bo = members[0]!;
    const checkin = await store.startCheckin(g.id, at(0));
    const since = checkin.rounds[0]!;
    await store.saveAnswer({ roundId: since.id, personId: bo.id, text: 'Bos ord', passed: false, shared: true, at: at(1) });
    const takeAway = await store.openTakeAwayRound(checkin.id, at(2));
    const expected = { round: { ...since, status: 'closed', closedAt: at(2) }, checkin: await store.openCheckin(g.id), group: g };
    expect(await store.roundContext(since.id)).toEqual(expected);
    expect(expected.checkin!.rounds.map((r) => r.kind)).toEqual(['since_last', 'take_away']);
    expect(await store.roundContext(since.id, ane.id)).toEqual({ ...expected, answer: null });
    expect((await store.roundContext(since.id, bo.id))!.answer).toMatchObject({ personId: bo.id, roundId: since.id, text: 'Bos ord', passed: false, shared: true, createdAt: at(1) });
    expect((await store.roundContext(takeAway.id, bo.id))!).toMatchObject({ round: takeAway, answer: null });
    expect(await store.roundContext('00000000-0000-0000-0000-000000000000', bo.id)).toBeNull();
  });

  it('attendanceHistory returns the last N closed check-ins oldest first, with their marks', async () => {
    const { group: g, facilitator: a, members } = await group(['Ana', 'Ben']);
    const b = members[0]!;
    const closed: Checkin[] = [];
    for (let i = 0; i < 4; i++) {
      const checkin = await store.startCheckin(g.id, at(i * 10));
      await store.closeCheckin(checkin.id, at(i * 10 + 5), () => [
        { personId: a.id, present: true },
        { personId: b.id, present: i % 2 === 0 },
      ]);
      closed.push(checkin);
    }
    await store.startCheckin(g.id, at(100));

    const history = await store.attendanceHistory(g.id, 3);
    expect(history.checkins).toEqual(closed.slice(1).map(({ id, sequence }) => ({ id, sequence })));
    const marks = history.marks.map((m) => [m.sequence, m.personId === a.id ? 'a' : 'b', m.present]).sort();
    expect(marks).toEqual(
      [
        [2, 'a', true],
        [2, 'b', false],
        [3, 'a', true],
        [3, 'b', true],
        [4, 'a', true],
        [4, 'b', false],
      ].sort(),
    );
    expect(history.marks.every((m) => closed.some((c) => c.id === m.checkinId && c.sequence === m.sequence))).toBe(true);
  });

  it('five concurrent saveAnswer calls for one person and round leave exactly one answer', async () => {
    const { group: g, facilitator } = await group(['Fia']);
    const roundId = (await store.startCheckin(g.id, at(0))).rounds[0]!.id;
    // Warm the connection pool so that all five transactions really run at the same time.
    await Promise.all([1, 2, 3, 4, 5].map(() => db.prisma.$queryRawUnsafe('SELECT pg_sleep(0.05)::text AS slept')));
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => store.saveAnswer({ roundId, personId: facilitator.id, text: `take ${n}`, passed: false, shared: false, at: at(n) })));
    const rows = await db.prisma.answer.findMany({ where: { roundId } });
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.answer.id))).toEqual(new Set([rows[0]!.id]));
  });

  it('markWelcomed is true once per person, however many calls race for it', async () => {
    const [fia, bo] = await Promise.all([person('Fia'), person('Bo')]);
    await Promise.all([1, 2, 3, 4].map(() => db.prisma.$queryRawUnsafe('SELECT pg_sleep(0.05)::text AS slept')));
    const results = await Promise.all([1, 2, 3, 4].map(() => store.markWelcomed(fia.id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.markWelcomed(fia.id)).toBe(false);
    // Another person is welcomed on their own account.
    expect(await store.markWelcomed(bo.id)).toBe(true);
  });

  it('three concurrent startCheckin calls open exactly one check-in; the others get CHECKIN_ALREADY_OPEN', async () => {
    const { group: g } = await group(['Fia']);
    const results = await Promise.allSettled([1, 2, 3].map((n) => store.startCheckin(g.id, at(n))));
    const opened = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(opened).toHaveLength(1);
    expect(refused.map((e) => (e instanceof LederrumError ? e.code : String(e)))).toEqual(['CHECKIN_ALREADY_OPEN', 'CHECKIN_ALREADY_OPEN']);
    const rows = await db.prisma.checkin.findMany({ where: { groupId: g.id } });
    expect(rows.map((r) => [r.sequence, r.status])).toEqual([[1, 'open']]);
  });

  it('two concurrent createGroup calls on one conversation: one group, the other gets GROUP_EXISTS', async () => {
    const fia = await person('Fia');
    const conversationId = unique('C');
    const input = {
      platform: 'slack' as const,
      workspace: workspaceOf('slack', 'T0001'),
      conversationId,
      name: 'Leaders',
      language: 'da' as const,
      timeZone: 'UTC',
      facilitatorId: fia.id,
      memberIds: [],
    };
    const results = await Promise.allSettled([store.createGroup(input), store.createGroup(input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refused.map((e) => (e instanceof LederrumError ? e.code : String(e)))).toEqual(['GROUP_EXISTS']);
    expect(await db.prisma.group.count({ where: { conversationId } })).toBe(1);
  });
});
