// The facilitator's round view in real Chromium (issue 20, point 2): the playground renders per
// viewer, so a member sees no facilitator buttons or shortcuts and the facilitator does; the view
// names who is missing and never shows what anyone wrote; the one nudge reaches the one missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';

const GROUP = 'Ledergruppen Syd';
const BO_WORDS = 'BO-SVAR: en uge med for mange møder';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let anna: Page;
let bo: Page;
let carl: Page;

async function actAs(name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  await page.locator('#as option', { hasText: name }).waitFor({ state: 'attached' });
  await page.selectOption('#as', { label: name });
  await page.waitForFunction((who) => (document.querySelector('#as') as HTMLSelectElement).selectedOptions[0]?.text === who && localStorage.getItem('lederrum.as') !== null, name);
  await page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Lederrum');
  return page;
}

async function openConversation(page: Page, name: string) {
  await page.locator('#channels button, #directs button', { hasText: name }).click();
  await page.locator('#conversation-title', { hasText: name }).waitFor();
}

const chips = (page: Page) => page.locator('#shortcuts .chip').allInnerTexts();
const roundMessage = (page: Page) =>
  page
    .locator('#messages article')
    .filter({ has: page.locator('.m-header', { hasText: 'Siden sidst' }) })
    .last();
const buttonLabels = (page: Page) => roundMessage(page).locator('.m-actions button').allInnerTexts();

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  anna = await actAs('Anna Holm');
  bo = await actAs('Bo Nielsen');
  carl = await actAs('Carl Jensen');
  await anna.locator('#composer-text').fill('gruppe opret');
  await anna.locator('#composer').getByRole('button').click();
  const form = anna.locator('dialog[open] form');
  await form.locator('input[name=name]').fill(GROUP);
  await form.getByLabel('Bo Nielsen').check();
  await form.getByLabel('Carl Jensen').check();
  await form.getByRole('button', { name: 'Opret' }).click();
  await anna.locator('#messages', { hasText: 'du er facilitator' }).waitFor();
  for (const page of [anna, bo, carl]) {
    await page.reload();
    await openConversation(page, GROUP);
  }
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the facilitator's round view on the playground", () => {
  it('shows the facilitator shortcuts to the facilitator only', async () => {
    expect(await chips(anna)).toEqual(expect.arrayContaining(['/lederrum tjekind start', '/lederrum tjekind status', '/lederrum tjekind afslut', '/lederrum hjælp']));
    const member = await chips(bo);
    expect(member).toContain('/lederrum hjælp');
    expect(member.filter((chip) => /tjekind|deltagelse|gruppe tilføj/.test(chip))).toEqual([]);
  });

  it("shows the round's facilitator buttons to the facilitator only", async () => {
    await anna.locator('.chip', { hasText: 'tjekind start' }).click();
    for (const page of [anna, bo]) await expect.poll(() => page.locator('#messages').innerText()).toContain('Tjek-ind #1 · Siden sidst');
    expect(await buttonLabels(anna)).toEqual(['Svar', 'Meld pas', 'Start afrundingen (facilitator)', 'Hvem mangler? (facilitator)']);
    expect(await buttonLabels(bo)).toEqual(['Svar', 'Meld pas']);
    expect(await bo.content()).not.toContain('(facilitator)');
  });

  it('names who answered and who is missing, never what they wrote, to the facilitator alone', async () => {
    await roundMessage(bo).getByRole('button', { name: 'Svar', exact: true }).click();
    const form = bo.locator('dialog[open] form');
    expect(await form.innerText()).toContain('Gruppen ser dette under dit navn.');
    await form.locator('textarea[name=answer]').fill(BO_WORDS);
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => bo.locator('#messages').innerText()).toContain('Tak – dit svar står i tråden.');

    await roundMessage(anna).getByRole('button', { name: 'Hvem mangler? (facilitator)' }).click();
    const view = anna.locator('#messages article.only-you').filter({ hasText: 'hvem er med?' }).last();
    await expect.poll(() => view.count()).toBe(1);
    const seen = await view.innerText();
    expect(seen).toContain('Har svaret (1)');
    expect(seen).toContain('Bo Nielsen');
    expect(seen).toContain('Anna Holm og Carl Jensen');
    expect(seen).not.toContain('BO-SVAR');
    expect(await bo.locator('#messages').innerText()).not.toContain('hvem er med?');
  });

  it('sends the one gentle reminder to the one missing, once for two presses', async () => {
    const view = anna.locator('#messages article.only-you').filter({ hasText: 'hvem er med?' }).last();
    await view.getByRole('button', { name: 'Send en venlig påmindelse' }).click();
    await expect.poll(() => anna.locator('#messages').innerText()).toContain('En venlig påmindelse er på vej til Carl Jensen.');
    await view.getByRole('button', { name: 'Send en venlig påmindelse' }).click();
    await expect.poll(() => anna.locator('#messages').innerText()).toContain('Rundens påmindelse er allerede sendt.');

    await openConversation(carl, 'Lederrum');
    const reminder = 'Anna Holm sender en venlig påmindelse';
    await expect.poll(() => carl.locator('#messages').innerText(), { timeout: 10_000 }).toContain(reminder);
    // Give a second copy every chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await carl.reload();
    await openConversation(carl, 'Lederrum');
    await expect.poll(() => carl.locator('#messages article', { hasText: reminder }).count()).toBe(1);
    await openConversation(bo, 'Lederrum');
    expect(await bo.locator('#messages').innerText()).not.toContain(reminder);
  });
});
