// A planned check-in whose opening runs late (the scheduler was down, or busy) keeps its plan: it
// counts as opened at its planned time, so its closing is the plan's own and not a cycle later
// (which used to leave it open and make the next opening skip). Run after its own closing time,
// the opening is skipped with a warning instead of posting a round that closes at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import type { Actor, Reply } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };

let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(new Date('2027-03-15T10:00:00Z'));
  app = await startTestApp({ clock });
  await app.core.handle({ type: 'form_submitted', actor: MIA, place: DM, formId: 'group.create', state: '', values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen' } });
  const groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
  const preview: Reply = await app.core.handle({
    type: 'form_submitted',
    actor: MIA,
    place: DM,
    formId: 'schedule.plan',
    state: groupId,
    values: { open: 'hver mandag kl. 9', close: 'mandag kl. 10', holidays: false, skip_days: '' },
  });
  if (preview.kind !== 'message') throw new Error(`no preview: ${JSON.stringify(preview)}`);
  const save = preview.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => b.action === 'schedule.save')!;
  await app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: save.action, value: save.value });
}, 60_000);
afterAll(async () => app?.close());

const moveTo = (at: Date) => clock.advance(at.getTime() - clock.now().getTime());

describe('a planned opening that runs late', () => {
  it("opens as of its planned time, and closes at the plan's closing the same day", async () => {
    // Monday 22 March, 09:00 in Copenhagen is 08:00Z; the scheduler only gets to it at 09:40.
    moveTo(new Date('2027-03-22T08:40:00Z'));
    await app.scheduler.tick();
    const checkin = await app.database.prisma.checkin.findFirstOrThrow();
    expect(checkin.openedAt).toEqual(new Date('2027-03-22T08:00:00Z'));
    const close = await app.database.prisma.schedule.findFirstOrThrow({ where: { kind: 'checkin.close', subject: checkin.id } });
    expect(close.nextAt).toEqual(new Date('2027-03-22T09:00:00Z'));
    moveTo(new Date('2027-03-22T09:00:30Z'));
    await app.scheduler.tick();
    expect((await app.database.prisma.checkin.findUniqueOrThrow({ where: { id: checkin.id } })).status).toBe('closed');
  });

  it('does not open at all when it runs after its own closing time, and says so in the log', async () => {
    // Monday 29 March (summer time: 09:00 is 07:00Z, 10:00 is 08:00Z); the scheduler wakes at 10:30,
    // within its grace for missed occurrences but after this one's closing.
    moveTo(new Date('2027-03-29T08:30:00Z'));
    await app.scheduler.tick();
    expect(await app.database.prisma.checkin.count()).toBe(1);
    expect(app.logger.lines.some((l) => l.message.includes('ran after its own closing time'))).toBe(true);
  });
});
