// Answering a pulse poll on the playground page in real Chromium: the invitation in the member's
// chat with Lederrum says what is anonymous, "Svar" opens the questions in a dialog, and the
// member sees their own WHO-5 index right after sending — in the dialog only, kept in no
// conversation. Nothing is chosen for them: an untouched or half-filled form names what is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';
import { hrWithGroupOfFive } from './hr-group.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;

async function openAs(name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  await page.locator('#as option', { hasText: name }).waitFor({ state: 'attached' });
  await page.selectOption('#as', { label: name });
  await page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Lederrum');
  return page;
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  // Set up over the page's own API: a group of five, HR granted by the admin, the poll sent now.
  const { pg, anna, groupId, dm } = await hrWithGroupOfFive(app);
  await pg.form(anna.externalId, dm(anna), 'poll.create', '', {
    title: 'Trivsel',
    template: 'who5',
    questions: '',
    audience: [groupId],
    opens: 'nu',
    closes: 'om 1 uge',
    reminders: '0',
    threshold: '5',
    continues: 'new',
    share: false,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a pulse poll on the playground page', () => {
  it('is answered in a dialog, refuses missing items keeping what was chosen, and shows the own index once', async () => {
    const bo = await openAs('Bo Nielsen');
    await expect.poll(() => bo.locator('#messages').innerText()).toContain('Det her er ikke anonymt');
    await bo.getByRole('button', { name: 'Svar', exact: true }).last().click();
    const form = bo.locator('dialog[open] form');
    await form.waitFor();
    await expect(form.innerText()).resolves.toContain('i de sidste 2 uger');
    // Sent untouched: nothing was chosen for Bo, so every item is named as missing.
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-error-for=q4]').innerText()).toContain('Spørgsmål 5 mangler et svar');
    for (const i of [0, 1, 2, 3]) await expect(form.locator(`[data-error-for=q${i}]`).innerText()).resolves.toContain(`Spørgsmål ${i + 1} mangler`);
    // Half filled: the three chosen stay chosen, only the two left are named.
    for (const [i, value] of ['5', '4', '3'].entries()) await form.locator(`select[name=q${i}]`).selectOption(value);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-error-for=q0]').innerText()).toBe('');
    expect(await form.locator('[data-error-for=q3]').innerText()).toContain('Spørgsmål 4 mangler');
    expect(await Promise.all([0, 1, 2, 3].map((i) => form.locator(`select[name=q${i}]`).inputValue()))).toEqual(['5', '4', '3', '']);
    // 5, 4, 3, 2, 1 on the five items: raw 15, index 60 — shown in the dialog, kept in no conversation.
    for (const [i, value] of ['2', '1'].entries()) await form.locator(`select[name=q${i + 3}]`).selectOption(value);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => bo.locator('dialog[open]').innerText()).toContain('Dit trivselsindeks (WHO-5) er 60 af 100');
    await bo.locator('dialog[open] .close-once').click();
    await bo.reload();
    await expect.poll(() => bo.locator('#messages').innerText()).toContain('Det her er ikke anonymt');
    expect(await bo.locator('#messages').innerText()).not.toContain('60 af 100');
    expect((await app.database.prisma.pollResponse.count()) + (await app.database.prisma.pollPendingResponse.count())).toBe(1);

    const carl = await openAs('Carl Jensen');
    await expect.poll(() => carl.locator('#messages').innerText()).toContain('Kort måling');
    expect(await carl.locator('#messages').innerText()).not.toContain('60 af 100');
  });
});
