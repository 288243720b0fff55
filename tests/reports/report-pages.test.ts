// The report pages over HTTP, on PGlite and on PostgreSQL: the links chat hands out (and their
// honest words), the figures against the answers given, suppression exactly as in chat, no name
// or word of a member's anywhere, and every way a link can stop working — wrong, forged, made for
// another page, expired, or held by someone who has since lost the role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { inMemory } from '../support/memory-database.ts';
import { findAll, hasClass, textOf as svgText } from '../support/svg-tree.ts';
import { charts, get, tables, words } from './page-html.ts';
import { FREE_TEXT, MEMBERS, reportWorld, SECRETS, TURNOUT, textOf, type ReportWorld } from './report-world.ts';

for (const database of ['pglite', 'postgresql'] as const) {
  describe(`report pages on ${database}`, () => {
    let w: ReportWorld;
    let scratch: string | null = null;
    beforeAll(async () => {
      scratch = database === 'postgresql' ? await createScratchDatabase() : null;
      w = await reportWorld({ database: scratch ? { kind: 'postgresql', url: scratch } : inMemory() });
    }, 180_000);
    afterAll(async () => {
      await w?.app.close();
      if (scratch) await dropScratchDatabase(scratch);
    });

    it('hands HR a report link saying who can open it and until when, and the CSV link says the same', async () => {
      const { text, url } = await w.reportLink(w.polls.wave2);
      expect(url).toMatch(/^http:\/\/localhost:\d+\/reports\/poll\//);
      // Made 2026-03-30 15:00 Copenhagen time (the world's clock), for a day.
      expect(text).toMatch(/Alle, der har linket, kan åbne siden indtil 31\. mar\. 2026[ ,]+\d\d\.\d\d\. Send det ikke videre/);
      await w.pg.button(w.dorte.externalId, w.dm(w.dorte), 'poll.csv', w.polls.wave2);
      const csv = textOf((await w.pg.messages(w.dm(w.dorte), w.dorte.externalId)).filter((m) => m.bot).at(-1)!);
      expect(csv).toContain('Alle, der har linket, kan hente filen indtil 31. mar. 2026');
      expect(csv).not.toContain('kun for dig');
      // The results message offers the report beside the CSV.
      await w.pg.button(w.dorte.externalId, w.dm(w.dorte), 'poll.results', w.polls.wave2);
      const results = (await w.pg.messages(w.dm(w.dorte), w.dorte.externalId)).filter((m) => m.bot).at(-1)!;
      expect(results.html).toContain('data-action="poll.report"');
    });

    it('shows the score against the rule’s norm over both waves, the rise marked, under a strict policy', async () => {
      const { html, status, headers } = await get((await w.reportLink(w.polls.wave2)).url);
      expect(status).toBe(200);
      expect(headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'/);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(html).toMatch(/^<!doctype html><html lang="da">/);
      expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
      const text = words(html);
      expect(text).toContain('Trivsel <forår> & "ro"');
      expect(text).toContain('11 af 11 har svaret (100 %)');
      // 748 / 11 = 68.0 now, 584 / 11 = 53.1 before: +14.9, at least the 10 points that matter.
      expect(text).toContain('Gennemsnitligt trivselsindeks: 68,0 af 100');
      expect(text).toContain('Siden sidste bølge: +14,9 (var 53,1) – en betydelig ændring.');
      const trend = charts(html).find((svg) => findAll(svg, hasClass('norm')).length > 0)!;
      expect(findAll(trend, hasClass('norm'))[0]!.attrs['data-value']).toBe('68');
      expect(findAll(trend, hasClass('threshold'))[0]!.attrs['data-value']).toBe('50');
      expect(findAll(trend, hasClass('point')).map((p) => [Number(p.attrs['data-value']).toFixed(1), hasClass('marked')(p)])).toEqual([
        ['53.1', false],
        ['68.0', true],
      ]);
    });

    it('draws every chart beside a table of the same figures', async () => {
      for (const pollId of [w.polls.wave1, w.polls.wave2, w.polls.own]) {
        const { html } = await get((await w.reportLink(pollId)).url);
        const svgs = charts(html);
        const rows = tables(html);
        expect(svgs.length).toBe(rows.length);
        svgs.forEach((svg, i) => {
          const bars = findAll(svg, hasClass('bar'));
          const points = findAll(svg, (n) => hasClass('point')(n) || hasClass('hidden-point')(n));
          const marks = bars.length ? bars : points;
          expect(marks.length, `chart ${i} has marks`).toBeGreaterThan(0);
          expect(rows[i]!.length).toBe(marks.length);
          rows[i]!.forEach((row, j) => {
            const mark = marks[j]!;
            const reason = mark.attrs['data-reason'];
            if (reason) expect(row[1]).toBe(reason);
            else if (bars.length) expect(row[1]).toBe(mark.attrs['data-count']);
            else expect(Number(row[1]!.replace(',', '.'))).toBeCloseTo(Number(mark.attrs['data-value']), 1);
          });
        });
      }
    });

    it('hides exactly what chat hides, with chat’s words', async () => {
      // Wave 1: five of eleven below 50, so both parts of the split are shown; wave 2: one, so both are hidden.
      const first = tables((await get((await w.reportLink(w.polls.wave1)).url)).html);
      expect(first).toContainEqual([
        ['Under 50', '5', '45 %'],
        ['50 eller derover', '6', '55 %'],
      ]);
      const second = words((await get((await w.reportLink(w.polls.wave2)).url)).html);
      expect(second).toContain('Under 50 – (skjult for at beskytte enkeltes svar) – (skjult for at beskytte enkeltes svar)');
      // Own questions: each option's figure on the page is the one chat shows for it.
      const { html } = await get((await w.reportLink(w.polls.own)).url);
      await w.pg.button(w.dorte.externalId, w.dm(w.dorte), 'poll.results', w.polls.own);
      const chat = textOf((await w.pg.messages(w.dm(w.dorte), w.dorte.externalId)).filter((m) => m.bot).at(-1)!);
      const overskud = tables(html).find((rows) => rows.some((r) => r[0] === 'Helt enig'))!;
      let hidden = 0;
      for (const [label, count] of overskud) {
        if (count!.startsWith('–')) {
          hidden += 1;
          expect(chat).toContain(`${label} ${count}`);
        } else expect(chat).toMatch(new RegExp(`${label} [█░]+ ${count} \\(`));
      }
      expect(hidden).toBeGreaterThan(0);
      expect(hidden).toBeLessThan(overskud.length);
      // Free text and personal words never reach the page.
      expect(words(html)).toContain('Fritekstsvar står kun i chatten');
      expect(chat).toContain(FREE_TEXT);
      expect(html).not.toContain(FREE_TEXT);
    });

    it('shows no one’s name and nothing anyone wrote on any report', async () => {
      const pages = [(await get((await w.reportLink(w.polls.wave2)).url)).html, (await get((await w.reportLink(w.polls.own)).url)).html, (await get((await w.groupLink()).url)).html];
      for (const html of pages) {
        for (const name of ['Anna Holm', ...MEMBERS]) expect(html).not.toContain(name);
        expect(html).not.toContain(FREE_TEXT);
        for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);
      }
    });

    it('gives the facilitator participation and agreements as counts', async () => {
      const { text, url } = await w.groupLink();
      expect(text).toContain('Overblik over Ledergruppen Nord');
      expect(text).toContain('Alle, der har linket, kan åbne siden indtil');
      const { html, status } = await get(url);
      expect(status).toBe(200);
      const [turnout, statuses, expected, weighed] = charts(html);
      const columns = findAll(turnout!, hasClass('column'));
      expect(columns.map((c) => findAll(c, hasClass('segment')).map((s) => Number(s.attrs['data-value'])))).toEqual(
        TURNOUT.map((c) => [c.words.length, c.passes.length, 11 - c.words.length - c.passes.length]),
      );
      // Two shared agreements, both running a week ago, one kept and one stopped now; the private one is in none.
      const weeks = findAll(statuses!, hasClass('column'));
      expect(weeks.map((c) => findAll(c, hasClass('segment')).map((s) => Number(s.attrs['data-value'])))).toEqual([
        [2, 0, 0, 0],
        [0, 0, 1, 1],
      ]);
      expect(findAll(expected!, hasClass('cell')).map((c) => [c.attrs['data-x'], c.attrs['data-y'], c.attrs['data-count']])).toEqual([
        ['2', '5', '1'],
        ['4', '4', '1'],
      ]);
      expect(findAll(weighed!, hasClass('bar')).map((b) => b.attrs['data-count'])).toEqual(['1', '0', '1']);
      expect(svgText(weighed!)).toContain('Mere gavn end indsats');
    });

    it('refuses a forged link, and a link made for another page', async () => {
      const poll = (await w.reportLink(w.polls.wave2)).url;
      const group = (await w.groupLink()).url;
      const forged = poll.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const swapped = group.replace('/reports/group/', '/reports/poll/');
      const csvGrant = /\/polls\/([^/]+)\/results\.csv/.exec(textOf((await w.pg.messages(w.dm(w.dorte), w.dorte.externalId)).filter((m) => m.bot).find((m) => m.html.includes('results.csv'))!))?.[1];
      for (const url of [forged, swapped, group.replace('/reports/group/', '/reports/poll/'), `${new URL(poll).origin}/reports/poll/${csvGrant}`, `${new URL(poll).origin}/reports/poll/nonsense`]) {
        const page = await get(url);
        expect(page.status, url).toBe(404);
        expect(words(page.html)).toContain('Linket virker ikke');
        expect(words(page.html)).toContain('Bed Lederrum om et nyt link');
      }
      const english = await get(forged, 'en-GB,en;q=0.9');
      expect(english.html).toMatch(/<html lang="en">/);
      expect(words(english.html)).toContain('Ask Lederrum for a new link');
    });

    it('refuses HR who lost the role and a facilitator who lost theirs, with the same clear page', async () => {
      const poll = (await w.reportLink(w.polls.wave2)).url;
      const group = (await w.groupLink()).url;
      expect((await get(poll)).status).toBe(200);
      await w.pg.command(w.anna.externalId, w.dm(w.anna), 'hr fjern Dorte Madsen');
      const refused = await get(poll);
      expect(refused.status).toBe(404);
      expect(words(refused.html)).toContain('du har ikke længere adgang');
      await w.pg.command(w.anna.externalId, w.dm(w.anna), 'hr tildel Dorte Madsen');
      expect((await get(poll)).status).toBe(200);

      // Bo is no facilitator: he is told so and gets no link; Anna's link stops when her role does.
      const bo = w.people['Bo Nielsen']!;
      expect((await w.groupLink(bo)).text).toContain('Det kan kun gruppens facilitator gøre');
      await w.app.database.prisma.membership.updateMany({
        where: { groupId: w.groupId, userId: (await w.app.database.prisma.user.findFirstOrThrow({ where: { displayName: 'Anna Holm' } })).id },
        data: { role: 'member' },
      });
      expect((await get(group)).status).toBe(404);
      await w.app.database.prisma.membership.updateMany({
        where: { groupId: w.groupId, userId: (await w.app.database.prisma.user.findFirstOrThrow({ where: { displayName: 'Anna Holm' } })).id },
        data: { role: 'facilitator' },
      });
      expect((await get(group)).status).toBe(200);
    });

    it('says a genuine link has expired once its day is over', async () => {
      const poll = (await w.reportLink(w.polls.wave2)).url;
      const group = (await w.groupLink()).url;
      w.clock.advance(24 * 3600_000 + 1000);
      for (const url of [poll, group]) {
        const page = await get(url);
        expect(page.status).toBe(410);
        expect(words(page.html)).toContain('Linket er udløbet');
      }
      expect(w.app.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    });
  });
}
