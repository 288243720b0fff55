// A person's own well-being chart page in real Chromium: the link `min trivsel` gives opens a page
// whose SVG draws one point per entry against the norm, beside a table of the same figures, its
// stylesheet passing the page's policy; after the hour the same link gets the clear "expired" page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { openReportPage } from './report-browser.ts';
import { DAY, wellbeingWorld, type WellbeingWorld } from '../reports/wellbeing-world.ts';

/** Entries taken a fortnight apart: items, and the index each comes to (sum × 4). */
const ENTRIES = [
  { items: [2, 3, 2, 3, 2], index: 48 },
  { items: [3, 3, 4, 3, 3], index: 64 },
  { items: [4, 3, 3, 4, 4], index: 72 },
  { items: [4, 4, 4, 4, 4], index: 80 },
];

let w: WellbeingWorld;
let browser: Browser;
const violations: string[] = [];

beforeAll(async () => {
  [w, browser] = await Promise.all([wellbeingWorld(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await w?.app.close();
});

const open = (url: string, locale = 'da-DK') => openReportPage(browser, url, violations, locale);

describe('my well-being page in Chromium', () => {
  it('draws one point per entry against the norm, beside a table of the same figures', async () => {
    const carl = await w.person('Carl Jensen');
    for (const [i, entry] of ENTRIES.entries()) {
      if (i > 0) w.clock.advance(14 * DAY);
      await w.take(carl, entry.items);
    }
    const { page, status } = await open((await w.view(carl)).url);
    expect(status).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toMatch(/^noindex/);
    expect(await page.locator('h1').innerText()).toBe('Min trivsel');
    const svg = page.locator('figure.chart svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.locator('.point').evaluateAll((points) => points.map((p) => Number(p.getAttribute('data-value'))))).toEqual(ENTRIES.map((e) => e.index));
    expect(await svg.locator('.norm').getAttribute('data-value')).toBe('68');
    // 48 → 64 is the one change of 10 points or more.
    expect(await svg.locator('.point.marked').evaluateAll((points) => points.map((p) => p.getAttribute('data-value')))).toEqual(['64']);
    const rows = await page.locator('figure.chart table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rows.map((row) => Number(row[1]))).toEqual(ENTRIES.map((e) => e.index));
    expect(rows.every((row) => /^\d{1,2}\. \w+\.? 2026$/.test(row[0]!))).toBe(true);
    // The stylesheet passed the policy: chart and table side by side, the chart at its own size.
    expect(await page.locator('figure.chart').evaluate((f) => getComputedStyle(f).display)).toBe('grid');
    const box = (await svg.boundingBox())!;
    expect([box.width, box.height]).toEqual([Number(await svg.getAttribute('width')), Number(await svg.getAttribute('height'))]);
    expect(await page.locator('main').innerText()).toContain('68-100: omkring eller over gennemsnittet');
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.readUInt32BE(16)).toBe(1200);
    expect(shot.readUInt32BE(20)).toBe(await page.evaluate(() => document.documentElement.scrollHeight));
    expect(violations).toEqual([]);
  });

  it('gets the clear "expired" page once the hour is over', async () => {
    const url = (await w.view(await w.person('Carl Jensen'))).url;
    w.clock.advance(3600_000 + 1000);
    const { page, status } = await open(url);
    expect(status).toBe(410);
    expect(await page.locator('h1').innerText()).toBe('Linket er udløbet');
    expect(await page.locator('svg').count()).toBe(0);
  });
});
