// The person's overview as the Store reads it (src/store/overview.ts), on both real databases: the
// one statement behind `overblik` and Slack's App Home, held equal to the one-group reads it
// replaces and to what each part may show: the person's own takeaways, the agreements they may
// see, their groups with members, open round, planned opening and participation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/store/index.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { bothDatabases } from '../support/databases.ts';
import { at, storeWorld } from '../support/store-world.ts';

describe.each(bothDatabases)('The overview on $name', (testDb) => {
  const { world, person, group, meeting } = storeWorld(testDb);
  let db: Database;
  let store: Store;
  beforeAll(() => {
    ({ db, store } = world);
  });

  // The overview's parts, read by its one statement.
  const overviewGroups = async (personId: string, historyWindow: number) => (await store.overview(personId, { historyWindow, takeaways: 5 })).groups;
  const takeawaysOf = async (personId: string, takeaways: number) => (await store.overview(personId, { historyWindow: 6, takeaways })).takeaways;

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
});
