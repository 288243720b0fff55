// A member who opts in gets one prompt a week through the scheduler: an hour into their first
// working day in their own zone, never while they pause, and no more once they opt out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil as runSchedulerUntil } from '../support/run-until.ts';
import { directConversationId } from '../../adapters/playground/workspace.ts';
import type { Actor } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };
let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;

const runUntil = (until: string) => runSchedulerUntil(app, clock, until);

async function prompts(): Promise<string[]> {
  const messages = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: directConversationId('mia') }, orderBy: { seq: 'asc' } });
  return messages.filter((m) => JSON.stringify(m.payload).includes('Ugens spørgsmål')).map((m) => DateTime.fromJSDate(m.createdAt, { zone: 'Europe/Copenhagen' }).toFormat('ccc yyyy-MM-dd HH:mm'));
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-23T12:00:00Z'));
  app = await startTestApp({ clock });
}, 60_000);
afterAll(async () => app?.close());

describe('the weekly prompt', () => {
  it('arrives on Mondays at 09:00 Copenhagen time, one an hour into the working day, about the chosen theme', async () => {
    const reply = await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'ugens spørgsmål til restitution' });
    expect(reply.kind === 'message' && reply.message.text).toContain('Restitution');
    await runUntil('2026-12-15T00:00:00Z');
    expect(await prompts()).toEqual(['Mon 2026-11-30 09:00', 'Mon 2026-12-07 09:00', 'Mon 2026-12-14 09:00']);
  });

  it('sends none during a pause and none after opting out', async () => {
    await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'pause til 2026-12-25' });
    await runUntil('2026-12-23T00:00:00Z');
    expect(await prompts()).toHaveLength(3);
    await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'pause stop' });
    await runUntil('2026-12-29T00:00:00Z');
    expect(await prompts()).toHaveLength(4);
    await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'ugens spørgsmål fra' });
    await runUntil('2027-01-20T00:00:00Z');
    expect(await prompts()).toHaveLength(4);
  });

  it('refuses an unknown theme and an unclear switch, with what to write', async () => {
    const unknown = await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'ugens spørgsmål til kaffe' });
    expect(unknown.kind === 'message' && unknown.message.text).toContain('restitution, problem-solving');
    const unclear = await app.core.handle({ type: 'command', actor: MIA, place: DM, text: 'ugens spørgsmål måske' });
    expect(unclear.kind === 'message' && unclear.message.text).toContain('`ugens spørgsmål til`');
  });
});
