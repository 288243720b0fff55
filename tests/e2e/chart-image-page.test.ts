// A chart picture on the playground page in real Chromium (issue 19, point 2): HR closes a poll
// of own questions and the results in her chat with Lederrum show each question's chart as an
// <img> the browser loads from the app itself, with the figures as its alt text and its title
// above it; free text stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';
import { hrWithGroupOfFive } from './hr-group.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  // Over the page's own API: a group of five, HR granted by the admin, a poll answered by all and closed now.
  const { pg, people, anna, groupId, dm } = await hrWithGroupOfFive(app);
  const questions = 'enig: Jeg har overskud i hverdagen\ntekst: Hvad vil du sige til HR?';
  const values = { title: 'Puls', template: 'own', questions, audience: [groupId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: '', share: false };
  await pg.form(anna.externalId, dm(anna), 'poll.create', '', values);
  const pollId = (await app.database.prisma.poll.findFirstOrThrow()).id;
  for (const [name, answer] of [
    ['Anna Holm', '4'],
    ['Bo Nielsen', '4'],
    ['Carl Jensen', '4'],
    ['Dorte Madsen', '5'],
    ['Emma Clarke', '2'],
  ] as const) {
    const person = people[name]!;
    await pg.form(person.externalId, dm(person), 'poll.answer', pollId, { q0: answer, q1: '' });
  }
  await pg.button(anna.externalId, dm(anna), 'poll.close_now', pollId);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a chart picture on the playground page', () => {
  it("is loaded by the browser from the app, with the chart's figures as alt text", async () => {
    const page = await (await browser.newContext()).newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(app.url);
    await page.locator('#as option', { hasText: 'Anna Holm' }).waitFor({ state: 'attached' });
    await page.selectOption('#as', { label: 'Anna Holm' });
    const figure = page.locator('#messages .m-image').last();
    await figure.waitFor();
    const img = figure.locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1280);
    const [naturalHeight, shown] = await img.evaluate((el: HTMLImageElement) => [el.naturalHeight, el.getBoundingClientRect().width]);
    expect(naturalHeight).toBe(2 * Number(await img.getAttribute('height')));
    // Shown at the chart's own width at most (twice the pixels, for sharp screens), narrower where the column is.
    expect(shown).toBeGreaterThan(320);
    expect(shown).toBeLessThanOrEqual(640);
    expect(await img.getAttribute('src')).toMatch(new RegExp(`^${app.url}charts/[^/]+/chart\\.png$`));
    const alt = (await img.getAttribute('alt')) ?? '';
    expect(alt).toContain('Jeg har overskud i hverdagen. 5 svar');
    expect(alt).toContain('Enig: 3, 60 %');
    expect(await figure.locator('figcaption').innerText()).toContain('Jeg har overskud i hverdagen · 5 svar');
    // The free-text question stays text beside the picture.
    expect(await page.locator('#messages .m-code').first().innerText()).toContain('Hvad vil du sige til HR?');
    expect(failed).toEqual([]);
  });
});
