// Issue 15, point 1, on PGlite and PostgreSQL: a person writes unique marker words everywhere
// Lederrum keeps something (answers, takeaways, agreements and their history, tool answers,
// settings, polls); their export holds every marker, parses as the documented JSON (version 1),
// and holds nothing of anyone else: not the other answers of the same check-in, not another's
// agreement or what others did with theirs, not a person of another workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { PERSONAL_DATA, type PersonalTable } from '../../src/store/personal-data.ts';
import { READERS } from '../../src/store/personal-export.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import type { Person } from '../../src/core/model/domain.ts';
import { exportSchema } from '../../src/core/people/export-schema.ts';
import { documentFor, exportFiles } from '../../src/core/people/my-data.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock } from '../support/fakes.ts';

const PLAY = workspaceOf('playground');
const at = new Date('2026-11-23T09:00:00Z');
const MARKERS = [
  'Zylofon-answer',
  'Zylofon-takeaway',
  'Zylofon-agreement',
  'Zylofon-adjusted',
  'Zylofon-group',
  'Zylofon-tool',
  'Zylofon-name',
  'Zylofon-full',
  'U-Zylofon-ext',
  'Zylofon-made-poll',
  'Zylofon-invited-poll',
  'Pacific/Chatham',
  '07:13',
];
const OTHERS = ['Nina-', 'Olaf-'];

describe.each(bothDatabases)("a person's export on $name", (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;
  let store: Store;
  let mads: Person;
  const clock = new ManualClock(new Date('2026-11-24T10:00:00Z'));

  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
    mads = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-Zylofon-ext', displayName: 'Zylofon-name', fullName: 'Zylofon-full' });
    const nina = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-nina', displayName: 'Nina-Holm' });
    const olaf = await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T9'), externalId: 'T9:UOLAF', displayName: 'Olaf-Other' });
    await store.setPreferences(mads.id, { locale: 'en', timeZone: 'Pacific/Chatham' });
    await store.setNudgePreferences(mads.id, { level: 'light', workStart: '07:13', pausedUntil: new Date('2026-12-24T00:00:00Z') });
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

    const checkin = await store.startCheckin(group.id, at);
    const sinceLast = checkin.rounds[0]!;
    await store.saveAnswer({ roundId: sinceLast.id, personId: mads.id, text: 'Zylofon-answer about my week\n# not a heading', passed: false, shared: true, at });
    await store.saveAnswer({ roundId: sinceLast.id, personId: nina.id, text: 'Nina-answer', passed: false, shared: true, at });
    const takeAway = await store.openTakeAwayRound(checkin.id, at);
    await store.saveAnswer({ roundId: takeAway.id, personId: mads.id, text: 'Zylofon-takeaway', passed: false, shared: false, at });
    await store.saveAnswer({ roundId: takeAway.id, personId: nina.id, text: 'Nina-takeaway', passed: false, shared: true, at });
    await store.closeCheckin(checkin.id, at, () => [
      { personId: mads.id, present: true },
      { personId: nina.id, present: true },
    ]);

    const terms = { groupId: group.id, followUpDate: '2026-12-01', repeatWeeks: null, expectedEffort: 2, expectedBenefit: 4, source: 'direct' as const, sourceRef: null };
    const own = (await store.createAgreement({ ...terms, text: 'Zylofon-agreement', kind: 'personal', ownerId: mads.id, visibility: 'private' }, at))!;
    await store.changeAgreement(
      own.id,
      { patch: { text: 'Zylofon-adjusted', status: 'adjusted' }, event: { kind: 'adjusted', actorId: mads.id, at, previousText: 'Zylofon-agreement', followUpDate: null, benefit: null } },
      at,
    );
    const proposed = (await store.createAgreement({ ...terms, text: 'Zylofon-group rule', kind: 'group', ownerId: mads.id, visibility: 'group' }, at))!;
    // Nina keeps Mads's group agreement: it shows as "not you"; Mads keeps Nina's: an act without her text.
    await store.changeAgreement(proposed.id, { patch: {}, event: { kind: 'kept', actorId: nina.id, at, previousText: 'Nina-old-words', followUpDate: null, benefit: 'more' } }, at);
    const ninas = (await store.createAgreement({ ...terms, text: 'Nina-group-rule', kind: 'group', ownerId: nina.id, visibility: 'group' }, at))!;
    await store.changeAgreement(ninas.id, { patch: {}, event: { kind: 'kept', actorId: mads.id, at, previousText: null, followUpDate: '2026-12-01', benefit: 'matched' } }, at);
    await store.createAgreement({ ...terms, text: 'Nina-private', kind: 'personal', ownerId: nina.id, visibility: 'private' }, at);
    await store.saveToolSession({ personId: mads.id, toolId: 'energy', stepId: null, answers: { first: 'Zylofon-tool' }, status: 'done', at });
    await store.saveToolSession({ personId: nina.id, toolId: 'energy', stepId: null, answers: { first: 'Nina-tool' }, status: 'done', at });
    await store.saveToolSession({ personId: olaf.id, toolId: 'energy', stepId: null, answers: { first: 'Olaf-tool' }, status: 'done', at });

    // Their own WHO-5s (index 44 on answers 0-5-1-3-2, a sequence found nowhere else), and Nina's.
    await store.saveOwnWellbeing(mads, { takenAt: at, answers: [0, 5, 1, 3, 2], index: 44 });
    await store.saveOwnWellbeing(nina, { takenAt: at, answers: [4, 4, 4, 4, 4], index: 80 });
    const made = await db.prisma.poll.create({
      data: { seriesId: 's1', title: 'Zylofon-made-poll', createdById: mads.id, platform: 'playground', workspace: PLAY, opensAt: at, closesAt: new Date('2026-11-30T09:00:00Z') },
    });
    const invited = await db.prisma.poll.create({
      data: { seriesId: 's2', title: 'Zylofon-invited-poll', createdById: nina.id, platform: 'playground', workspace: PLAY, opensAt: at, closesAt: new Date('2026-11-30T09:00:00Z') },
    });
    await db.prisma.pollParticipant.createMany({
      data: [
        { pollId: invited.id, userId: mads.id, groupId: group.id, answered: true },
        { pollId: invited.id, userId: nina.id },
        { pollId: made.id, userId: nina.id },
      ],
    });
    // An answer belongs to nobody: it must not come along even though Mads answered that poll.
    await db.prisma.pollResponse.create({ data: { pollId: invited.id, answers: [3], texts: ['Nobody-poll-text'] } });
    const jobs = [
      { kind: 'nudge', subject: `${sinceLast.id}:${mads.id}`, payload: { roundId: sinceLast.id, personId: mads.id } },
      { kind: 'poll.remind.person', subject: `${invited.id}:${mads.id}`, payload: { pollId: invited.id, personId: mads.id, moment: 1 } },
      { kind: 'prompt.weekly', subject: mads.id, payload: { theme: null } },
      { kind: 'wellbeing.reminder', subject: mads.id, payload: {} },
      { kind: 'agreement.followup', subject: own.id, payload: { dueDate: '2026-12-01' } },
      { kind: 'nudge', subject: `${sinceLast.id}:${nina.id}`, payload: { roundId: sinceLast.id, personId: nina.id } },
    ];
    for (const job of jobs) await db.prisma.schedule.create({ data: { ...job, timeZone: 'Europe/Copenhagen', nextAt: at } });
  }, 60_000);
  afterAll(async () => db?.close());

  it('holds every marker, parses as the documented JSON, and nothing of anyone else', async () => {
    const doc = await documentFor({ store, clock }, mads.id);
    expect(doc).not.toBeNull();
    const [json, markdown] = exportFiles(doc!, 'en', {});
    const parsed = exportSchema.parse(JSON.parse(json.content));
    expect(parsed).toMatchObject({ format: 'lederrum.personal-data', version: 1, exportedAt: '2026-11-24T10:00:00.000Z' });
    for (const marker of MARKERS) {
      expect(json.content, marker).toContain(marker);
      expect(markdown.content, marker).toContain(marker);
    }
    for (const other of [...OTHERS, 'Nobody-poll-text', 'U-nina', 'UOLAF']) {
      expect(json.content, other).not.toContain(other);
      expect(markdown.content, other).not.toContain(other);
    }
    expect(parsed.checkins.answers.map((a) => a.round)).toEqual(['since_last', 'take_away']);
    expect(parsed.checkins.attendance).toEqual([expect.objectContaining({ group: 'Ledere', checkin: 1, present: true })]);
    expect(parsed.groups).toEqual([expect.objectContaining({ group: 'Ledere', role: 'member' })]);
    expect(parsed.workspaceRoles.map((r) => r.role)).toEqual(['hr']);
    expect(parsed.person.settings).toMatchObject({ languageChosen: true, timeZoneChosen: true, reminders: { level: 'light', workStart: '07:13', pausedUntil: '2026-12-24T00:00:00.000Z' } });
    const group = parsed.agreements.find((a) => a.kind === 'group')!;
    expect(group.history.find((e) => e.kind === 'kept')).toMatchObject({ byYou: false, previousText: null, benefit: 'more' });
    expect(parsed.agreements.find((a) => a.kind === 'personal')!.history.find((e) => e.kind === 'adjusted')).toMatchObject({ byYou: true, previousText: 'Zylofon-agreement' });
    expect(parsed.agreementActs).toEqual([expect.objectContaining({ group: 'Ledere', kind: 'kept', benefit: 'matched' })]);
    expect(parsed.polls.participation).toEqual([{ title: 'Zylofon-invited-poll', wave: 1, status: 'scheduled', group: 'Ledere', answered: true }]);
    expect(parsed.polls.created.map((p) => p.title)).toEqual(['Zylofon-made-poll']);
    expect(parsed.schedules.map((s) => s.kind).sort()).toEqual(['agreement.followup', 'nudge', 'poll.remind.person', 'prompt.weekly', 'wellbeing.reminder']);
    expect(parsed.wellbeing).toEqual([{ takenAt: at.toISOString(), index: 44, answers: [0, 5, 1, 3, 2] }]);
    expect(markdown.content).toContain('well-being index 44 out of 100 (answers to the five statements: 0, 5, 1, 3, 2)');
    expect(markdown.content).toContain('Monthly reminder about your well-being');
    // The person's own words cannot turn into Markdown structure.
    expect(markdown.content).toContain('> # not a heading');
    expect(markdown.content).not.toMatch(/^# not a heading/m);
  });

  it('has a reader for every register table, and every exported table fills its part', async () => {
    const who = await db.prisma.user.findUniqueOrThrow({ where: { id: mads.id } });
    for (const [table, entry] of Object.entries(PERSONAL_DATA) as Array<[PersonalTable, (typeof PERSONAL_DATA)[PersonalTable]]>) {
      const part = await READERS[table](db.prisma, who);
      const filled = Object.values(part).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
      expect(filled, table).toBe(entry.exported === true);
    }
  });

  it('is null for a person with nothing stored, and for one Lederrum does not know', async () => {
    const tom = await store.upsertPerson({ platform: 'playground', workspace: PLAY, externalId: 'U-tom', displayName: 'Tom' });
    expect(await documentFor({ store, clock }, tom.id)).toBeNull();
    expect(await store.personalExport('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
