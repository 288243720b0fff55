// A weekly check-in planned for "hver mandag kl. 9, lukker fredag kl. 15" in Copenhagen opens at
// 09:00 local on both sides of each daylight-saving change, and members get their one reminder
// at 08:00 in their own zone — Copenhagen and New York, whose changes fall on other dates. The
// clock is injected and moved from one due time to the next, as a real one would pass them.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import type { Actor, Reply } from '../../src/core/index.ts';
import { directConversationId } from '../../adapters/playground/workspace.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const JOE: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'joe', displayName: 'Joe Park', locale: 'en', timeZone: 'America/New_York' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };

type App = Awaited<ReturnType<typeof startTestApp>>;

async function planWeeklyCheckin(app: App): Promise<void> {
  const joe = await app.core.handle({ type: 'command', actor: JOE, place: DM, text: 'help' });
  expect(joe.kind).toBe('message');
  const joeId = (await app.database.prisma.user.findFirstOrThrow({ where: { externalId: 'joe' } })).id;
  await app.core.handle({
    type: 'form_submitted',
    actor: MIA,
    place: DM,
    formId: 'group.create',
    state: '',
    values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen', members: [joeId] },
  });
  const group = await app.database.prisma.group.findFirstOrThrow();
  const preview: Reply = await app.core.handle({
    type: 'form_submitted',
    actor: MIA,
    place: DM,
    formId: 'schedule.plan',
    state: group.id,
    values: { open: 'hver mandag kl. 9', close: 'fredag kl. 15', holidays: false, skip_days: '' },
  });
  if (preview.kind !== 'message') throw new Error(`no preview: ${JSON.stringify(preview)}`);
  const save = preview.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => b.action === 'schedule.save')!;
  const saved = await app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: save.action, value: save.value });
  expect(saved.kind === 'message' && saved.message.text).toContain('Planen er gemt');
}

/** Moves the clock to each due time in turn up to `until`, ticking there. */
async function runUntil(app: App, clock: ManualClock, until: Date): Promise<void> {
  for (;;) {
    const next = await app.database.prisma.schedule.findFirst({ where: { nextAt: { not: null, lte: until } }, orderBy: { nextAt: 'asc' } });
    if (!next?.nextAt) return;
    clock.advance(Math.max(0, next.nextAt.getTime() - clock.now().getTime()));
    await app.scheduler.tick();
  }
}

async function sent(app: App, kind: string, subjectEndsWith = '') {
  const rows = await app.database.prisma.occurrence.findMany({ where: { status: 'sent', schedule: { kind, subject: { endsWith: subjectEndsWith } } }, orderBy: { at: 'asc' } });
  return rows.map((r) => r.at);
}

function local(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
}

for (const season of [
  { name: 'spring', from: '2026-02-27T12:00:00Z', until: '2026-04-04T00:00:00Z' },
  { name: 'autumn', from: '2026-10-16T12:00:00Z', until: '2026-11-07T00:00:00Z' },
]) {
  describe(`a weekly check-in across the ${season.name} daylight-saving changes`, () => {
    let app: App;
    let clock: ManualClock;
    beforeAll(async () => {
      clock = new ManualClock(new Date(season.from));
      app = await startTestApp({ clock });
      await planWeeklyCheckin(app);
      await runUntil(app, clock, new Date(season.until));
    }, 120_000);
    afterAll(async () => app?.close());

    it('opens every Monday at 09:00 and closes every Friday at 15:00, Copenhagen time', async () => {
      const opened = (await sent(app, 'checkin.open')).map((at) => local(at, 'Europe/Copenhagen'));
      const closed = (await sent(app, 'checkin.close')).map((at) => local(at, 'Europe/Copenhagen'));
      expect(opened.length).toBeGreaterThanOrEqual(3);
      for (const at of opened) expect(at).toMatch(/^Mon .* 09:00$/);
      for (const at of closed) expect(at).toMatch(/^Fri .* 15:00$/);
      expect(closed).toHaveLength(opened.length);
      // The UTC hour moved with the change: both offsets occur in this window.
      const utcHours = new Set((await sent(app, 'checkin.open')).map((at) => at.getUTCHours()));
      expect([...utcHours].sort()).toEqual([7, 8]);
      const checkins = await app.database.prisma.checkin.findMany({ orderBy: { sequence: 'asc' } });
      expect(checkins.map((c) => local(c.openedAt, 'Europe/Copenhagen'))).toEqual(opened);
    });

    it('reminds each member once per round, at 08:00 in their own zone, on a weekday', async () => {
      const people = await app.database.prisma.user.findMany();
      const idOf = (externalId: string) => people.find((p) => p.externalId === externalId)!.id;
      const mia = (await sent(app, 'nudge', `:${idOf('mia')}`)).map((at) => local(at, 'Europe/Copenhagen'));
      const joe = (await sent(app, 'nudge', `:${idOf('joe')}`)).map((at) => local(at, 'America/New_York'));
      const rounds = (await sent(app, 'checkin.open')).length;
      expect(mia).toHaveLength(rounds);
      expect(joe).toHaveLength(rounds);
      for (const at of [...mia, ...joe]) expect(at).toMatch(/^(Mon|Tue|Wed|Thu|Fri) .* 08:00$/);
      // New York's own change moved Joe's reminder in UTC on another date than Copenhagen's.
      const joeUtc = new Set((await sent(app, 'nudge', `:${idOf('joe')}`)).map((at) => at.getUTCHours()));
      expect([...joeUtc].sort()).toEqual([12, 13]);
    });

    it('delivers the reminder privately, and none to a member who has answered', async () => {
      const remindersTo = async (externalId: string) =>
        (await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: directConversationId(externalId) } })).filter(
          (m) => JSON.stringify(m.payload).includes('stadig åben') || JSON.stringify(m.payload).includes('still open'),
        );
      const before = { mia: (await remindersTo('mia')).length, joe: (await remindersTo('joe')).length };
      expect(before.mia).toBeGreaterThan(0);
      // Next week: Joe answers on Monday morning, before his reminder would come.
      const monday = DateTime.fromJSDate(clock.now(), { zone: 'Europe/Copenhagen' }).plus({ weeks: 1 }).set({ weekday: 1, hour: 10, minute: 0 });
      await runUntil(app, clock, monday.toJSDate());
      clock.advance(Math.max(0, monday.toMillis() - clock.now().getTime()));
      const round = await app.database.prisma.round.findFirstOrThrow({ where: { status: 'open' } });
      await app.core.handle({ type: 'form_submitted', actor: JOE, place: DM, formId: 'round.answer', state: round.id, values: { answer: 'Busy but fine.', pass: false } });
      await runUntil(app, clock, monday.plus({ days: 4 }).toJSDate());
      expect((await remindersTo('joe')).length).toBe(before.joe);
      expect((await remindersTo('mia')).length).toBe(before.mia + 1);
    });
  });
}
