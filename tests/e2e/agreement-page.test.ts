// Agreements on the playground page in real Chromium: a member makes one in the form dialog,
// sees it in `aftaler` with its buttons, adjusts it in place, and exports the list as Markdown,
// shown preformatted. Another member's page shows none of it.
import { describe, expect, it } from 'vitest';
import { openPlaygroundAs } from '../support/browser.ts';
import { playgroundSessionAs } from '../support/playground-session.ts';

const FIRST = 'Fem minutters luft mellem mine møder';
const ADJUSTED = 'Ti minutters luft efter frokost';
const session = playgroundSessionAs('Anna Holm');

const openAs = (name: string) => openPlaygroundAs(session.browser, session.app.url, name);

async function say(text: string) {
  await session.page.locator('#composer-text').fill(text);
  await session.page.locator('#composer').getByRole('button').click();
}

const dialog = () => session.page.locator('dialog[open] form');
const messages = () => session.page.locator('#messages').innerText();

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
    await session.page.keyboard.press('Escape');
  });

  it('lists it with its buttons, and adjusts it in place', async () => {
    await say('aftaler');
    await expect.poll(messages).toContain(FIRST);
    await session.page.getByRole('button', { name: 'Justér' }).last().click();
    const form = dialog();
    await form.waitFor();
    await expect(form.locator('textarea[name=text]').inputValue()).resolves.toBe(FIRST);
    await form.locator('textarea[name=text]').fill(ADJUSTED);
    await form.locator('button[type=submit]').click();
    await expect.poll(messages).toContain('Aftalen er justeret');
  });

  it('exports the list as Markdown, preformatted', async () => {
    await say('aftaler');
    await session.page.getByRole('button', { name: 'Eksportér som Markdown' }).last().click();
    await expect.poll(() => session.page.locator('pre.m-code').last().innerText()).toContain(`- [ ] ${ADJUSTED}`);
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
