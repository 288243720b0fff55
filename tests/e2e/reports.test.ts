// The report pages in real Chromium: HR's report and the facilitator's view render their charts
// (checked in the DOM and in screenshots, by structure, not by pixels), hidden cells show as hidden
// with their reason, each table holds the figures its chart draws, the page's own stylesheet passes
// its Content-Security-Policy, it prints one chart under another, and a wrong or expired link gets
// a clear page in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { openReportPage } from './report-browser.ts';
import { reportWorld, TURNOUT, type ReportWorld } from '../reports/report-world.ts';

let w: ReportWorld;
let browser: Browser;
const violations: string[] = [];

beforeAll(async () => {
  [w, browser] = await Promise.all([reportWorld(), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await w?.app.close();
});

const open = (url: string, locale = 'da-DK') => openReportPage(browser, url, violations, locale);

/** A PNG's own width and height, from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A chart drawn at its SVG's own size on a wide screen, and screenshot so (a box at a fractional offset takes one more row). */
async function expectOwnSize(svg: Locator, size: { width: number; height: number }): Promise<void> {
  const box = (await svg.boundingBox())!;
  expect([box.width, box.height]).toEqual([size.width, size.height]);
  const shot = pngSize(await svg.screenshot());
  expect(shot.width).toBe(size.width);
  expect(shot.height - size.height).toBeGreaterThanOrEqual(0);
  expect(shot.height - size.height).toBeLessThanOrEqual(1);
}

/** Each chart on the page: its marks as the SVG holds them and its table's rows. */
function chartsOnPage(page: Page) {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => ({
      marks: [...figure.querySelectorAll('svg .bar, svg .point, svg .hidden-point, svg .segment, svg .cell')].map((m) => ({
        kind: m.getAttribute('class'),
        value: m.getAttribute('data-count') ?? m.getAttribute('data-value'),
        reason: m.getAttribute('data-reason'),
        text: m.textContent ?? '',
      })),
      rows: [...figure.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())),
      size: { width: Number(figure.querySelector('svg')!.getAttribute('width')), height: Number(figure.querySelector('svg')!.getAttribute('height')) },
    })),
  );
}

describe('HR’s report in Chromium', () => {
  it('renders the trend against the norm with the rise ringed, and screenshots at the page’s size', async () => {
    const { page, status } = await open((await w.reportLink(w.polls.wave2)).url);
    expect(status).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.locator('h1').innerText()).toBe('Trivsel <forår> & "ro"');
    const trend = page.locator('figure.chart svg', { has: page.locator('.norm') });
    expect(await trend.locator('.point').count()).toBe(2);
    expect(await trend.locator('.point.marked').count()).toBe(1);
    expect(await trend.locator('.point.marked').getAttribute('data-value')).toMatch(/^68(\.0+)?$/);
    // The stylesheet passed the page's policy: figures are laid out as a grid, chart and table side by side.
    expect(
      await page
        .locator('figure.chart')
        .first()
        .evaluate((f) => getComputedStyle(f).display),
    ).toBe('grid');
    await expectOwnSize(trend, { width: Number(await trend.getAttribute('width')), height: Number(await trend.getAttribute('height')) });
    const full = await page.screenshot({ fullPage: true });
    const size = pngSize(full);
    expect(size.width).toBe(1200);
    expect(size.height).toBe(await page.evaluate(() => document.documentElement.scrollHeight));
    expect(full.length).toBeGreaterThan(20_000);
    expect(violations).toEqual([]);
  });

  it('shows hidden cells as hatched and empty, with their reason in the chart and in its table', async () => {
    const { page } = await open((await w.reportLink(w.polls.own)).url);
    const hidden = page.locator('svg .bar.hidden');
    expect(await hidden.count()).toBeGreaterThan(0);
    for (const bar of await hidden.all()) {
      const reason = (await bar.getAttribute('data-reason'))!;
      expect(reason).toMatch(/^– \(skjult/);
      expect(await bar.locator('.fill').count()).toBe(0);
      expect(await bar.locator('rect').first().getAttribute('fill')).toMatch(/^url\(#hidden-hatch-/);
      expect(await bar.locator('text').textContent()).toBe(reason);
    }
    const tableText = await page.locator('table.figures').allInnerTexts();
    expect(tableText.join('\n')).toContain('– (skjult');
    // A pattern id is unique on the page, though every chart hatches.
    const ids = await page.$$eval('pattern', (patterns) => patterns.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds in each table exactly the figures its chart draws', async () => {
    for (const pollId of [w.polls.wave1, w.polls.wave2, w.polls.own]) {
      const { page } = await open((await w.reportLink(pollId)).url);
      const charts = await chartsOnPage(page);
      expect(charts.length).toBeGreaterThan(1);
      for (const chart of charts) {
        expect(chart.rows.length).toBe(chart.marks.length);
        chart.marks.forEach((mark, i) => {
          const cell = chart.rows[i]![1]!;
          if (mark.reason) expect(cell).toBe(mark.reason);
          else expect(Number(cell.replace(',', '.'))).toBeCloseTo(Number(mark.value), 1);
        });
      }
    }
  });

  it('prints each chart above its table, with no chart split across pages', async () => {
    const { page } = await open((await w.reportLink(w.polls.wave2)).url);
    await page.emulateMedia({ media: 'print' });
    const columns = await page
      .locator('figure.chart')
      .first()
      .evaluate((f) => getComputedStyle(f).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    expect(
      await page
        .locator('figure.chart')
        .first()
        .evaluate((f) => getComputedStyle(f).breakInside),
    ).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the facilitator’s view in Chromium', () => {
  it('renders participation per check-in and the agreements as counts, each chart beside its table', async () => {
    const { page, status } = await open((await w.groupLink()).url);
    expect(status).toBe(200);
    const charts = await chartsOnPage(page);
    expect(charts).toHaveLength(4);
    const [turnout, statuses, expected, weighed] = charts;
    expect(turnout!.rows.map((r) => r.slice(1).map(Number))).toEqual(TURNOUT.map((c) => [c.words.length, c.passes.length, 11 - c.words.length - c.passes.length, 11]));
    expect(turnout!.marks.map((m) => Number(m.value))).toEqual(TURNOUT.flatMap((c) => [c.words.length, c.passes.length, 11 - c.words.length - c.passes.length]));
    expect(statuses!.rows.map((r) => r.slice(1).map(Number))).toEqual([
      [2, 0, 0, 0, 2],
      [0, 0, 1, 1, 2],
    ]);
    expect(expected!.marks.map((m) => m.value)).toEqual(expected!.rows.map((r) => r[2]));
    expect(weighed!.rows.map((r) => r[1])).toEqual(weighed!.marks.map((m) => m.value));
    for (const [i, chart] of charts.entries()) await expectOwnSize(page.locator('figure.chart svg').nth(i), chart.size);
    expect(violations).toEqual([]);
  });
});

describe('a link that does not work, in Chromium', () => {
  it('gets a clear page in the reader’s language: wrong, then expired', async () => {
    const url = (await w.reportLink(w.polls.wave2)).url;
    const wrong = await open(url.replace(/\.[^.]+$/, '.forged'));
    expect(wrong.status).toBe(404);
    expect(await wrong.page.locator('h1').innerText()).toBe('Linket virker ikke');
    expect(await wrong.page.locator('main').innerText()).toContain('Bed Lederrum om et nyt link');
    const english = await open(url.replace(/\.[^.]+$/, '.forged'), 'en-GB');
    expect(await english.page.getAttribute('html', 'lang')).toBe('en');
    expect(await english.page.locator('h1').innerText()).toBe('This link does not work');
    w.clock.advance(25 * 3600_000);
    const expired = await open(url);
    expect(expired.status).toBe(410);
    expect(await expired.page.locator('h1').innerText()).toBe('Linket er udløbet');
    expect(await expired.page.content()).not.toMatch(/Error|at .*\.ts/);
  });
});
