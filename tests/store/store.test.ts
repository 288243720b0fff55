// The Store contract (src/core/ports.ts) on both real databases. One database per describe;
// each test makes its own people and group (unique ids), so tests do not see each other's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LederrumError, type ErrorCode } from '../../src/core/errors.ts';
import type { Checkin } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import { createStore, type Database } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(LederrumError);
  expect((error as LederrumError).code).toBe(code);
}

describe.each(bothDatabases)('Store on $name', (testDb) => {
  let db: Database;
  let store: Store;

  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
  });
  afterAll(async () => {
    await db?.close();
  });

  const person = (displayName: string) => store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId: unique('U'), displayName });

  // The overview's parts, read by its one statement.
  const overviewGroups = async (personId: string, historyWindow: number) => (await store.overview(personId, { historyWindow, takeaways: 5 })).groups;
  const takeawaysOf = async (personId: string, takeaways: number) => (await store.overview(personId, { historyWindow: 6, takeaways })).takeaways;

  async function group(names: string[]) {
    const people = await Promise.all(names.map(person));
    const [facilitator, ...members] = people;
    const created = await store.createGroup({
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
    expect(await store.answer(roundId, facilitator.id)).toEqual(second.answer);
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

  /** Runs one whole check-in: each entry is a person's take-away (text, or 'pass'). */
  async function meeting(groupId: string, start: number, takeaways: Array<[string, string | 'pass']>, close = true) {
    const checkin = await store.startCheckin(groupId, at(start));
    const round = await store.openTakeAwayRound(checkin.id, at(start + 1));
    for (const [personId, text] of takeaways) {
      const passed = text === 'pass';
      await store.saveAnswer({ roundId: round.id, personId, text: passed ? null : text, passed, shared: false, at: at(start + 2) });
    }
    if (close) await store.closeCheckin(checkin.id, at(start + 3), () => takeaways.map(([personId]) => ({ personId, present: true })));
    return checkin;
  }

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

  it("the overview's takeaways: the person's own words from closed check-ins of any group, newest first, never a pass, an open round or another's", async () => {
    const nord = await group(['Ben', 'Ana']);
    const syd = await group(['Sif']);
    const [ana, ben] = [nord.members[0]!, nord.facilitator];
    await store.addMembers(syd.group.id, [ana.id], 'member', at(0));
    await meeting(nord.group.id, 0, [
      [ana.id, 'N1'],
      [ben.id, 'BEN'],
    ]);
    await meeting(syd.group.id, 10, [[ana.id, 'S1']]);
    await meeting(nord.group.id, 20, [[ana.id, 'pass']]);
    await meeting(nord.group.id, 30, [[ana.id, 'N3']]);
    await meeting(syd.group.id, 40, [[ana.id, 'S2 open']], false);

    const notes = await takeawaysOf(ana.id, 5);
    expect(notes.map((n) => [n.groupName, n.sequence, n.text])).toEqual([
      [nord.group.name, 3, 'N3'],
      [syd.group.name, 1, 'S1'],
      [nord.group.name, 1, 'N1'],
    ]);
    expect(notes[0]).toMatchObject({ shared: false, at: at(33) });
    expect((await takeawaysOf(ana.id, 2)).map((n) => n.text)).toEqual(['N3', 'S1']);
    // A group she has left keeps what she took with her there.
    await store.removeMembers(syd.group.id, [ana.id], at(50));
    expect((await takeawaysOf(ana.id, 5)).map((n) => n.text)).toEqual(['N3', 'S1', 'N1']);
    // In no group at all, her overview has no group and still her takeaways.
    await store.removeMembers(nord.group.id, [ana.id], at(51));
    expect(await store.overview(ana.id, { historyWindow: 6, takeaways: 5 })).toMatchObject({ groups: [], takeaways: notes });
    expect(await takeawaysOf((await person('Nobody')).id, 5)).toEqual([]);
  });

  it("the overview's agreements are what agreementsFor reads for the person's active groups: their own, and the shared ones of those groups", async () => {
    const nord = await group(['Ane', 'Bent']);
    const syd = await group(['Sif']);
    const left = await group(['Lis']);
    const [ane, bent] = [nord.facilitator, nord.members[0]!];
    await store.addMembers(syd.group.id, [ane.id], 'member', at(0));
    await store.addMembers(left.group.id, [ane.id], 'member', at(0));
    const make = async (text: string, ownerId: string, groupId: string | null, visibility: 'private' | 'group', followUpDate: string | null, minutes: number) =>
      (await store.createAgreement(
        {
          kind: groupId && visibility === 'group' ? 'group' : 'personal',
          text,
          groupId,
          ownerId,
          visibility,
          followUpDate,
          repeatWeeks: null,
          expectedEffort: 2,
          expectedBenefit: 4,
          source: 'direct',
          sourceRef: null,
        },
        at(minutes),
      ))!;
    await make('mine, private, late', ane.id, null, 'private', '2026-12-20', 1);
    const mineSoon = await make('mine, private, soon', ane.id, nord.group.id, 'private', '2026-12-01', 2);
    await make('Bent shares in Nord', bent.id, nord.group.id, 'group', null, 3);
    await make('Bent, private', bent.id, nord.group.id, 'private', '2026-12-02', 4);
    await make('Sif shares in Syd', syd.facilitator.id, syd.group.id, 'group', '2026-12-05', 5);
    await make('Lis shares in a group Ane left', left.facilitator.id, left.group.id, 'group', '2026-12-03', 6);
    await store.removeMembers(left.group.id, [ane.id], at(7));
    await store.changeAgreement(mineSoon.id, { patch: { status: 'kept', followUpDate: null, quietSince: at(8) } }, at(9));

    const read = (await store.overview(ane.id, { historyWindow: 6, takeaways: 5 })).agreements;
    const ids = (await store.groupsOf(ane.id)).map((g) => g.id);
    // The rows as agreementsFor reads them, less the one column no list shows (when the group decided).
    const expected = (await store.agreementsFor(ane.id, ids)).map((row) => {
      const { decidedAt, ...agreement } = row as typeof row & { decidedAt?: Date | null };
      return agreement;
    });
    expect(read).toEqual(expected);
    // Running ones first, each part by its next follow-up day; a finished one keeps its dates.
    expect(read.map((a) => a.text)).toEqual(['Sif shares in Syd', 'mine, private, late', 'Bent shares in Nord', 'mine, private, soon']);
    expect(read.at(-1)).toMatchObject({ status: 'kept', quietSince: at(8), updatedAt: at(9), createdAt: at(2) });
    expect((await store.overview((await person('Nobody')).id, { historyWindow: 6, takeaways: 5 })).agreements).toEqual([]);
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

  it("the batched reads of several groups equal the one-group reads (membershipsOf, the overview's attendance and planned openings)", async () => {
    const one = await group(['Ane', 'Bent', 'Cille']);
    const two = await group(['Dorte', 'Erik']);
    // Four closed check-ins with everyone's marks, of which the last three count.
    for (const n of [0, 1, 2, 3]) {
      const closed = await store.startCheckin(one.group.id, at(10 * n));
      const marks = [one.facilitator, ...one.members].map((p, i) => ({ personId: p.id, present: (i + n) % 2 === 0 }));
      await store.closeCheckin(closed.id, at(10 * n + 5), () => marks);
    }
    await store.startCheckin(one.group.id, at(50));
    const ids = [one.group.id, two.group.id];
    const memberships = await store.membershipsOf(ids);
    for (const id of ids) expect(memberships.get(id)).toEqual(await store.memberships(id));
    // The overview's attendance, where the person facilitates, equals the one-group read.
    await store.addMembers(two.group.id, [one.facilitator.id], 'facilitator', at(0));
    const histories = new Map((await overviewGroups(one.facilitator.id, 3)).map((g) => [g.group.id, g.history]));
    for (const id of ids) expect(histories.get(id)).toEqual(await store.attendanceHistory(id, 3));
    expect(histories.get(one.group.id)!.checkins.map((c) => c.sequence)).toEqual([2, 3, 4]);
    expect(histories.get(one.group.id)!.marks).toHaveLength(9);
    expect(histories.get(two.group.id)).toEqual({ checkins: [], marks: [] });
    // Where the person is a member only, none: participation is the facilitator's view.
    expect((await overviewGroups(one.members[0]!.id, 3)).map((g) => g.history)).toEqual([null]);
    await store.removeMembers(two.group.id, [one.facilitator.id], at(1));
    const planner = schedulePlanner(scheduleStore(db.prisma), { now: () => at(0) });
    await planner.setCheckinPlan(two.group, { open: { cron: '0 9 * * 1', everyNthWeek: 2 }, close: null });
    // The overview's next opening is the scheduler's own next time, of the group with a running plan only.
    const planned = await scheduleStore(db.prisma).find('checkin.open', two.group.id);
    expect(planned?.nextAt).toBeInstanceOf(Date);
    const seen = await overviewGroups(one.facilitator.id, 3);
    expect(seen.map((g) => g.nextOpening)).toEqual([null]);
    await store.addMembers(two.group.id, [one.facilitator.id], 'member', at(0));
    const both = new Map((await overviewGroups(one.facilitator.id, 3)).map((g) => [g.group.id, g.nextOpening]));
    expect(both).toEqual(
      new Map([
        [one.group.id, null],
        [two.group.id, planned!.nextAt],
      ]),
    );
    await planner.setCheckinPlan(two.group, null);
    expect((await overviewGroups(one.facilitator.id, 3)).map((g) => g.nextOpening)).toEqual([null, null]);
    expect((await store.membershipsOf([])).size).toBe(0);
  });

  it("the overview's groups: the person's groups with their members, open round and whether the person (not anyone else) answered it", async () => {
    const one = await group(['Ane', 'Bent', 'Cille']);
    const two = await group(['Dorte', 'Erik']);
    const left = await group(['Finn', 'Ane2']);
    const [ane, bent] = [one.facilitator, one.members[0]!];
    await store.addMembers(two.group.id, [ane.id], 'member', at(0));
    await store.addMembers(left.group.id, [ane.id], 'member', at(0));
    await store.removeMembers(left.group.id, [ane.id], at(1));
    const closed = await store.startCheckin(one.group.id, at(0));
    await store.closeCheckin(closed.id, at(5), () => [{ personId: ane.id, present: true }]);
    const open = await store.startCheckin(one.group.id, at(10));
    await store.saveAnswer({ roundId: open.rounds[0]!.id, personId: ane.id, text: 'svar', passed: false, shared: true, at: at(11) });

    const seen = await overviewGroups(ane.id, 6);
    expect(seen.map((g) => g.group)).toEqual(await store.groupsOf(ane.id));
    expect(seen.map((g) => g.group.id).sort()).toEqual([one.group.id, two.group.id].sort());
    // Each member as the group's member list has them, in its order: who and in which role, no more.
    for (const { group: g, memberships } of seen) {
      const full = await store.memberships(g.id);
      expect(memberships).toEqual(full.map((m) => ({ person: { id: m.person.id, displayName: m.person.displayName }, role: m.role })));
    }
    const [mine, theirs] = [one, two].map((g) => seen.find((s) => s.group.id === g.group.id)!);
    expect(mine!.open).toEqual({ sequence: 2, round: (await store.openCheckin(one.group.id))!.rounds[0], answered: true });
    expect(theirs!.open).toBeNull();

    // Bent learns whether he answered, not whether anyone else did.
    expect((await overviewGroups(bent.id, 6))[0]!.open).toMatchObject({ sequence: 2, answered: false });
    // The take-away round replaces the since-last round as the open one.
    const takeAway = await store.openTakeAwayRound(open.id, at(12));
    expect((await overviewGroups(ane.id, 6)).find((s) => s.group.id === one.group.id)!.open).toEqual({ sequence: 2, round: takeAway, answered: false });
    expect(await overviewGroups((await person('Nobody')).id, 6)).toEqual([]);
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
