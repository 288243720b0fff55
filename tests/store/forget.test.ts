// Issue 15, point 2, on PostgreSQL: a person writes unique marker words everywhere Lederrum keeps
// something, then their data is deleted; a dump of the whole database afterwards (pg_dump, or its
// rows through SQL where there is none: support/dump.ts) holds none of the markers and none of
// their ids, every register table has no row about them, and another person's data and the group
// agreement they proposed (without their name) are still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { PERSONAL_DATA } from '../../src/store/personal-data.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import { postgresql } from '../support/databases.ts';
import { dumpDatabase } from '../support/dump.ts';

const PLAY = workspaceOf('playground');
const at = new Date('2026-11-23T09:00:00Z');
const MARKERS = ['Zylofon-answer', 'Zylofon-takeaway', 'Zylofon-agreement', 'Zylofon-adjusted', 'Zylofon-tool', 'Zylofon-name', 'Zylofon-full', 'Zylofon-dm', 'Zylofon-ext'];

let db: Awaited<ReturnType<typeof postgresql.open>>;
let store: Store;

function dump(): Promise<string> {
  return dumpDatabase(db.url!);
}

beforeAll(async () => {
  db = await postgresql.open();
  store = createStore(db.prisma);
});
afterAll(async () => db?.close());

describe('deleting a person on PostgreSQL', () => {
  it('leaves nothing of theirs in a database dump, and everything of everyone else', async () => {
    const mads = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-Zylofon-ext', displayName: 'Zylofon-name', fullName: 'Zylofon-full' });
    const nina = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-nina', displayName: 'Nina' });
    await store.setPreferences(mads.id, { locale: 'en', timeZone: 'Europe/Oslo' });
    await store.setNudgePreferences(mads.id, { level: 'light', pausedUntil: new Date('2026-12-24T00:00:00Z') });
    await db.prisma.workspaceRole.create({ data: { userId: mads.id, role: 'hr' } });
    const group = await store.createGroup({
      platform: 'playground',
      workspace: PLAY,
      conversationId: 'C-lead',
      name: 'Ledere',
      language: 'da',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: nina.id,
      memberIds: [mads.id],
    });

    // Both rounds answered, the takeaway shared; Nina answers too.
    const checkin = await store.startCheckin(group.id, at);
    const sinceLast = checkin.rounds[0]!;
    const answer = await store.saveAnswer({ roundId: sinceLast.id, personId: mads.id, text: 'Zylofon-answer about my week', passed: false, shared: true, at });
    await store.saveAnswer({ roundId: sinceLast.id, personId: nina.id, text: 'Nina-keeps-this', passed: false, shared: true, at });
    const takeAway = await store.openTakeAwayRound(checkin.id, at);
    await store.saveAnswer({ roundId: takeAway.id, personId: mads.id, text: 'Zylofon-takeaway', passed: false, shared: true, at });
    await store.closeCheckin(checkin.id, at, () => [
      { personId: mads.id, present: true },
      { personId: nina.id, present: true },
    ]);

    // A personal agreement, adjusted (the old text stays in its history); a group agreement; an answer to Nina's.
    const terms = { groupId: group.id, followUpDate: '2026-12-01', repeatWeeks: null, expectedEffort: 2, expectedBenefit: 4, source: 'direct' as const, sourceRef: null };
    const own = (await store.createAgreement({ ...terms, text: 'Zylofon-agreement', kind: 'personal', ownerId: mads.id, visibility: 'private' }, at))!;
    await store.changeAgreement(
      own.id,
      { patch: { text: 'Zylofon-adjusted', status: 'adjusted' }, event: { kind: 'adjusted', actorId: mads.id, at, previousText: 'Zylofon-agreement', followUpDate: null, benefit: null } },
      at,
    );
    const proposed = (await store.createAgreement({ ...terms, text: 'We end meetings on time', kind: 'group', ownerId: mads.id, visibility: 'group' }, at))!;
    const ninas = (await store.createAgreement({ ...terms, text: 'Nina-agreement', kind: 'personal', ownerId: nina.id, visibility: 'private' }, at))!;
    await store.changeAgreement(proposed.id, { patch: {}, event: { kind: 'kept', actorId: mads.id, at, previousText: null, followUpDate: null, benefit: null } }, at);
    await store.saveToolSession({ personId: mads.id, toolId: 'energy', stepId: null, answers: { first: 'Zylofon-tool' }, status: 'done', at });

    // An HR poll they made, one they were invited to; jobs planned for them, one already run.
    const poll = await db.prisma.poll.create({
      data: { seriesId: 's', title: 'Puls', createdById: mads.id, platform: 'playground', workspace: PLAY, opensAt: at, closesAt: new Date('2026-11-30T09:00:00Z') },
    });
    await db.prisma.pollParticipant.createMany({
      data: [
        { pollId: poll.id, userId: mads.id },
        { pollId: poll.id, userId: nina.id },
      ],
    });
    const jobs = [
      { kind: 'nudge', subject: `${sinceLast.id}:${mads.id}`, payload: { roundId: sinceLast.id, personId: mads.id } },
      { kind: 'poll.remind.person', subject: `${poll.id}:${mads.id}`, payload: { pollId: poll.id, personId: mads.id, moment: 1 } },
      { kind: 'prompt.weekly', subject: mads.id, payload: { theme: null } },
      { kind: 'agreement.followup', subject: own.id, payload: { dueDate: '2026-12-01' } },
      { kind: 'nudge', subject: `${sinceLast.id}:${nina.id}`, payload: { roundId: sinceLast.id, personId: nina.id } },
    ];
    for (const job of jobs) await db.prisma.schedule.create({ data: { ...job, timeZone: 'Europe/Copenhagen', nextAt: at } });
    const weekly = await db.prisma.schedule.findFirstOrThrow({ where: { kind: 'prompt.weekly' } });
    await db.prisma.occurrence.create({ data: { scheduleId: weekly.id, at, status: 'sent', claimedBy: 'p1', claimedAt: at } });

    // Their playground chat: what they wrote, what only they saw, their direct conversation; a post naming them.
    await db.prisma.playgroundConversation.create({ data: { id: 'C-lead', name: 'Ledere', kind: 'channel', members: ['U-Zylofon-ext', 'U-nina'] } });
    await db.prisma.playgroundMessage.createMany({
      data: [
        { conversationId: 'C-lead', author: 'U-Zylofon-ext', payload: { text: 'Zylofon-dm in the channel' }, createdAt: at, updatedAt: at },
        { conversationId: 'C-lead', author: 'bot', visibleTo: 'U-Zylofon-ext', payload: { text: 'only for Zylofon-name' }, createdAt: at, updatedAt: at },
        { conversationId: 'D-U-Zylofon-ext', author: 'bot', payload: { text: 'Zylofon-dm reply' }, createdAt: at, updatedAt: at },
        { conversationId: 'C-lead', author: 'U-nina', payload: { text: 'Nina-message' }, createdAt: at, updatedAt: at },
      ],
    });
    await store.recordPersonPost({ personId: mads.id, platform: 'playground', conversationId: 'C-lead', messageRef: 'm1', kind: 'answer', subjectId: answer.answer.id, postedAt: at });

    const before = await dump();
    for (const marker of MARKERS) expect(before, marker).toContain(marker);

    const preview = await store.forgetPreview(mads.id);
    const counts = await store.forgetPerson(mads.id);
    expect(counts).toEqual(preview);
    expect(counts).toMatchObject({ profile: 1, answers: 2, agreements: 1, group_agreements: 1, tool_sessions: 1, schedules: 4, poll_invitations: 1, polls_created: 1, posts: 1, chat: 3 });

    const after = await dump();
    for (const marker of MARKERS) expect(after, marker).not.toContain(marker);
    expect(after).not.toContain(mads.id);
    expect(after).not.toContain(mads.externalId);
    for (const kept of ['Nina-keeps-this', 'Nina-agreement', 'Nina-message', 'We end meetings on time', nina.id]) expect(after, kept).toContain(kept);

    // Every register table has nothing about them.
    for (const [model, entry] of Object.entries(PERSONAL_DATA)) {
      const needle = entry.by === 'person' ? mads.id : mads.externalId;
      const where =
        model === 'Schedule'
          ? `"subject" LIKE '%' || $1 || '%' OR "payload"::text LIKE '%' || $1 || '%'`
          : model === 'PlaygroundConversation'
            ? `$1 = ANY("members")`
            : model === 'PlaygroundMessage'
              ? `"author" = $1 OR "visibleTo" = $1 OR "conversationId" = 'D-' || $1`
              : `"${entry.column}" = $1`;
      const rows = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${model}" WHERE ${where}`, needle);
      expect(rows[0]!.n, model).toBe(0);
    }
    expect(await db.prisma.schedule.count({ where: { kind: 'agreement.followup' } })).toBe(0);
    expect(await db.prisma.occurrence.count()).toBe(0);
    expect(await db.prisma.schedule.count()).toBe(1);

    // The group agreement stays, without its proposer; so do its history and Nina's things.
    const stays = await store.agreement(proposed.id);
    expect(stays?.ownerId).toBeNull();
    expect((await store.agreementEvents([proposed.id], 10)).every((e) => e.actorId === null)).toBe(true);
    expect(await store.agreement(ninas.id)).not.toBeNull();
    expect(await db.prisma.poll.findUnique({ where: { id: poll.id } })).toMatchObject({ createdById: null });
    expect(await db.prisma.playgroundConversation.findUnique({ where: { id: 'C-lead' } })).toMatchObject({ members: ['U-nina'] });

    // Deleting again deletes nothing.
    expect(await store.forgetPerson(mads.id)).toEqual({});
  });
});
