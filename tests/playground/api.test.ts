// The playground's JSON API over real HTTP against the whole app (in-memory PGlite): the token
// guard, request checks, the DM and channel flows, forms and their errors, removing a person,
// and — on a PGlite data directory — that a restart neither re-seeds nor forgets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { startApp, type RunningApp } from '../../src/app/app.ts';
import { DEMO_MEMBERS } from '../../src/app/demo.ts';
import { startTestApp } from '../support/app.ts';
import { MemoryLogger } from '../support/fakes.ts';
import { buttonValue, checkboxes, Playground, type Person } from './client.ts';

const GROUP = 'Ledergruppen Syd';
let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person, bo: Person, carl: Person, dorte: Person, emma: Person;
let channelId = '';
let roundMessageId = '';
let roundId = '';

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo, carl, dorte, emma] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke'].map((n) => pg.person(n)))) as [Person, Person, Person, Person, Person];
});

afterAll(async () => {
  await app?.close();
});

const dm = (person: Person) => `D-${person.externalId}`;

describe('the token guard', () => {
  it('refuses the API without the page token, or with a wrong one', async () => {
    for (const token of [null, 'not-the-token', `${pg.token}x`]) {
      const { status, body } = await pg.call<{ error: string }>('GET', '/workspace', { token });
      expect(status).toBe(403);
      expect(body.error).toMatch(/Reload/);
    }
  });

  it('lists the five demo members with the token', async () => {
    const workspace = await pg.workspace();
    expect(workspace.people.map((p) => p.displayName)).toEqual(DEMO_MEMBERS.map((m) => m.displayName));
    expect(workspace.people.map((p) => p.locale)).toEqual(DEMO_MEMBERS.map((m) => m.locale));
    expect(workspace.me?.displayName).toBe('Anna Holm');
    expect(workspace.direct).toEqual({ id: dm(anna), name: 'Lederrum' });
    expect((await pg.workspace(emma.externalId)).language).toBe('en');
  });

  it('stores nothing from a command sent without the token', async () => {
    const { status } = await pg.call('POST', '/command', { token: null, body: { as: anna.externalId, conversationId: dm(anna), text: 'help' } });
    expect(status).toBe(403);
    expect(await pg.messages(dm(anna), anna.externalId)).toEqual([]);
  });
});

describe('request checks', () => {
  it('answers a malformed JSON body with 400 and a JSON error, and keeps serving', async () => {
    const { status, body } = await pg.call<{ error: string }>('POST', '/command', { rawBody: '{"as": ' });
    expect(status).toBe(400);
    expect(typeof body.error).toBe('string');
    expect(body.error).not.toMatch(/ {4}at /);
    expect((await pg.workspace()).people).toHaveLength(5);
    // The token is checked before the body is read.
    expect((await pg.call('POST', '/command', { rawBody: '{"as": ', token: null })).status).toBe(403);
  });

  it('answers missing fields with 400 naming them', async () => {
    const { status, body } = await pg.call<{ error: string }>('POST', '/command', { body: { as: anna.externalId } });
    expect(status).toBe(400);
    expect(body.error).toContain('conversationId');
    expect(body.error).toContain('text');
    const form = await pg.call<{ error: string }>('POST', '/form', { body: { as: anna.externalId, conversationId: dm(anna), formId: 'group.create' } });
    expect(form.status).toBe(400);
    expect(form.body.error).toMatch(/state|values/);
    expect((await pg.workspace()).people).toHaveLength(5);
  });

  it('answers a body of the wrong shape, and an unknown API path, in JSON', async () => {
    const wrongShape = await pg.call<{ error: string }>('POST', '/command', { rawBody: '[1, 2]' });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error).toMatch(/^request body: /);
    const unknown = await pg.call<{ error: string }>('GET', '/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('The playground has no GET /api/nothing-here.');
  });

  it('answers an unknown person with 404 and a readable error', async () => {
    const { status, body } = await pg.call<{ error: string }>('POST', '/command', { body: { as: 'U-NOBODY', conversationId: 'D-U-NOBODY', text: 'help' } });
    expect(status).toBe(404);
    expect(body.error).toMatch(/no longer in the playground/);
  });
});

describe('talking to Lederrum', () => {
  it('answers "help" in the DM with the help text, after what the person wrote', async () => {
    expect(await pg.command(anna.externalId, dm(anna), 'help')).toEqual({ kind: 'message' });
    const shown = await pg.messages(dm(anna), anna.externalId);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({ author: 'Anna Holm', bot: false, onlyYou: false });
    expect(shown[0]!.html).toContain('help');
    expect(shown[1]).toMatchObject({ author: 'Lederrum', bot: true, onlyYou: true });
    expect(shown[1]!.html).toContain('gruppe opret');
    // Emma reads English.
    await pg.command(emma.externalId, dm(emma), 'help');
    const emmas = await pg.messages(dm(emma), emma.externalId);
    expect(emmas.at(-1)!.html).toContain('group create');
    expect(emmas.at(-1)!.html).not.toContain('gruppe opret');
  });

  it('opens the group form with name, language, time zone and the others as checkboxes', async () => {
    const reply = await pg.command(anna.externalId, dm(anna), 'gruppe opret');
    expect(reply.kind).toBe('form');
    const html = reply.kind === 'form' ? reply.html : '';
    expect(html).toContain('data-form-id="group.create"');
    expect(html).toMatch(/<input type="text" name="name"/);
    expect(html).toMatch(/<select name="language"/);
    expect(html).toMatch(/<input type="text" name="time_zone"[^>]*value="Europe\/Copenhagen"/);
    const members = checkboxes(html, 'members');
    expect(members.map((m) => m.label)).toEqual(['Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke']);
    // The values are Lederrum's person ids, not the playground's external ids.
    const ids = await app.database.prisma.user.findMany({ where: { platform: 'playground', externalId: { in: [bo.externalId, carl.externalId] } } });
    expect(members.map((m) => m.value)).toEqual(expect.arrayContaining(ids.map((u) => u.id)));
  });

  it('creates a channel for the creator and the chosen members only', async () => {
    const created = await pg.createGroup(anna, GROUP, ['Bo Nielsen', 'Carl Jensen']);
    expect(created.reply).toEqual({ kind: 'message' });
    channelId = created.channelId;
    // The page shows the facilitator's shortcuts in a channel only to its facilitator.
    for (const member of [anna, bo, carl]) {
      expect((await pg.workspace(member.externalId)).channels).toEqual([{ id: channelId, name: GROUP, kind: 'group', facilitator: member === anna }]);
    }
    for (const outsider of [dorte, emma]) expect((await pg.workspace(outsider.externalId)).channels).toEqual([]);
    const welcome = await pg.messages(channelId, bo.externalId);
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.html).toContain('Velkommen til Ledergruppen Syd');
    expect((await pg.messages(dm(anna), anna.externalId)).at(-1)!.html).toContain('du er facilitator');
  });

  it('keeps plain channel text as chat from that person, with no reply from Lederrum', async () => {
    const before = await pg.messages(channelId, bo.externalId);
    expect(await pg.command(bo.externalId, channelId, 'Hej alle, jeg er lidt forsinket')).toEqual({ kind: 'none' });
    const after = await pg.messages(channelId, bo.externalId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ author: 'Bo Nielsen', bot: false, onlyYou: false });
    expect(after.at(-1)!.html).toContain('Hej alle, jeg er lidt forsinket');
    expect((await pg.messages(channelId, anna.externalId)).at(-1)!.html).toContain('Hej alle');
  });

  it('posts the round message on "/lederrum tjekind start", with the reply for the facilitator alone', async () => {
    expect(await pg.command(anna.externalId, channelId, '/lederrum tjekind start')).toEqual({ kind: 'message' });
    const annas = await pg.messages(channelId, anna.externalId);
    const round = annas.find((m) => m.bot && buttonValue(m.html, 'round.answer'));
    expect(round).toBeDefined();
    expect(round!.onlyYou).toBe(false);
    roundMessageId = round!.id;
    roundId = buttonValue(round!.html, 'round.answer')!;
    const started = annas.at(-1)!;
    expect(started).toMatchObject({ bot: true, onlyYou: true });
    expect(started.html).toContain('Tjek-ind #1 er startet');
    const bos = await pg.messages(channelId, bo.externalId);
    expect(bos.map((m) => m.id)).toContain(roundMessageId);
    expect(bos.map((m) => m.id)).not.toContain(started.id);
    expect(bos.some((m) => m.html.includes('Tjek-ind #1 er startet'))).toBe(false);
  });
});

describe('form errors', () => {
  it('refuses an answer of 3001 characters on its field and posts nothing in the thread', async () => {
    const reply = await pg.form(bo.externalId, channelId, 'round.answer', roundId, { answer: 'x'.repeat(3001) });
    expect(reply.kind).toBe('form_errors');
    const errors = reply.kind === 'form_errors' ? reply.errors : {};
    expect(Object.keys(errors)).toEqual(['answer']);
    expect(errors['answer']).toMatch(/3\.?000/);
    const thread = (await pg.messages(channelId, bo.externalId)).filter((m) => m.threadOf === roundMessageId);
    expect(thread).toEqual([]);
    expect(await app.database.prisma.answer.count()).toBe(0);
  });

  it('takes an answer of 3000 characters into the thread', async () => {
    expect(await pg.form(bo.externalId, channelId, 'round.answer', roundId, { answer: 'y'.repeat(3000) })).toEqual({ kind: 'message' });
    const thread = (await pg.messages(channelId, anna.externalId)).filter((m) => m.threadOf === roundMessageId);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.html).toContain('Bo Nielsen');
    expect(await app.database.prisma.answer.count()).toBe(1);
  });

  it('refuses the time zone "Mars/Base" on its field and creates no channel', async () => {
    const others = await app.database.prisma.user.findMany({ where: { platform: 'playground', externalId: { in: [dorte.externalId] } } });
    const reply = await pg.form(carl.externalId, dm(carl), 'group.create', '', {
      name: 'Mars-gruppen',
      language: 'da',
      time_zone: 'Mars/Base',
      members: others.map((u) => u.id),
    });
    expect(reply.kind).toBe('form_errors');
    const errors = reply.kind === 'form_errors' ? reply.errors : {};
    expect(Object.keys(errors)).toEqual(['time_zone']);
    expect(errors['time_zone']).toContain('Mars/Base');
    expect((await pg.workspace(carl.externalId)).channels.map((c) => c.name)).toEqual([GROUP]);
    expect((await pg.workspace(dorte.externalId)).channels).toEqual([]);
  });
});

describe('removing a person', () => {
  it('refuses without the token', async () => {
    expect((await pg.call('DELETE', `/people/${bo.externalId}`, { token: null })).status).toBe(403);
    expect((await pg.workspace()).people.map((p) => p.externalId)).toContain(bo.externalId);
  });

  it('removes them from the playground and their Lederrum data with them', async () => {
    const { prisma } = app.database;
    const user = await prisma.user.findUniqueOrThrow({ where: { platform_externalId: { platform: 'playground', externalId: bo.externalId } } });
    expect(await prisma.answer.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(1);

    expect(await pg.removePerson(bo.externalId)).toEqual({ ok: true });
    expect((await pg.workspace()).people.map((p) => p.displayName)).toEqual(['Anna Holm', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke']);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
    expect(await prisma.answer.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(0);
    const gone = await pg.call<{ error: string }>('POST', '/command', { body: { as: bo.externalId, conversationId: dm(bo), text: 'help' } });
    expect(gone.status).toBe(404);
  });
});

describe('restarting on the same PGlite data directory', { timeout: 120_000 }, () => {
  let dir = '';
  let running: RunningApp | null = null;
  const start = async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    running = await startApp({ config, logger: new MemoryLogger(), database: { kind: 'pglite', dataDir: join(dir, 'data') } });
    return { running, pg: await Playground.connect(running.url) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lederrum-playground-'));
  });
  afterAll(async () => {
    await running?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seeds the demo members once, and keeps channels and messages', async () => {
    const first = await start();
    const emmaFirst = await first.pg.person('Emma Clarke');
    const annaFirst = await first.pg.person('Anna Holm');
    await first.pg.removePerson(emmaFirst.externalId);
    const { channelId: kept } = await first.pg.createGroup(annaFirst, 'Ledergruppen Vest', ['Bo Nielsen']);
    await first.pg.command(annaFirst.externalId, kept, 'Dagsorden følger i morgen');
    const shownBefore = await first.pg.messages(kept, annaFirst.externalId);
    await first.running.close();
    running = null;

    const second = await start();
    const people = (await second.pg.workspace()).people;
    expect(people.map((p) => p.displayName)).toEqual(['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen']);
    expect(people.find((p) => p.displayName === 'Anna Holm')!.externalId).toBe(annaFirst.externalId);
    expect((await second.pg.workspace(annaFirst.externalId)).channels).toEqual([{ id: kept, name: 'Ledergruppen Vest', kind: 'group', facilitator: true }]);
    const shownAfter = await second.pg.messages(kept, annaFirst.externalId);
    expect(shownAfter).toEqual(shownBefore);
    expect(shownAfter.at(-1)!.html).toContain('Dagsorden følger i morgen');
  });
});
