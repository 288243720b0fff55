// Issue 20, point 4 in real Chromium: Emma reads English in a Danish group. Her page counts a
// round's replies as English does ("1 reply", "2 replies", never "1 replies"), and the round's
// answer form is Danish from its title to its Cancel button, as the group's round is.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';
import { buttonValue, Playground, type Person } from '../playground/client.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let pg: Playground;
let anna: Person, bo: Person, carl: Person, emma: Person;
let channelId: string;
let roundId: string;

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo, carl, emma] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Emma Clarke'].map((n) => pg.person(n)))) as [Person, Person, Person, Person];
  expect(emma.locale).toBe('en');
  ({ channelId } = await pg.createGroup(anna, 'Nord', ['Bo Nielsen', 'Carl Jensen', 'Emma Clarke']));
  await pg.command(anna.externalId, channelId, '/lederrum tjekind start');
  const round = (await pg.messages(channelId, anna.externalId)).find((m) => buttonValue(m.html, 'round.answer'));
  roundId = buttonValue(round!.html, 'round.answer')!;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Emma's page on the group's channel (the page remembers who and where in localStorage). */
async function emmasChannel(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(
    ([as, conversation]) => {
      localStorage.setItem('lederrum.as', as!);
      localStorage.setItem('lederrum.conversation', conversation!);
    },
    [emma.externalId, channelId],
  );
  await page.goto(app.url);
  await page.locator('#conversation-title', { hasText: 'Nord' }).waitFor();
  return page;
}

async function answer(person: Person, text: string) {
  expect((await pg.form(person.externalId, `D-${person.externalId}`, 'round.answer', roundId, { answer: text })).kind).toBe('message');
}

describe('a Danish group seen by a member who reads English', () => {
  it('counts replies with the plural English needs', async () => {
    await answer(bo, 'En god uge.');
    const page = await emmasChannel();
    await expect.poll(() => page.locator('#messages button.replies').first().textContent()).toBe('1 reply');
    await answer(carl, 'Travlt.');
    await page.reload();
    await expect.poll(() => page.locator('#messages button.replies').first().textContent()).toBe('2 replies');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it("opens the round's form in the group's language, Cancel included", async () => {
    const page = await emmasChannel();
    await page.locator('#messages article').getByRole('button', { name: 'Svar', exact: true }).first().click();
    const form = page.locator('dialog[open] form');
    await form.waitFor();
    expect(await form.getAttribute('lang')).toBe('da');
    expect(await form.locator('h2').textContent()).toBe('Siden sidst');
    expect(await form.locator('button.cancel').textContent()).toBe('Annuller');
    expect(await form.locator('button[type=submit]').textContent()).toBe('Gem');
    await form.locator('button.cancel').click();
    await expect.poll(() => page.locator('dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
  });
});
