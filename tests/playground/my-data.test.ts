// "mine data" in the playground, over its real HTTP API and the real download route: Bo asks in
// the group's channel and only he sees the summary (counts, never words) with two clickable links;
// the links give his data as the documented JSON and as Danish Markdown, with no-store, and
// nothing of Anna's. A forged signature, another person's id under his signature, an expired link
// and a link of a person since deleted all answer the same bare 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { buttonValue, decode, Playground, type Person } from './client.ts';
import { exportSchema } from '../../src/core/people/export-schema.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { inMemory } from '../support/memory-database.ts';

describe.each(['pglite', 'postgresql'] as const)('my data in the playground on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let pg: Playground;
  let anna: Person, bo: Person, carl: Person;
  let channelId: string;
  let scratch: string | null = null;

  beforeAll(async () => {
    scratch = kind === 'postgresql' ? await createScratchDatabase() : null;
    app = await startTestApp({ clock, database: scratch ? { kind: 'postgresql', url: scratch } : inMemory() });
    pg = await Playground.connect(app.url);
    [anna, bo, carl] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen'].map((n) => pg.person(n)))) as [Person, Person, Person];
    ({ channelId } = await pg.createGroup(anna, 'Ledergruppen Syd', ['Bo Nielsen']));
    await pg.command(anna.externalId, channelId, '/lederrum tjekind start');
    const round = (await pg.messages(channelId, anna.externalId)).find((m) => buttonValue(m.html, 'round.answer'))!;
    const roundId = buttonValue(round.html, 'round.answer')!;
    await pg.form(bo.externalId, channelId, 'round.answer', roundId, { answer: 'Quokka-bos-uge' });
    await pg.form(anna.externalId, channelId, 'round.answer', roundId, { answer: 'Annas-egen-uge' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    if (scratch) await dropScratchDatabase(scratch);
  });

  async function linksFor(person: Person, where = channelId) {
    const reply = await pg.command(person.externalId, where, '/lederrum mine data');
    if (reply.kind !== 'message' || !('html' in reply)) throw new Error(`expected a once-shown message, got ${JSON.stringify(reply)}`);
    const hrefs = [...reply.html.matchAll(/<a href="([^"]+)"/g)].map((m) => decode(m[1]!));
    return { html: reply.html, json: hrefs.find((h) => h.endsWith('/data.json'))!, md: hrefs.find((h) => h.endsWith('/data.md'))! };
  }

  async function get(url: string) {
    const response = await fetch(url);
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  describe('asking and downloading', () => {
    it("shows Bo a private summary with links, and the links give his data and nobody else's", async () => {
      const { html, json, md } = await linksFor(bo);
      expect(decode(html)).toContain('Dine data i Lederrum');
      expect(decode(html)).toContain('Svar i runden "Siden sidst": 1');
      expect(decode(html)).toContain('send det ikke videre');
      expect(html).not.toContain('Quokka');
      // Files cannot be sent in the playground: no button for it.
      expect(buttonValue(html, 'mydata.file')).toBeUndefined();
      // Shown to Bo once: nothing of it in the channel, not even for Bo.
      const channel = JSON.stringify(await pg.messages(channelId, bo.externalId));
      expect(channel).not.toContain('/me/');
      expect(channel).not.toContain('Dine data');

      const data = await get(json);
      expect(data.status).toBe(200);
      expect(data.headers.get('cache-control')).toBe('no-store');
      expect(data.headers.get('content-type')).toMatch(/^application\/json/);
      expect(data.headers.get('content-disposition')).toMatch(/^attachment; filename="?lederrum-data-2026-11-23\.json/);
      const doc = exportSchema.parse(JSON.parse(data.text));
      expect(doc.person).toMatchObject({ name: 'Bo Nielsen', platform: 'playground', platformId: bo.externalId });
      expect(doc.checkins.answers.map((a) => a.text)).toEqual(['Quokka-bos-uge']);
      expect(data.text).not.toContain('Annas-egen-uge');
      expect(data.text).not.toContain(anna.externalId);

      const markdown = await get(md);
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
      expect(markdown.text).toContain('# Dine data i Lederrum');
      expect(markdown.text).toContain('> Quokka-bos-uge');
      expect(markdown.text).not.toContain('Annas-egen-uge');
    });

    it('answers 404, with nothing cached and no reason, to a forged, altered or expired link', async () => {
      const { json } = await linksFor(bo);
      const grant = /\/me\/([^/]+)\/data\.json$/.exec(json)![1]!;
      const [personId, expires, signature] = grant.split('.') as [string, string, string];
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      const swap = (g: string) => json.replace(grant, g);
      const annaId = (await app.database.prisma.user.findFirstOrThrow({ where: { externalId: anna.externalId } })).id;
      const bad = [
        swap(`${personId}.${expires}.${flipped}`),
        swap(`${annaId}.${expires}.${signature}`),
        swap(`${personId}.${Number(expires) + 3_600_000}.${signature}`),
        swap(`${personId}.${expires}`),
        swap(`${personId}.${expires}.${signature}.x`),
        json.replace('/data.json', '/data.csv'),
        json.replace('/data.json', '/data.json%00'),
      ];
      for (const url of bad) {
        const answer = await get(url);
        expect(answer.status, url).toBe(404);
        expect(answer.headers.get('cache-control'), url).toBe('no-store');
        expect(answer.text).not.toContain('Quokka');
      }
      expect((await get(json)).status).toBe(200);
      clock.advance(16 * 60_000);
      const expired = await get(json);
      expect(expired.status).toBe(404);
      expect(expired.text).toBe('Not found. Ask Lederrum for a new link.');
    });

    it('tells someone with nothing stored so, in their language, and gives no links', async () => {
      const reply = await pg.command(carl.externalId, `D-${carl.externalId}`, 'mine data');
      const html = 'html' in reply ? reply.html : JSON.stringify(await pg.messages(`D-${carl.externalId}`, carl.externalId));
      expect(decode(html)).toContain('Lederrum gemmer intet om dig');
      expect(html).not.toContain('/me/');
    });

    it('answers 404 to a link of a person since deleted', async () => {
      const { json } = await linksFor(bo, `D-${bo.externalId}`);
      expect((await get(json)).status).toBe(200);
      await pg.command(bo.externalId, `D-${bo.externalId}`, 'slet mine data');
      const ask = (await pg.messages(`D-${bo.externalId}`, bo.externalId)).findLast((m) => buttonValue(m.html, 'forget.confirm'))!;
      await pg.button(bo.externalId, `D-${bo.externalId}`, 'forget.confirm', buttonValue(ask.html, 'forget.confirm')!);
      expect((await get(json)).status).toBe(404);
    });
  });
});
