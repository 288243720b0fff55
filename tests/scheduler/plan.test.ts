// Planning a group's check-in from the facilitator's side: the next dates are shown before
// saving; bad input is refused on its field with an example, and the plan in force stays.
// Holidays stop a scheduled opening; members' own reminder settings are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import type { Actor, Reply } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };
type App = Awaited<ReturnType<typeof startTestApp>>;

let app: App;
let clock: ManualClock;
let groupId: string;

const text = (reply: Reply) => (reply.kind === 'message' ? reply.message.text : JSON.stringify(reply));
const submitPlan = (values: Record<string, string | boolean>) =>
  app.core.handle({ type: 'form_submitted', actor: MIA, place: DM, formId: 'schedule.plan', state: groupId, values: { close: '', holidays: false, skip_days: '', ...values } });

async function save(preview: Reply): Promise<Reply> {
  if (preview.kind !== 'message') throw new Error(`no preview: ${JSON.stringify(preview)}`);
  const button = preview.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => b.action === 'schedule.save')!;
  return app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: button.action, value: button.value });
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2027-03-15T10:00:00Z'));
  app = await startTestApp({ clock });
  await app.core.handle({ type: 'form_submitted', actor: MIA, place: DM, formId: 'group.create', state: '', values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen' } });
  groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
}, 60_000);
afterAll(async () => app?.close());

describe('planning a check-in', () => {
  it('opens the plan form for the facilitator with an example filled in', async () => {
    const reply = await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'tjekind plan' });
    expect(reply.kind).toBe('form');
    if (reply.kind !== 'form') return;
    expect(reply.form.fields.map((f) => f.id)).toEqual(['open', 'close', 'holidays', 'skip_days']);
  });

  it("shows the next three openings and closings as dates in the group's zone before saving anything", async () => {
    const preview = await submitPlan({ open: 'hver mandag kl. 9', close: 'fredag kl. 15' });
    expect(text(preview)).toContain('man. 22. mar., 09.00 → fre. 26. mar., 15.00');
    expect(text(preview)).toContain('man. 5. apr., 09.00 → fre. 9. apr., 15.00');
    // Only the system's own daily retention pass is planned (at start-up); nothing for the group yet.
    expect(await app.database.prisma.schedule.findMany({ select: { kind: true, subject: true, cron: true } })).toEqual([{ kind: 'data.retention', subject: 'system', cron: '30 3 * * *' }]);
    expect(text(await save(preview))).toContain('Planen er gemt: tjek-ind åbner hver mandag kl. 09:00');
    expect(await app.database.prisma.schedule.count({ where: { kind: 'checkin.open', nextAt: new Date('2027-03-22T08:00:00Z') } })).toBe(1);
    // The overview (App Home in Slack) now names the next opening.
    const overview = text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'overblik' }));
    expect(overview).toContain('Næste tjek-ind åbner');
    expect(overview).toContain('22. marts');
  });

  it('refuses what it cannot read, on the field, with an example, and keeps the plan in force', async () => {
    const before = await app.database.prisma.schedule.findFirstOrThrow({ where: { kind: 'checkin.open' } });
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ open: 'every Funday 9:00' }, 'open', 'hver mandag kl. 9'],
      [{ open: '0 9 * * 1 2027 x' }, 'open', 'fem felter'],
      [{ open: 'hver mandag kl. 9', close: 'mandag kl. 8' }, 'close', 'fredag kl. 15'],
      [{ open: 'hver mandag kl. 9', skip_days: 'juleaften' }, 'skip_days', '2026-12-24'],
    ];
    for (const [values, field, example] of cases) {
      const reply = await submitPlan(values);
      expect(reply.kind, JSON.stringify(values)).toBe('form_errors');
      if (reply.kind !== 'form_errors') continue;
      expect(Object.keys(reply.errors)).toEqual([field]);
      expect(reply.errors[field]).toContain(example);
    }
    const after = await app.database.prisma.schedule.findFirstOrThrow({ where: { kind: 'checkin.open' } });
    expect(after).toEqual(before);
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'tidszone Mars/Olympus' }))).toContain('Europe/Copenhagen');
  });

  it('does not open on a Danish public holiday when the group skips them', async () => {
    await save(await submitPlan({ open: 'hver mandag kl. 9', close: 'fredag kl. 15', holidays: true }));
    // Monday 2027-03-29 is 2. påskedag; the next opening is a week later.
    for (const until of ['2027-03-30T12:00:00Z', '2027-04-05T12:00:00Z']) {
      for (;;) {
        const next = await app.database.prisma.schedule.findFirst({ where: { nextAt: { not: null, lte: new Date(until) } }, orderBy: { nextAt: 'asc' } });
        if (!next?.nextAt) break;
        clock.advance(Math.max(0, next.nextAt.getTime() - clock.now().getTime()));
        await app.scheduler.tick();
      }
    }
    const opened = (await app.database.prisma.checkin.findMany({ orderBy: { sequence: 'asc' } })).map((c) => DateTime.fromJSDate(c.openedAt, { zone: 'Europe/Copenhagen' }).toISODate());
    expect(opened).toEqual(['2027-03-22', '2027-04-05']);
    expect(app.logger.lines.some((l) => l.message.includes('skip day') && l.fields?.['date'] === '2027-03-29')).toBe(true);
  });

  it('names the next opening of an every-other-week plan in its own week, not the week between', async () => {
    await app.core.handle({ type: 'form_submitted', actor: MIA, place: DM, formId: 'group.create', state: '', values: { name: 'Syd', language: 'da', time_zone: 'Europe/Copenhagen' } });
    const syd = (await app.database.prisma.group.findFirstOrThrow({ where: { name: 'Syd' } })).id;
    const preview = await app.core.handle({
      type: 'form_submitted',
      actor: MIA,
      place: DM,
      formId: 'schedule.plan',
      state: syd,
      values: { open: 'hver anden uge om mandagen kl. 9', close: 'fredag kl. 15', holidays: false, skip_days: '' },
    });
    await save(preview);
    // Opens Monday 12 April, closes Friday 16 April; the next opening is 26 April, two weeks on.
    for (;;) {
      const next = await app.database.prisma.schedule.findFirst({ where: { nextAt: { not: null, lte: new Date('2027-04-17T12:00:00Z') } }, orderBy: { nextAt: 'asc' } });
      if (!next?.nextAt) break;
      clock.advance(Math.max(0, next.nextAt.getTime() - clock.now().getTime()));
      await app.scheduler.tick();
    }
    clock.advance(new Date('2027-04-17T12:00:00Z').getTime() - clock.now().getTime());
    expect(await app.database.prisma.checkin.count({ where: { groupId: syd, status: 'closed' } })).toBe(1);
    const lines = text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'overblik' })).split('\n');
    const lineAfter = (name: string) => lines[lines.indexOf(name) + 1];
    expect(lineAfter('Syd')).toContain('26. april');
    expect(lineAfter('Nord')).toContain('19. april');
  });
});

describe("a member's own reminders", () => {
  it('keeps a chosen level, working hours and pause, and refuses what does not make sense', async () => {
    const person = () => app.database.prisma.user.findFirstOrThrow({ where: { externalId: 'mia' } });
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'påmindelser let' }))).toContain('stille påmindelse');
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'arbejdstid 09:30-15:00 man-tor' }))).toContain('09:30');
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'pause til 2027-06-01' }))).toContain('2027-06-01');
    expect(await person()).toMatchObject({ nudgeLevel: 'light', workStart: '09:30', workEnd: '15:00', workDays: '1,2,3,4' });
    expect((await person()).pausedUntil?.toISOString()).toBe('2027-05-31T22:00:00.000Z');
    for (const bad of ['påmindelser måske', 'arbejdstid 17:00-08:00', 'pause til 2020-01-01', 'pause til snart']) {
      expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: bad })), bad).toMatch(/Skriv/);
    }
    expect(await person()).toMatchObject({ nudgeLevel: 'light', workStart: '09:30' });
    // "Pause me until 1 March", in words: the next 1 March, midnight in her zone.
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'pause til 1. marts' }))).toContain('2028-03-01');
    expect(text(await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'pause until May 20' }))).toContain('2027-05-20');
    expect((await person()).pausedUntil?.toISOString()).toBe('2027-05-19T22:00:00.000Z');
  });
});
