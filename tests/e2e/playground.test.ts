// Steps 1-5 of the foundation issue, in real Chromium against the real app: three members,
// each in their own browser context, create a group and hold two check-ins — once on the
// embedded PGlite database and once on the local PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { inMemory } from '../support/memory-database.ts';

const PRIVATE = 'BO-PRIVATE-TAKEAWAY: sige nej til et møde om ugen';
const SHARED = 'CARL-SHARED-TAKEAWAY: fem minutters luft mellem møderne';
const GROUP = 'Ledergruppen Nord';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
const pages: Record<'anna' | 'bo' | 'carl', Page> = {} as never;

async function actAs(name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await page.locator('#as option', { hasText: name }).waitFor({ state: 'attached' });
  await page.selectOption('#as', { label: name });
  await page.waitForFunction(
    (who) => (document.querySelector('#as') as HTMLSelectElement).selectedOptions[0]?.text === who && localStorage.getItem('lederrum.as') !== null && document.querySelector('#as-ready') === null,
    name,
  );
  // The switcher reloads the workspace for the chosen person; wait until it has.
  await page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Lederrum');
  return page;
}

async function openGroup(page: Page) {
  await page.locator('#channels button', { hasText: GROUP }).click();
  await page.locator('#conversation-title', { hasText: GROUP }).waitFor();
}

/** The latest round message whose header carries this title (not a reply that mentions it). */
const roundMessage = (page: Page, title: string) =>
  page
    .locator('#messages article')
    .filter({ has: page.locator('.m-header', { hasText: title }) })
    .last();

async function answer(page: Page, title: string, text: string, options: { share?: boolean } = {}) {
  await roundMessage(page, title).getByRole('button', { name: 'Svar', exact: true }).click();
  const modal = page.locator('dialog[open] form');
  await modal.locator('textarea[name=answer]').fill(text);
  if (options.share) await modal.locator('input[name=share]').check();
  await modal.getByRole('button', { name: 'Gem' }).click();
  await page
    .locator('dialog[open]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await expect.poll(() => page.locator('dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
}

async function threadText(page: Page, title: string): Promise<string> {
  await roundMessage(page, title).locator('button.replies').click();
  return page.locator('#thread').innerText();
}

describe.each(['pglite', 'postgresql'] as const)('on %s', (database) => {
  let scratch: string | null = null;

  beforeAll(async () => {
    scratch = database === 'postgresql' ? await createScratchDatabase() : null;
    app = await startTestApp({ database: scratch ? { kind: 'postgresql', url: scratch } : inMemory() });
    browser = await launchChromium();
    pages.anna = await actAs('Anna Holm');
    pages.bo = await actAs('Bo Nielsen');
    pages.carl = await actAs('Carl Jensen');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (scratch) await dropScratchDatabase(scratch);
  });

  describe('the playground, steps 1-5 with three members', () => {
    it('1. Anna creates a group with Bo and Carl and becomes its facilitator', async () => {
      const { anna } = pages;
      await anna.locator('#composer-text').fill('gruppe opret');
      await anna.locator('#composer').getByRole('button').click();
      const form = anna.locator('dialog[open] form');
      await form.locator('input[name=name]').fill(GROUP);
      await form.locator('select[name=language]').selectOption('da');
      await form.locator('input[name=time_zone]').fill('Europe/Copenhagen');
      await form.getByLabel('Bo Nielsen').check();
      await form.getByLabel('Carl Jensen').check();
      await form.getByRole('button', { name: 'Opret' }).click();
      await expect.poll(() => anna.locator('#messages').innerText()).toContain('du er facilitator');
      for (const page of Object.values(pages)) {
        await page.reload();
        await openGroup(page);
        await expect.poll(() => page.locator('#messages').innerText()).toContain(`Velkommen til ${GROUP}`);
      }
    });

    it('2. the opening round: answers appear in the thread under each name, passing counts', async () => {
      const { anna, bo, carl } = pages;
      await anna.locator('.chip', { hasText: 'tjekind start' }).click();
      for (const page of [anna, bo, carl]) {
        await expect.poll(() => page.locator('#messages').innerText()).toContain('Tjek-ind #1 · Siden sidst');
      }
      await expect(roundMessage(bo, 'Siden sidst').innerText()).resolves.toContain('hvordan er din balance lige nu?');

      await answer(bo, 'Siden sidst', 'En travl uge med budget, men jeg fik holdt frokostpausen.');
      await roundMessage(carl, 'Siden sidst').getByRole('button', { name: 'Meld pas', exact: true }).click();
      await answer(anna, 'Siden sidst', 'Godt at være her.');

      // Bo edits his answer while the round is open; the same thread reply changes.
      await answer(bo, 'Siden sidst', 'En travl uge med budget – og jeg fik holdt alle frokostpauser.');
      // Anna's page hears of Bo's edit through the event stream, a moment after his save returns.
      await roundMessage(anna, 'Siden sidst').locator('button.replies').click();
      await expect.poll(() => anna.locator('#thread').innerText()).toContain('(rettet)');
      const thread = await anna.locator('#thread').innerText();
      expect(thread).toContain('Bo Nielsen');
      expect(thread).toContain('og jeg fik holdt alle frokostpauser');
      expect(thread).not.toContain('men jeg fik holdt frokostpausen');
      expect(thread).toContain('Carl Jensen melder pas denne gang.');
      expect(thread).toContain('Godt at være her.');
      expect(thread).toContain('(rettet)');
    });

    it('an answer to a round that has closed is refused in the form, with the text kept', async () => {
      const { anna, bo } = pages;
      await roundMessage(bo, 'Siden sidst').getByRole('button', { name: 'Svar', exact: true }).click();
      const form = bo.locator('dialog[open] form');
      await form.locator('textarea[name=answer]').fill('Sent svar');
      // Meanwhile Anna opens the closing round, which closes "Siden sidst".
      await roundMessage(anna, 'Siden sidst').getByRole('button', { name: 'Start afrundingen' }).click();
      await expect.poll(() => anna.locator('#messages').innerText()).toContain('Hvad tager jeg med mig?');
      await form.getByRole('button', { name: 'Gem' }).click();
      await expect.poll(() => form.locator('[data-error-for=answer]').innerText()).toContain('er lukket');
      await expect(form.locator('textarea[name=answer]').inputValue()).resolves.toBe('Sent svar');
      await form.getByRole('button', { name: 'Annuller' }).click();
      // Bo's page hears of the close through the event stream, which may land after his refused save.
      await expect.poll(() => roundMessage(bo, 'Siden sidst').innerText()).toContain('Runden er lukket.');
      await expect(roundMessage(bo, 'Siden sidst').getByRole('button', { name: 'Svar', exact: true }).count()).resolves.toBe(0);
    });

    it('3. the closing round: a takeaway is private by default and may be shared', async () => {
      const { anna, bo, carl } = pages;
      await answer(bo, 'Hvad tager jeg med mig?', PRIVATE);
      await expect.poll(() => bo.locator('#messages').innerText()).toContain('Gemt – kun til dig');
      await answer(carl, 'Hvad tager jeg med mig?', SHARED, { share: true });
      await roundMessage(anna, 'Hvad tager jeg med mig?').getByRole('button', { name: 'Meld pas', exact: true }).click();

      await roundMessage(anna, 'Hvad tager jeg med mig?').locator('button.replies').click();
      // The others' replies reach Anna's page through the event stream, a moment after their saves.
      await expect.poll(() => anna.locator('#thread').innerText()).toContain(SHARED);
      await expect.poll(() => anna.locator('#thread').innerText()).toContain('Bo Nielsen har taget noget med sig (privat).');
      const annaSees = await anna.locator('#thread').innerText();
      expect(annaSees).toContain(SHARED);
      expect(annaSees).not.toContain(PRIVATE);
      // Bo's private confirmation is for Bo alone.
      expect(await anna.locator('#messages').innerText()).not.toContain('Gemt – kun til dig');
    });

    it('4. closing posts a summary: who took part and what was shared, never what was kept', async () => {
      const { anna, bo, carl } = pages;
      await roundMessage(anna, 'Hvad tager jeg med mig?').getByRole('button', { name: 'Afslut tjek-ind' }).click();
      for (const page of [anna, bo, carl]) {
        await expect.poll(() => page.locator('#messages').innerText()).toContain('Tjek-ind #1 er afsluttet');
        const summary = await roundMessage(page, 'Tjek-ind #1 er afsluttet').innerText();
        expect(summary).toContain('Med i dag (3 af 3)');
        expect(summary).toContain(SHARED);
        expect(summary).not.toContain(PRIVATE);
      }
      for (const page of [anna, carl]) {
        expect(await threadText(page, 'Hvad tager jeg med mig?')).not.toContain(PRIVATE);
        expect(await page.content()).not.toContain('BO-PRIVATE-TAKEAWAY');
      }
    });

    it('5. the next "Siden sidst" shows each member, and only them, what they took with them', async () => {
      const { anna, bo, carl } = pages;
      await anna.locator('.chip', { hasText: 'tjekind start' }).click();
      await expect.poll(() => bo.locator('#messages').innerText()).toContain('Tjek-ind #2 · Siden sidst');

      await roundMessage(bo, 'Tjek-ind #2 · Siden sidst').getByRole('button', { name: 'Svar', exact: true }).click();
      const boForm = await bo.locator('dialog[open] form').innerText();
      expect(boForm).toContain('Det tog du med dig sidst (kun du kan se det)');
      expect(boForm).toContain(PRIVATE);

      await roundMessage(carl, 'Tjek-ind #2 · Siden sidst').getByRole('button', { name: 'Svar', exact: true }).click();
      const carlForm = await carl.locator('dialog[open] form').innerText();
      expect(carlForm).toContain(SHARED);
      expect(carlForm).not.toContain('BO-PRIVATE-TAKEAWAY');

      await roundMessage(anna, 'Tjek-ind #2 · Siden sidst').getByRole('button', { name: 'Svar', exact: true }).click();
      expect(await anna.locator('dialog[open] form').innerText()).not.toContain('Det tog du med dig sidst');
      for (const page of [anna, carl]) expect(await page.content()).not.toContain('BO-PRIVATE-TAKEAWAY');
    });
  });
});
