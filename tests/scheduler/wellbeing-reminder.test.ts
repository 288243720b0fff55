// The opt-in monthly well-being reminder through the real scheduler and outbox, with the injected
// clock walked across the spring daylight-saving changes of Copenhagen (28 March 2027) and New
// York (14 March 2027): on the first Monday of each month at 09:00 in each person's own zone,
// privately, worded gently in their language; none during a pause; none after the one-click off
// in the reminder itself; and none once the person's data is deleted.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil as runSchedulerUntil } from '../support/run-until.ts';
import { directConversationId } from '../../adapters/playground/workspace.ts';
import type { Actor, Message } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { WELLBEING_ACTIONS } from '../../src/core/wellbeing/messages.ts';
import { FORGET_ACTIONS } from '../../src/core/people/forget.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const JOE: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'joe', displayName: 'Joe Park', locale: 'en', timeZone: 'America/New_York' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };
let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;

const say = (actor: Actor, text: string) => app.core.handle({ type: 'command', actor, place: DM, text });
const runUntil = (until: string) => runSchedulerUntil(app, clock, until);

/** The reminders a person received in their private chat, by local time, with the message. */
async function reminders(actor: Actor): Promise<Array<{ at: string; utcHour: number; message: Message }>> {
  const rows = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: directConversationId(actor.externalId) }, orderBy: { seq: 'asc' } });
  return rows
    .filter((m) => /Et øjeblik til dig selv|A moment for yourself/.test(JSON.stringify(m.payload)))
    .map((m) => ({
      at: DateTime.fromJSDate(m.createdAt, { zone: actor.timeZone! }).toFormat('ccc yyyy-MM-dd HH:mm'),
      utcHour: m.createdAt.getUTCHours(),
      message: m.payload as unknown as Message,
    }));
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2027-01-20T12:00:00Z'));
  app = await startTestApp({ clock });
  for (const actor of [MIA, JOE]) {
    const reply = await say(actor, actor === MIA ? 'min trivsel påmindelse til' : 'my well-being reminder on');
    expect(reply.kind === 'message' && reply.message.text).toMatch(/første mandag i måneden kl\. 09:00|first Monday of the month at 09:00/);
  }
}, 60_000);
afterAll(async () => app?.close());

describe('the monthly well-being reminder', () => {
  it('comes on the first Monday of the month at 09:00 in each person’s own zone, across daylight saving', async () => {
    await runUntil('2027-02-15T00:00:00Z');
    await say(JOE, 'pause until 2027-03-10');
    await runUntil('2027-05-10T00:00:00Z');
    const mia = await reminders(MIA);
    expect(mia.map((r) => r.at)).toEqual(['Mon 2027-02-01 09:00', 'Mon 2027-03-01 09:00', 'Mon 2027-04-05 09:00', 'Mon 2027-05-03 09:00']);
    expect(new Set(mia.map((r) => r.utcHour))).toEqual(new Set([8, 7]));
    // Joe paused over March's: none then; New York's own change moved his UTC hour on another date.
    const joe = await reminders(JOE);
    expect(joe.map((r) => r.at)).toEqual(['Mon 2027-02-01 09:00', 'Mon 2027-04-05 09:00', 'Mon 2027-05-03 09:00']);
    expect(joe.map((r) => r.utcHour)).toEqual([14, 13, 13]);
  });

  it('asks gently, in the person’s language, with a way to take it now and a one-click off', async () => {
    const [mia] = await reminders(MIA);
    const [joe] = await reminders(JOE);
    expect(mia!.message.text).toContain('Vil du tage et øjeblik til at mærke efter?');
    expect(joe!.message.text).toContain('Would you like to take a moment to check in with yourself?');
    const actions = mia!.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((button) => button.action) : []));
    expect(actions).toEqual([WELLBEING_ACTIONS.take, WELLBEING_ACTIONS.reminderOff]);
  });

  it('stops after the one click in the reminder, and with the person’s deleted data', async () => {
    const off = await app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: WELLBEING_ACTIONS.reminderOff, value: '' });
    expect(off.kind === 'message' && off.message.text).toContain('slået fra');
    const joe = await app.database.prisma.user.findFirstOrThrow({ where: { externalId: 'joe' } });
    const asked = await say(JOE, 'delete my data');
    const confirm = asked.kind === 'message' ? asked.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => b.action === FORGET_ACTIONS.confirm) : undefined;
    const deleted = await app.core.handle({ type: 'button_pressed', actor: JOE, place: DM, action: FORGET_ACTIONS.confirm, value: confirm!.value });
    expect(deleted.kind === 'message' && deleted.message.text).toContain('Planned reminders and messages: 1');
    expect(await app.database.prisma.schedule.count({ where: { kind: 'wellbeing.reminder', nextAt: { not: null } } })).toBe(0);
    await runUntil('2027-08-10T00:00:00Z');
    expect(await reminders(MIA)).toHaveLength(4);
    expect(await app.database.prisma.occurrence.count({ where: { schedule: { kind: 'wellbeing.reminder', subject: joe.id } } })).toBe(0);
  });
});
