// Reading and writing a playground conversation takes being in it, as on Slack or Teams: a
// person reads and acts only in their own chat with Lederrum and the groups they belong to. A
// forged conversation id gets a refusal in the person's language, shows nothing and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { buttonValue, Playground, type Person } from './client.ts';

const CHAT_MARKER = 'KANAL-MARKOER-7Q';
const DM_MARKER = 'DM-MARKOER-3Z';
const REFUSED_DA = 'Du er ikke med i den samtale';
const REFUSED_EN = 'You are not in that conversation';

let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person, bo: Person, carl: Person, dorte: Person, emma: Person;
let channelId = '';
let roundId = '';
const dm = (person: Person) => `D-${person.externalId}`;

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo, carl, dorte, emma] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke'].map((n) => pg.person(n)))) as [Person, Person, Person, Person, Person];
  ({ channelId } = await pg.createGroup(anna, 'Ledergruppen Midt', ['Bo Nielsen', 'Carl Jensen']));
  await pg.command(bo.externalId, channelId, `Kun for gruppen: ${CHAT_MARKER}`);
  await pg.command(anna.externalId, dm(anna), `hjælp ${DM_MARKER}`);
  await pg.command(anna.externalId, channelId, '/lederrum tjekind start');
  const round = (await pg.messages(channelId, anna.externalId)).find((m) => buttonValue(m.html, 'round.answer'));
  roundId = buttonValue(round!.html, 'round.answer')!;
});

afterAll(async () => {
  await app?.close();
});

/** Every playground message, so a refusal can be shown to have stored nothing anywhere. */
const allMessages = () => app.database.prisma.playgroundMessage.findMany({ orderBy: { seq: 'asc' } });

describe('reading a conversation', () => {
  it('shows the group channel to its members', async () => {
    for (const member of [anna, bo, carl]) {
      const shown = await pg.messages(channelId, member.externalId);
      expect(
        shown.some((m) => m.html.includes(CHAT_MARKER)),
        member.displayName,
      ).toBe(true);
    }
  });

  it('refuses a non-member with 403 in their language, and shows nothing of the channel', async () => {
    for (const [outsider, words] of [
      [dorte, REFUSED_DA],
      [emma, REFUSED_EN],
    ] as const) {
      const { status, body } = await pg.call<{ error: string }>('GET', `/conversations/${channelId}/messages?as=${outsider.externalId}`);
      expect(status).toBe(403);
      expect(body).toEqual({ error: expect.any(String), code: 'not_in_conversation' });
      expect(body.error).toContain(words);
      expect(JSON.stringify(body)).not.toContain(CHAT_MARKER);
    }
  });

  it("refuses someone else's chat with Lederrum, and shows it to its owner", async () => {
    for (const other of [bo, dorte, emma]) {
      const { status, body } = await pg.call<{ error: string }>('GET', `/conversations/${dm(anna)}/messages?as=${other.externalId}`);
      expect(status, other.displayName).toBe(403);
      expect(JSON.stringify(body)).not.toContain(DM_MARKER);
    }
    expect((await pg.messages(dm(anna), anna.externalId)).some((m) => m.html.includes(DM_MARKER))).toBe(true);
  });

  it('answers a conversation that does not exist exactly as one the person is not in', async () => {
    const missing = await pg.call('GET', `/conversations/C-DOESNOTEXIST/messages?as=${dorte.externalId}`);
    const notMine = await pg.call('GET', `/conversations/${channelId}/messages?as=${dorte.externalId}`);
    expect(missing).toEqual(notMine);
  });

  it('answers an unknown or missing person with 404 and shows nothing', async () => {
    for (const path of [`/conversations/${channelId}/messages?as=U-NOBODY`, `/conversations/${channelId}/messages`]) {
      const { status, body } = await pg.call('GET', path);
      expect(status, path).toBe(404);
      expect(JSON.stringify(body)).not.toContain(CHAT_MARKER);
    }
  });
});

describe('acting in a conversation one is not in', () => {
  it('refuses chat and commands in a foreign channel, and posts nothing there', async () => {
    const before = await allMessages();
    for (const text of ['Hej fra udenfor', '/lederrum deltagelse', '/lederrum tjekind afslut']) {
      const { status, body } = await pg.call<{ error: string }>('POST', '/command', { body: { as: dorte.externalId, conversationId: channelId, text } });
      expect(status, text).toBe(403);
      expect(body.error).toContain(REFUSED_DA);
    }
    expect(await allMessages()).toEqual(before);
    // The check-in is still open: the forged "afslut" did not close it.
    expect(await app.database.prisma.checkin.count({ where: { closedAt: null } })).toBe(1);
  });

  it("refuses writing into another person's chat with Lederrum", async () => {
    const before = await allMessages();
    const { status } = await pg.call('POST', '/command', { body: { as: emma.externalId, conversationId: dm(anna), text: 'overblik' } });
    expect(status).toBe(403);
    expect(await allMessages()).toEqual(before);
  });

  it('refuses a button pressed in a foreign channel: no form, nothing stored', async () => {
    const before = await allMessages();
    const { status, body } = await pg.call<{ error: string; html?: string }>('POST', '/button', {
      body: { as: dorte.externalId, conversationId: channelId, action: 'round.answer', value: roundId },
    });
    expect(status).toBe(403);
    expect(body.html).toBeUndefined();
    expect(await allMessages()).toEqual(before);
  });

  it('refuses a form submitted in a foreign channel: no answer saved, nothing in the thread', async () => {
    const before = await allMessages();
    const { status } = await pg.call('POST', '/form', {
      body: { as: emma.externalId, conversationId: channelId, formId: 'round.answer', state: roundId, values: { answer: 'Smuglet svar' } },
    });
    expect(status).toBe(403);
    expect(await app.database.prisma.answer.count()).toBe(0);
    expect(await allMessages()).toEqual(before);
  });

  it('still lets a member do the same', async () => {
    expect((await pg.button(bo.externalId, channelId, 'round.answer', roundId)).kind).toBe('form');
    expect(await pg.form(bo.externalId, channelId, 'round.answer', roundId, { answer: 'Bos svar' })).toEqual({ kind: 'message' });
    expect(await app.database.prisma.answer.count()).toBe(1);
  });
});

describe('after leaving a group', () => {
  it('no longer reads or writes its channel', async () => {
    const user = await app.database.prisma.user.findUniqueOrThrow({ where: { platform_externalId: { platform: 'playground', externalId: carl.externalId } } });
    await app.database.prisma.membership.updateMany({ where: { userId: user.id }, data: { leftAt: new Date() } });
    expect((await pg.call('GET', `/conversations/${channelId}/messages?as=${carl.externalId}`)).status).toBe(403);
    expect((await pg.call('POST', '/command', { body: { as: carl.externalId, conversationId: channelId, text: 'Er jeg her stadig?' } })).status).toBe(403);
    expect((await pg.workspace(carl.externalId)).channels).toEqual([]);
  });
});
