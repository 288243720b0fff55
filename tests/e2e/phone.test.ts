// The playground on a phone (issue 20, point 5), in real Chromium at 390 × 844 against the whole
// app on a PostgreSQL database: the page is never wider than the screen, the sidebar folds away
// behind a button, a group is made and a round answered through dialogs whose buttons are on the
// screen; the first private chat holds the welcome; and after the server restarts (on the same
// port and database) the page says so in Danish, comes back by itself and works again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';

const WIDTH = 390;
const HEIGHT = 844;
const GROUP = 'Ledergruppen Mobil';
const ANSWER = 'En travl uge, men jeg fik holdt pauserne. '.repeat(12).trim();

let scratch: string;
let port: string;
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;

const start = () => startTestApp({ database: { kind: 'postgresql', url: scratch }, ...(port ? { env: { PORT: port } } : {}) });

beforeAll(async () => {
  scratch = await createScratchDatabase();
  app = await start();
  port = new URL(app.url).port;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, isMobile: true, hasTouch: true });
  page = await context.newPage();
  await page.goto(app.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close({ graceMs: 500 });
  if (scratch) await dropScratchDatabase(scratch);
});

/** Nothing on the page reaches past the screen's width: no sideways scrolling. */
async function expectNoSidewaysScroll() {
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(WIDTH);
  expect(widths.body).toBeLessThanOrEqual(WIDTH);
}

/** The element is wholly on the screen, as it is now (no scrolling the page to find it). */
async function expectOnScreen(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
}

const toggle = () => page.locator('#toggle-sidebar');

async function openSidebar() {
  if ((await toggle().getAttribute('aria-expanded')) !== 'true') await toggle().click();
  await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('true');
}

async function send(text: string) {
  await page.locator('#composer-text').fill(text);
  await page.locator('#composer').getByRole('button').click();
}

describe('the playground at 390 × 844', () => {
  it('fits the screen, keeps the sidebar folded behind a button, and welcomes in the first private chat', async () => {
    await expect.poll(() => page.locator('#messages').innerText()).toContain('Velkommen til Lederrum');
    expect(await page.locator('#messages').innerText()).toContain('Dit svar i en runde ser gruppen – under dit navn.');
    await expectNoSidewaysScroll();
    // Folded: the conversation has the screen, the sidebar's controls are not there to tap.
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    expect(await toggle().getAttribute('aria-label')).toBe('Grupper og personer');
    expect(await page.locator('#as').isVisible()).toBe(false);
    await expectOnScreen(page.locator('#composer').getByRole('button'));

    await toggle().click();
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await page.locator('#as').waitFor({ state: 'visible' });
    await expectOnScreen(page.locator('#add-person'));
    await expectNoSidewaysScroll();
    // Tapping beside it folds it again.
    await page.mouse.click(WIDTH - 10, HEIGHT / 2);
    await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('false');
    await page.locator('#as').waitFor({ state: 'hidden' });
  });

  it('makes a group through a dialog that fits, and leads on to planning the check-in', async () => {
    await send('gruppe opret');
    const form = page.locator('dialog[open] form');
    await form.locator('input[name=name]').fill(GROUP);
    await form.getByLabel('Bo Nielsen').check();
    await expectOnScreen(page.locator('dialog[open]'));
    const create = form.getByRole('button', { name: 'Opret' });
    await expectOnScreen(create);
    await create.click();
    await expect.poll(() => page.locator('#messages').innerText()).toContain('Næste skridt: planlæg');
    await page.getByRole('button', { name: 'Planlæg tjek-ind' }).click();
    const plan = page.locator('dialog[open] form');
    await expect.poll(() => plan.locator('h2').innerText()).toBe('Plan for tjek-ind');
    await expectOnScreen(plan.getByRole('button', { name: 'Vis datoerne' }));
    await expectOnScreen(plan.getByRole('button', { name: 'Annuller' }));
    await plan.getByRole('button', { name: 'Annuller' }).click();
    await expectNoSidewaysScroll();
  });

  it('opens the group from the sidebar, and answers a round in a dialog whose Save is on the screen', async () => {
    await openSidebar();
    await page.locator('#channels button', { hasText: GROUP }).click();
    // Choosing a conversation folds the sidebar away again.
    await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('false');
    await page.locator('#conversation-title', { hasText: GROUP }).waitFor();
    await page.locator('.chip', { hasText: 'tjekind start' }).click();
    const round = page
      .locator('#messages article')
      .filter({ has: page.locator('.m-header', { hasText: 'Siden sidst' }) })
      .last();
    await round.getByRole('button', { name: 'Svar', exact: true }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('textarea[name=answer]').fill(ANSWER);
    await expectOnScreen(dialog);
    const save = dialog.getByRole('button', { name: 'Gem' });
    await expectOnScreen(save);
    await save.click();
    await expect.poll(() => page.locator('dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await round.locator('button.replies').click();
    await expect.poll(() => page.locator('#thread').innerText()).toContain('En travl uge, men jeg fik holdt pauserne.');
    await expectOnScreen(page.locator('#close-thread'));
    await expectNoSidewaysScroll();
    await page.locator('#close-thread').click();
    await expectNoSidewaysScroll();
  });

  it('says in Danish that the connection is lost, and comes back by itself after the server restarts', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    await page.evaluate(() => {
      (window as unknown as { beforeRestart: boolean }).beforeRestart = true;
    });
    await app.close({ graceMs: 500 });
    await expect.poll(() => page.locator('#status').innerText()).toBe('Forbindelsen til Lederrum er væk – prøver igen …');
    expect(await page.locator('#status').isVisible()).toBe(true);
    app = await start();
    expect(new URL(app.url).port).toBe(port);
    // The new server made a new token: the page fetched itself again (the mark set before is gone).
    await expect.poll(() => page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart ?? false), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => page.locator('#status').isVisible()).toBe(false);
    await page.locator('#conversation-title', { hasText: GROUP }).waitFor();
    await send('/lederrum hjælp');
    await expect.poll(() => page.locator('#messages').innerText()).toContain('For gruppens facilitator');
    await expectNoSidewaysScroll();
  }, 60_000);
});
