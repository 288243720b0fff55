// Poll reminders person by person (issue 14, point 5), through the real scheduler on an injected
// clock: HR sends WHO-5 with two reminders to people in Copenhagen and New York who all work
// 09-17 Monday to Friday. Each is reminded inside their own working hours in their own zone; one
// on pause, one with reminders off and one who has answered get none; 'light' gets only the last;
// nobody gets more than the two HR chose, and none comes after the close.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil } from '../support/run-until.ts';
import type { Actor, Reply } from '../../src/core/index.ts';
import { directConversationId } from '../../adapters/playground/workspace.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { reminderTime } from '../../src/core/polls/reminders.ts';

const CPH = 'Europe/Copenhagen';
const NY = 'America/New_York';
const actor = (externalId: string, displayName: string, locale: 'da' | 'en', timeZone: string, admin = false): Actor => ({
  platform: 'playground',
  workspace: workspaceOf('playground'),
  externalId,
  displayName,
  locale,
  timeZone,
  ...(admin ? { admin: true } : {}),
});
const HANNE = actor('hanne', 'Hanne Holm', 'da', CPH, true);
const PEOPLE = {
  mia: actor('mia', 'Mia Berg', 'da', CPH),
  joe: actor('joe', 'Joe Park', 'en', NY),
  pia: actor('pia', 'Pia Lund', 'da', CPH),
  ole: actor('ole', 'Ole Dahl', 'da', CPH),
  ann: actor('ann', 'Ann Lee', 'en', NY),
  liv: actor('liv', 'Liv Kjær', 'da', CPH),
};
const DM = { kind: 'direct' as const, conversationId: 'dm' };
const text = (reply: Reply) => (reply.kind === 'message' ? reply.message.text : JSON.stringify(reply));

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
let clock: ManualClock;
let closesAt: Date;

const say = (who: Actor, words: string) => app.core.handle({ type: 'command', actor: who, place: DM, text: words });

/** The reminders a person received, as the local time they arrived, in their zone. */
async function remindersTo(who: Actor): Promise<DateTime[]> {
  const rows = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: directConversationId(who.externalId) }, orderBy: { seq: 'asc' } });
  return rows.filter((m) => /Påmindelse – kort måling|Reminder – short poll/.test(JSON.stringify(m.payload))).map((m) => DateTime.fromJSDate(m.createdAt, { zone: who.timeZone! }));
}

beforeAll(async () => {
  // Monday 30 November 2026, 09:00 in Copenhagen.
  clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
  app = await startTestApp({ clock });
  for (const who of [HANNE, ...Object.values(PEOPLE)]) expect(text(await say(who, 'arbejdstid 09:00-17:00'))).not.toMatch(/forstår|understand/i);
  expect(text(await say(PEOPLE.pia, 'pause om 3 uger'))).toContain('2026-12-21');
  await say(PEOPLE.ole, 'påmindelser fra');
  await say(PEOPLE.liv, 'påmindelser let');
  expect(text(await say(HANNE, 'hr tildel Hanne Holm'))).toContain('HR-rollen');
  const ids = (await app.database.prisma.user.findMany({ where: { externalId: { in: Object.values(PEOPLE).map((p) => p.externalId) } } })).map((u) => u.id);
  await app.core.handle({ type: 'form_submitted', actor: HANNE, place: DM, formId: 'group.create', state: '', values: { name: 'Nord', language: 'da', time_zone: CPH, members: ids } });
  const group = await app.database.prisma.group.findFirstOrThrow();
  const created = await app.core.handle({
    type: 'form_submitted',
    actor: HANNE,
    place: DM,
    formId: 'poll.create',
    state: '',
    values: { title: 'Trivsel', template: 'who5', questions: '', audience: [group.id], opens: 'nu', closes: 'om 1 uge', reminders: '2', threshold: '3', continues: '', share: false },
  });
  expect(text(created)).toContain('2 påmindelse');
  const poll = await app.database.prisma.poll.findFirstOrThrow();
  closesAt = poll.closesAt;
  // Ann answers at once; Hanne, in the group she made, too.
  for (const who of [PEOPLE.ann, HANNE]) {
    const saved = await app.core.handle({ type: 'form_submitted', actor: who, place: DM, formId: 'poll.answer', state: poll.id, values: { q0: '3', q1: '3', q2: '3', q3: '3', q4: '3' } });
    expect(text(saved)).toMatch(/saved without your name|gemt uden dit navn/);
  }
  await runUntil(app, clock, '2026-12-09T00:00:00Z');
}, 120_000);
afterAll(async () => app?.close());

describe('poll reminders in two zones', () => {
  it('reminds each who has not answered inside their own working hours, in their own zone', async () => {
    const mia = await remindersTo(PEOPLE.mia);
    const joe = await remindersTo(PEOPLE.joe);
    // Moment 1 is Wednesday 19:20 in Copenhagen (13:20 in New York); moment 2 falls on a Saturday.
    expect(mia.map((d) => d.toFormat('ccc dd HH:mm'))).toEqual(['Thu 03 09:00', 'Mon 07 09:00']);
    expect(joe.map((d) => d.toFormat('ccc dd HH:mm'))).toEqual(['Wed 02 13:20', 'Mon 07 09:00']);
    for (const at of [...mia, ...joe]) {
      expect(at.weekday).toBeLessThanOrEqual(5);
      expect(at.hour * 60 + at.minute).toBeGreaterThanOrEqual(9 * 60);
      expect(at.hour * 60 + at.minute).toBeLessThan(17 * 60);
      expect(at.toMillis()).toBeLessThan(closesAt.getTime());
    }
  });

  it("reminds 'light' only at the last moment, and nobody on pause, with reminders off or who has answered", async () => {
    expect((await remindersTo(PEOPLE.liv)).map((d) => d.toFormat('ccc dd HH:mm'))).toEqual(['Mon 07 09:00']);
    expect(await remindersTo(PEOPLE.pia)).toEqual([]);
    expect(await remindersTo(PEOPLE.ole)).toEqual([]);
    expect(await remindersTo(PEOPLE.ann)).toEqual([]);
    expect(await remindersTo(HANNE)).toEqual([]);
  });

  it('never sends anyone more reminders than HR chose, and the poll closed on time', async () => {
    for (const who of Object.values(PEOPLE)) expect((await remindersTo(who)).length, who.displayName).toBeLessThanOrEqual(2);
    expect((await app.database.prisma.poll.findFirstOrThrow()).status).toBe('closed');
    expect((await app.database.prisma.poll.findFirstOrThrow()).remindersPlanned).toBe(2);
  });

  it('logs counts of planned reminders only, never who has answered', () => {
    const lines = app.logger.lines.filter((l) => l.message.startsWith('poll reminder'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line.fields ?? {}).sort()).toEqual(['moment', 'planned', 'poll']);
  });
});

describe('when one person is reminded', () => {
  const base = {
    moment: new Date('2026-12-04T16:30:00Z'),
    deadline: new Date('2026-12-07T14:30:00Z'),
    last: true,
    level: 'normal' as const,
    hours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    pausedUntil: null,
  };
  it('waits for the working day in their zone, after a pause, and not past the deadline', () => {
    // Friday 17:30 in Copenhagen is after hours: Monday 09:00. In New York it is 11:30: at once.
    expect(reminderTime({ ...base, timeZone: CPH })?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(reminderTime({ ...base, timeZone: NY })?.toISOString()).toBe('2026-12-04T16:30:00.000Z');
    expect(reminderTime({ ...base, timeZone: NY, pausedUntil: new Date('2026-12-05T05:00:00Z') })?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
    expect(reminderTime({ ...base, timeZone: CPH, pausedUntil: new Date('2026-12-08T00:00:00Z') })).toBeNull();
    expect(reminderTime({ ...base, timeZone: CPH, deadline: new Date('2026-12-07T08:00:00Z') })).toBeNull();
  });
  it("skips reminders off, and 'light' before the last moment", () => {
    expect(reminderTime({ ...base, timeZone: NY, level: 'off' })).toBeNull();
    expect(reminderTime({ ...base, timeZone: NY, level: 'light', last: false })).toBeNull();
    expect(reminderTime({ ...base, timeZone: NY, level: 'light' })).not.toBeNull();
  });
});
