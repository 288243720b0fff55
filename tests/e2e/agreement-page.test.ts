// Agreements on the playground page in real Chromium: a member makes one in the form dialog,
// sees it in `aftaler` with its buttons, adjusts it in place, and exports the list as Markdown,
// shown preformatted. Another member's page shows none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPlaygroundAs } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';

const FIRST = 'Fem minutters luft mellem mine møder';
const ADJUSTED = 'Ti minutters luft efter frokost';
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;

const openAs = (name: string) => openPlaygroundAs(browser, app.url, name);

async function say(text: string) {
  await page.locator('#composer-text').fill(text);
  await page.locator('#composer').getByRole('button').click();
}

const dialog = () => page.locator('dialog[open] form');
const messages = () => page.locator('#messages').innerText();

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  page = await openAs('Anna Holm');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('agreements on the playground page', () => {
  it('makes a private agreement in the form dialog', async () => {
    await say('aftale');
    const form = dialog();
    await form.waitFor();
    await form.locator('textarea[name=text]').fill(FIRST);
    await form.locator('input[name=follow_up]').fill('om 1 uge');
    await form.locator('select[name=effort]').selectOption('2');
    await form.locator('select[name=benefit]').selectOption('4');
    await form.locator('button[type=submit]').click();
    await expect.poll(messages).toContain('kun du kan se den');
  });

  it('refuses an empty agreement next to its field, keeping the dialog open', async () => {
    await say('aftale');
    const form = dialog();
    await form.waitFor();
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-error-for=text]').innerText()).toContain('må ikke være tom');
    await page.keyboard.press('Escape');
  });

  it('lists it with its buttons, and adjusts it in place', async () => {
    await say('aftaler');
    await expect.poll(messages).toContain(FIRST);
    await page.getByRole('button', { name: 'Justér' }).last().click();
    const form = dialog();
    await form.waitFor();
    await expect(form.locator('textarea[name=text]').inputValue()).resolves.toBe(FIRST);
    await form.locator('textarea[name=text]').fill(ADJUSTED);
    await form.locator('button[type=submit]').click();
    await expect.poll(messages).toContain('Aftalen er justeret');
  });

  it('exports the list as Markdown, preformatted', async () => {
    await say('aftaler');
    await page.getByRole('button', { name: 'Eksportér som Markdown' }).last().click();
    await expect.poll(() => page.locator('pre.m-code').last().innerText()).toContain(`- [ ] ${ADJUSTED}`);
  });

  it("shows none of it on another member's page", async () => {
    const bo = await openAs('Bo Nielsen');
    await bo.locator('#composer-text').fill('aftaler');
    await bo.locator('#composer').getByRole('button').click();
    await expect.poll(() => bo.locator('#messages').innerText()).toContain('Ingen aktive aftaler');
    const seen = await bo.locator('#messages').innerText();
    expect(seen).not.toContain(FIRST);
    expect(seen).not.toContain(ADJUSTED);
  });
});
