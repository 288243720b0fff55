// A person's own well-being chart page over HTTP, on PGlite and on PostgreSQL: `min trivsel` and
// the result after saving hand Bo a link that says it works for an hour for whoever has it; the
// page shows his entries (table and chart against what he answered), read again on every open, in
// the report pages' shell and policy; nothing else opens it — a forged link, another person's, a
// link made for another page (and his link opens no other page) — it says "expired" after the hour,
// and after `slet mine data` it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkSigner } from '../../src/app/links.ts';
import { REPORT_CSP } from '../../src/app/reports/page.ts';
import { POLL_REPORT_LINK } from '../../src/core/polls/report.ts';
import { MY_WELLBEING_LINK } from '../../src/core/wellbeing/page.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { inMemory } from '../support/memory-database.ts';
import { findAll, hasClass } from '../support/svg-tree.ts';
import { buttonValue, decode, type Person } from '../playground/client.ts';
import { charts, get, tables, words } from './page-html.ts';
import { DAY, LINK_SECRET, wellbeingWorld, type WellbeingWorld } from './wellbeing-world.ts';

/** Bo's three entries: items, the index they come to (sum × 4) and the day (Copenhagen) each is taken. */
const BO = [
  { items: [3, 3, 3, 3, 3], index: 60, day: '2. mar. 2026' },
  { items: [4, 4, 4, 4, 4], index: 80, day: '1. apr. 2026' },
  { items: [2, 2, 2, 2, 3], index: 44, day: '1. maj 2026' },
];

for (const database of ['pglite', 'postgresql'] as const) {
  describe(`my well-being page on ${database}`, () => {
    let w: WellbeingWorld;
    let bo: Person;
    let scratch: string | null = null;
    beforeAll(async () => {
      scratch = database === 'postgresql' ? await createScratchDatabase() : null;
      w = await wellbeingWorld({ database: scratch ? { kind: 'postgresql', url: scratch } : inMemory() });
      bo = await w.person('Bo Nielsen');
    }, 120_000);
    afterAll(async () => {
      await w?.app.close();
      if (scratch) await dropScratchDatabase(scratch);
    });

    it('offers no link before there is an entry, then one after saving and in `min trivsel`, honest about who can open it', async () => {
      const intro = await w.view(bo);
      expect(intro.text).toContain('fem korte udsagn');
      expect(intro.url).toBe('');
      for (const [i, entry] of BO.entries()) {
        if (i > 0) w.clock.advance(30 * DAY);
        const saved = await w.take(bo, entry.items);
        expect(saved.text).toContain(`Dit trivselsindeks: ${entry.index} af 100`);
        expect(saved.url).toMatch(/^http:\/\/localhost:\d+\/me\/wellbeing\/[^/]+$/);
      }
      const { text, url } = await w.view(bo);
      expect(text).toContain(`Se din kurve: ${url}`);
      // Asked 1 May 2026 10:00 Copenhagen time: an hour.
      expect(text).toMatch(/Linket virker i en time \(til 1\. maj 2026[ ,]+11\.00\) for alle, der har det – det er dit, så send det ikke videre\./);
    });

    it('opens on his own entries, in the report pages’ shell and policy, never stored', async () => {
      const { html, status, headers } = await get((await w.view(bo)).url);
      expect(status).toBe(200);
      expect(headers.get('content-security-policy')).toBe(REPORT_CSP);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(html).toMatch(/^<!doctype html><html lang="da">/);
      expect(html).toContain('<meta name="robots" content="noindex');
      expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
      const [table] = tables(html);
      expect(table!.map((row) => row.slice(0, 2))).toEqual(BO.map((e) => [e.day, String(e.index)]));
      const [svg] = charts(html);
      expect(findAll(svg!, hasClass('norm'))[0]!.attrs['data-value']).toBe('68');
      expect(findAll(svg!, hasClass('threshold'))[0]!.attrs['data-value']).toBe('50');
      // +20 and -36: both of the 10 points that matter.
      expect(findAll(svg!, hasClass('point')).map((p) => [Number(p.attrs['data-value']), hasClass('marked')(p)])).toEqual([
        [60, false],
        [80, true],
        [44, true],
      ]);
      const text = words(html);
      expect(text).toContain('Min trivsel');
      expect(text).toContain('Senest: 44 af 100 (1. maj 2026). Under 50 er et signal');
      expect(text).toContain('Her kan du finde hjælp');
      for (const band of ['68-100: omkring eller over gennemsnittet', '50-67: lidt under gennemsnittet', '29-49: lavt – tal gerne med nogen', '0-28: meget lavt – tal med din læge']) {
        expect(text).toContain(band);
      }
      expect(text).toContain('Alle, der har linket til denne side, kan åbne den indtil 1. maj 2026');
      expect(text).not.toContain('Bo Nielsen');
    });

    it('reads the entries again on every open, and shows each person only their own, in their language', async () => {
      const url = (await w.view(bo)).url;
      w.clock.advance(10 * 60_000);
      await w.take(bo, [5, 5, 5, 5, 5]);
      expect(tables((await get(url)).html)[0]!.map((row) => row[1])).toEqual(['60', '80', '44', '100']);

      const emma = await w.person('Emma Clarke');
      const saved = await w.take(emma, [5, 4, 5, 4, 5]);
      expect(saved.text).toContain(`See your chart: ${saved.url}`);
      expect(saved.text).toContain('The link works for an hour (until');
      expect(saved.text).toContain('for whoever has it – it is yours, don’t forward it.');
      const page = await get(saved.url);
      expect(page.html).toMatch(/<html lang="en">/);
      expect(tables(page.html)[0]!.map((row) => row.slice(0, 2))).toEqual([['1 May 2026', '92']]);
      expect(words(page.html)).toContain('Your well-being over time (WHO-5)');
      expect(words(page.html)).toContain('68-100: around or above the average');
    });

    it('refuses a forged link, another person’s, and one made for another page; his opens no other page', async () => {
      const url = (await w.view(bo)).url;
      const origin = new URL(url).origin;
      const grant = url.split('/').at(-1)!;
      const boId = grant.split('.')[1]!;
      const anna = await w.person('Anna Holm');
      const { channelId } = await w.pg.createGroup(anna, 'Ledergruppen', ['Bo Nielsen']);
      const annaId = (await w.app.database.prisma.user.findFirstOrThrow({ where: { displayName: 'Anna Holm' } })).id;
      await w.pg.command(anna.externalId, channelId, '/lederrum gruppe rapport');
      const groupGrant = /\/reports\/group\/([^\s"<]+)/.exec(JSON.stringify(await w.pg.messages(channelId, anna.externalId)))![1]!;
      const myData = await w.pg.command(bo.externalId, w.dm(bo), 'mine data');
      const dataGrant = /\/me\/([^/"]+)\/data\.json/.exec(decode('html' in myData ? myData.html : ''))![1]!;
      // The very fields of his link, signed as the app signs, but for HR's report page.
      const sign = linkSigner(LINK_SECRET);
      const fields = grant.split('.').slice(0, 3).join('.');
      const signedFor = (purpose: string) => `${origin}/me/wellbeing/${fields}.${sign(`${purpose}${fields}`)}`;
      expect(signedFor(MY_WELLBEING_LINK.purpose)).toBe(url);
      const refused = [
        signedFor(POLL_REPORT_LINK.purpose),
        signedFor(''),
        url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        `${origin}/me/wellbeing/${grant.replace(boId, annaId)}`,
        `${origin}/me/wellbeing/${groupGrant}`,
        `${origin}/me/wellbeing/${dataGrant}`,
        `${origin}/me/wellbeing/nonsense`,
        `${origin}/reports/poll/${grant}`,
        `${origin}/reports/group/${grant}`,
      ];
      for (const wrong of refused) {
        const page = await get(wrong);
        expect(page.status, wrong).toBe(404);
        expect(words(page.html)).toContain('Linket virker ikke');
        expect(page.html).not.toContain('<svg');
      }
      // The group report's own link still works: the refusals are the purpose's, not a broken signer.
      expect((await get(`${origin}/reports/group/${groupGrant}`)).status).toBe(200);
      expect((await get(url)).status).toBe(200);
    });

    it('says a genuine link has expired once its hour is over', async () => {
      const url = (await w.view(bo)).url;
      w.clock.advance(59 * 60_000);
      expect((await get(url)).status).toBe(200);
      w.clock.advance(60_000 + 1000);
      const page = await get(url);
      expect(page.status).toBe(410);
      expect(words(page.html)).toContain('Linket er udløbet');
      expect(page.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses the link once `slet mine data` has deleted the entries', async () => {
      const url = (await w.view(bo)).url;
      expect((await get(url)).status).toBe(200);
      await w.pg.command(bo.externalId, w.dm(bo), 'slet mine data');
      const ask = (await w.pg.messages(w.dm(bo), bo.externalId)).findLast((m) => buttonValue(m.html, 'forget.confirm'))!;
      await w.pg.button(bo.externalId, w.dm(bo), 'forget.confirm', buttonValue(ask.html, 'forget.confirm')!);
      const page = await get(url);
      expect(page.status).toBe(404);
      expect(words(page.html)).toContain('Linket virker ikke');
      expect(w.app.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    });
  });
}
