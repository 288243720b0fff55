// HR's controls over a running poll (issue 14, point 6), on the whole app with the scheduler on an
// injected clock: the live count in `målinger` (a number, never who; hidden below the threshold),
// close now (results at once, suppressed as at a normal closing), extend (never into the past; the
// poll closes later and nobody gets extra reminders), cancel (confirmed first; answers deleted,
// participants told in their language, later answers refused). A forged poll id, from a non-HR
// member or from HR of another workspace, is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil } from '../support/run-until.ts';
import type { Actor, Block, Reply } from '../../src/core/index.ts';
import { directConversationId } from '../../adapters/playground/workspace.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const CPH = 'Europe/Copenhagen';
const actor = (externalId: string, displayName: string, locale: 'da' | 'en', admin = false): Actor => ({
  platform: 'playground',
  workspace: workspaceOf('playground'),
  externalId,
  displayName,
  locale,
  timeZone: CPH,
  ...(admin ? { admin: true } : {}),
});
const HANNE = actor('hanne', 'Hanne Holm', 'da', true);
const MEMBERS = [
  actor('mia', 'Mia Berg', 'da'),
  actor('joe', 'Joe Park', 'en'),
  actor('pia', 'Pia Lund', 'da'),
  actor('ole', 'Ole Dahl', 'da'),
  actor('ann', 'Ann Lee', 'en'),
  actor('liv', 'Liv Kjær', 'da'),
];
const [MIA, JOE, PIA, OLE, ANN, LIV] = MEMBERS as [Actor, Actor, Actor, Actor, Actor, Actor];
/** HR of another workspace (a Slack team), who must not reach this workspace's polls. */
const OTTO: Actor = { platform: 'slack', workspace: workspaceOf('slack', 'T0THER'), externalId: 'U0TTO', displayName: 'Otto Fremmed', locale: 'da', timeZone: CPH, admin: true };
const DM = { kind: 'direct' as const, conversationId: 'dm' };
const GOOD = { q0: '4', q1: '4', q2: '4', q3: '4', q4: '4' };
const LOW = { q0: '1', q1: '1', q2: '1', q3: '1', q4: '1' };

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
let clock: ManualClock;
let groupId = '';

function all(reply: Reply): string {
  if (reply.kind === 'form_errors') return Object.values(reply.errors).join('\n');
  if (reply.kind !== 'message') return JSON.stringify(reply);
  return reply.message.blocks
    .map((b: Block) =>
      b.type === 'buttons' ? b.buttons.map((x) => x.label).join(' ') : b.type === 'fields' ? '' : b.type === 'image' ? b.fallback : `${'title' in b && b.title ? `${b.title} ` : ''}${b.text}`,
    )
    .join('\n');
}
const say = (who: Actor, words: string) => app.core.handle({ type: 'command', actor: who, place: DM, text: words });
const press = (who: Actor, action: string, value: string) => app.core.handle({ type: 'button_pressed', actor: who, place: DM, action, value });
const submit = (who: Actor, formId: string, state: string, values: Record<string, string | string[] | boolean>) =>
  app.core.handle({ type: 'form_submitted', actor: who, place: DM, formId, state, values });
const answer = (who: Actor, pollId: string, values = GOOD) => submit(who, 'poll.answer', pollId, values);

async function createPoll(title: string, values: Record<string, string> = {}): Promise<string> {
  const reply = await submit(HANNE, 'poll.create', '', {
    title,
    template: 'who5',
    questions: '',
    audience: [groupId],
    opens: 'nu',
    closes: 'om 1 uge',
    reminders: '1',
    threshold: '3',
    continues: 'new',
    share: false,
    ...values,
  });
  expect(all(reply)).toContain('går til 7 personer');
  return (await app.database.prisma.poll.findFirstOrThrow({ where: { title } })).id;
}

/** Buttons in `målinger` for a poll. */
async function controlsOf(pollId: string): Promise<string[]> {
  const reply = await say(HANNE, 'målinger');
  if (reply.kind !== 'message') throw new Error(all(reply));
  return reply.message.blocks
    .flatMap((b) => (b.type === 'buttons' ? b.buttons : []))
    .filter((b) => b.value === pollId)
    .map((b) => b.action);
}

/** The private messages a person got that contain `text`. */
async function messagesTo(who: Actor, text: string): Promise<string[]> {
  const rows = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: directConversationId(who.externalId) }, orderBy: { seq: 'asc' } });
  return rows.map((m) => JSON.stringify(m.payload)).filter((p) => p.includes(text));
}

/** Everything saved about a poll that a control must not change when it refuses. */
async function snapshot(pollId: string) {
  const { prisma } = app.database;
  return {
    poll: await prisma.poll.findUniqueOrThrow({ where: { id: pollId } }),
    // Answers mixed into the table and answers still waiting for their batch.
    responses: (await prisma.pollResponse.count({ where: { pollId } })) + (await prisma.pollPendingResponse.count({ where: { pollId } })),
    participants: await prisma.pollParticipant.findMany({ where: { pollId }, orderBy: { userId: 'asc' } }),
    schedules: await prisma.schedule.findMany({ where: { subject: { startsWith: pollId } }, orderBy: [{ kind: 'asc' }, { subject: 'asc' }] }),
  };
}

beforeAll(async () => {
  // Monday 30 November 2026, 09:00 in Copenhagen.
  clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
  app = await startTestApp({ clock });
  for (const who of [HANNE, ...MEMBERS]) await say(who, 'hjælp');
  expect(all(await say(HANNE, 'hr tildel Hanne Holm'))).toContain('HR-rollen');
  expect(all(await say(OTTO, 'hr tildel Otto Fremmed'))).toContain('HR-rollen');
  const ids = (await app.database.prisma.user.findMany({ where: { externalId: { in: MEMBERS.map((m) => m.externalId) } } })).map((u) => u.id);
  await submit(HANNE, 'group.create', '', { name: 'Nord', language: 'da', time_zone: CPH, members: ids });
  groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
}, 120_000);
afterAll(async () => app?.close());

describe('the live count', () => {
  let pollId = '';
  beforeAll(async () => {
    pollId = await createPoll('Puls A');
  });

  it('offers close now, extend and cancel on an open poll, and only a count below the threshold', async () => {
    expect(await controlsOf(pollId)).toEqual(['poll.close_now', 'poll.extend', 'poll.cancel']);
    await answer(MIA, pollId);
    await answer(JOE, pollId);
    expect(all(await say(HANNE, 'målinger'))).toContain('Færre end 3 af 7 har svaret indtil nu');
  });

  it('shows how many have answered once there are enough, and never who', async () => {
    await answer(PIA, pollId);
    await answer(OLE, pollId, LOW);
    const list = all(await say(HANNE, 'målinger'));
    expect(list).toContain('4 af 7 har svaret indtil nu');
    for (const who of [HANNE, ...MEMBERS]) {
      expect(list).not.toMatch(new RegExp(`\\b(${who.displayName.split(' ').join('|')})\\b`));
    }
  });

  it('closes now: the results at once, with the same suppression as a normal closing', async () => {
    const closed = await press(HANNE, 'poll.close_now', pollId);
    const text = all(closed);
    expect(text).toContain('Målingen «Puls A» er lukket nu');
    expect(text).toContain('4 af 7 har svaret (57 %)');
    expect(text).toContain('Gennemsnitligt trivselsindeks: 65');
    // One of four is below 50: fewer than the threshold, so hidden, and says so.
    expect(text).toMatch(/Andel under 50: – \(skjult/);
    expect(text).not.toMatch(/Andel under 50: \d/);
    // The same figures as the results button gives after any closing.
    expect(text).toContain(
      all(await press(HANNE, 'poll.results', pollId))
        .split('\n')
        .slice(0, -1)
        .join('\n'),
    );
    const poll = await app.database.prisma.poll.findUniqueOrThrow({ where: { id: pollId } });
    expect(poll.status).toBe('closed');
    expect((await app.database.prisma.schedule.findFirstOrThrow({ where: { kind: 'poll.close', subject: pollId } })).nextAt).toBeNull();
    // A closed poll offers its results, the CSV and (the playground has an address to link to) the report page.
    expect(await controlsOf(pollId)).toEqual(['poll.results', 'poll.csv', 'poll.report']);
  });

  it('refuses closing twice, extending or cancelling a closed poll, and a late answer, losing nothing', async () => {
    const before = await snapshot(pollId);
    expect(all(await press(HANNE, 'poll.close_now', pollId))).toContain('allerede lukket');
    expect(all(await press(HANNE, 'poll.extend', pollId))).toContain('allerede lukket');
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: 'om 2 uger' }))).toContain('allerede lukket');
    expect(all(await press(HANNE, 'poll.cancel', pollId))).toContain('allerede lukket');
    expect(all(await press(HANNE, 'poll.cancel_confirm', pollId))).toContain('allerede lukket');
    expect(all(await answer(ANN, pollId))).toContain('The poll has closed');
    expect(await snapshot(pollId)).toEqual(before);
  });
});

describe('extending', () => {
  let pollId = '';
  beforeAll(async () => {
    // Closes Wednesday 16:00; its one reminder would come on Tuesday.
    pollId = await createPoll('Puls B', { closes: 'om 2 dage' });
  });

  it('opens a small form, and refuses a time in the past or not after the current closing', async () => {
    const form = await press(HANNE, 'poll.extend', pollId);
    expect(form.kind === 'form' && form.form.fields.map((f) => f.id)).toEqual(['closes']);
    const before = await snapshot(pollId);
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: '2026-11-30 08:00' }))).toContain('er allerede passeret');
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: '2026-11-02' }))).toContain('er allerede passeret');
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: 'nu' }))).toContain('skal ligge efter den nuværende');
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: 'om 1 dag' }))).toContain('skal ligge efter den nuværende');
    expect(all(await submit(HANNE, 'poll.extend', pollId, { closes: 'på et tidspunkt' }))).toContain('kan ikke læse');
    expect(await snapshot(pollId)).toEqual(before);
  });

  it('moves the closing: the poll stays open past the old time, closes at the new one, with no extra reminders', async () => {
    const reply = await submit(HANNE, 'poll.extend', pollId, { closes: 'om 1 uge' });
    expect(all(reply)).toContain('Målingen «Puls B» lukker nu');
    await answer(MIA, pollId);
    await runUntil(app, clock, '2026-12-03T12:00:00Z');
    expect((await app.database.prisma.poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('open');
    // Past the old closing and the old reminder time: the invitation only, so far.
    for (const who of MEMBERS) expect(await messagesTo(who, 'Puls B'), who.displayName).toHaveLength(1);
    await runUntil(app, clock, '2026-12-08T00:00:00Z');
    const poll = await app.database.prisma.poll.findUniqueOrThrow({ where: { id: pollId } });
    expect(poll.status).toBe('closed');
    expect(poll.closesAt.toISOString()).toBe('2026-12-07T15:00:00.000Z');
    expect(await messagesTo(HANNE, 'Målingen «Puls B» er lukket')).toHaveLength(1);
    // One reminder, as HR chose, to each who had not answered, and none to Mia, who had.
    for (const who of MEMBERS) expect(await messagesTo(who, 'Puls B'), who.displayName).toHaveLength(who === MIA ? 1 : 2);
  });
});

describe('cancelling', () => {
  let pollId = '';
  beforeAll(async () => {
    pollId = await createPoll('Puls C');
    for (const who of [MIA, JOE, PIA]) await answer(who, pollId);
  });

  it('asks first, changing nothing', async () => {
    const before = await snapshot(pollId);
    const ask = await press(HANNE, 'poll.cancel', pollId);
    expect(all(ask)).toContain('Alle svar slettes');
    expect(ask.kind === 'message' && ask.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).map((b) => [b.action, b.value])).toEqual([['poll.cancel_confirm', pollId]]);
    expect(await snapshot(pollId)).toEqual(before);
    expect(before.responses).toBe(3);
  });

  it('deletes the answers and who was invited, and tells every participant in their own language', async () => {
    expect(all(await press(HANNE, 'poll.cancel_confirm', pollId))).toContain('Målingen «Puls C» er annulleret');
    const after = await snapshot(pollId);
    expect(after.poll.status).toBe('cancelled');
    expect(after.responses).toBe(0);
    expect(after.participants).toEqual([]);
    for (const who of [HANNE, ...MEMBERS]) {
      expect(await messagesTo(who, who.locale === 'en' ? 'The poll «Puls C» has been cancelled' : 'Målingen «Puls C» er annulleret'), who.displayName).toHaveLength(1);
    }
    expect(all(await say(HANNE, 'målinger'))).toContain('Annulleret – svarene er slettet');
  });

  it('refuses answers, results and a second cancelling, and sends no reminder or results later', async () => {
    expect(all(await press(ANN, 'poll.answer', pollId))).toContain('The poll has been cancelled');
    expect(all(await answer(LIV, pollId))).toContain('Målingen er annulleret');
    expect(all(await press(HANNE, 'poll.results', pollId))).toContain('der kommer aldrig resultater');
    expect(all(await press(HANNE, 'poll.cancel_confirm', pollId))).toContain('annulleret');
    expect(all(await press(HANNE, 'poll.close_now', pollId))).toContain('annulleret');
    await runUntil(app, clock, '2026-12-16T00:00:00Z');
    expect((await snapshot(pollId)).poll.status).toBe('cancelled');
    expect((await snapshot(pollId)).responses).toBe(0);
    // The invitation and the notice: no reminder, no results.
    for (const who of [HANNE, ...MEMBERS]) expect(await messagesTo(who, 'Puls C'), who.displayName).toHaveLength(2);
  });
});

describe('forged poll ids', () => {
  let pollId = '';
  beforeAll(async () => {
    pollId = await createPoll('Puls D');
    await answer(MIA, pollId);
  });

  it('refuses every control to a member who is not HR, changing nothing', async () => {
    const before = await snapshot(pollId);
    for (const action of ['poll.close_now', 'poll.extend', 'poll.cancel', 'poll.cancel_confirm']) expect(all(await press(JOE, action, pollId)), action).toContain('Only HR');
    expect(all(await submit(JOE, 'poll.extend', pollId, { closes: 'om 2 uger' }))).toContain('Only HR');
    expect(await snapshot(pollId)).toEqual(before);
  });

  it('refuses HR of another workspace as if the poll did not exist, and an id that exists nowhere', async () => {
    const before = await snapshot(pollId);
    for (const action of ['poll.close_now', 'poll.extend', 'poll.cancel', 'poll.cancel_confirm']) {
      const text = all(await press(OTTO, action, pollId));
      expect(text, action).toContain('Det kunne jeg ikke finde');
      expect(text).not.toContain('Puls D');
    }
    expect(all(await submit(OTTO, 'poll.extend', pollId, { closes: 'om 2 uger' }))).toContain('Det kunne jeg ikke finde');
    expect(all(await press(HANNE, 'poll.cancel_confirm', '8d0c6c2e-4a5b-4f3e-9c1d-000000000000'))).toContain('Det kunne jeg ikke finde');
    expect(all(await say(OTTO, 'målinger'))).not.toContain('Puls D');
    expect(await snapshot(pollId)).toEqual(before);
    expect(before.poll.status).toBe('open');
  });
});
