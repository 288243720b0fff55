// The playground page in real Chromium shows the newest state even when its reads come back out
// of order: changes arrive in bursts, so a page often has two reads on their way at once. Here the
// network holds one answer back until a newer read has been shown, then hands it over; the page
// must keep the newer one (a facilitator's "closing round" once left a member's page showing the
// round still open).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { launchChromium, openPlaygroundAs } from '../support/browser.ts';
import { startTestApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
  page = await openPlaygroundAs(browser, app.url, 'Anna Holm');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function say(text: string) {
  await page.locator('#composer-text').fill(text);
  await page.locator('#composer').getByRole('button').click();
}

const messages = () => page.locator('#messages').innerText();

/** Holds back the answer to the next read of messages, as the server gave it then, until released. */
async function holdNextMessagesAnswer() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let heldRequest!: (request: Request) => void;
  const held = new Promise<Request>((resolve) => {
    heldRequest = resolve;
  });
  let holding = true;
  const pattern = '**/api/conversations/*/messages?**';
  await page.route(pattern, async (route: Route) => {
    if (!holding) return route.continue();
    holding = false;
    const answer = await route.fetch();
    heldRequest(route.request());
    await released;
    await route.fulfill({ response: answer });
  });
  return { held, release };
}

/** A moment for the page's own continuation of a finished read (reading its JSON, drawing) to run. */
const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe('the playground page with reads that overlap', () => {
  it('keeps the newest messages when an older read answers last', async () => {
    const { held, release } = await holdNextMessagesAnswer();
    await say('hjælp');
    const stale = await held;
    // Newer reads go through while the first is held: the page shows the reply.
    await expect.poll(messages).toContain('aftale');
    await say('aftaler');
    await expect.poll(messages).toContain('Ingen aktive aftaler');

    const finished = page.waitForEvent('requestfinished', { predicate: (request) => request === stale });
    release();
    await finished;
    await settle();
    expect(await messages()).toContain('Ingen aktive aftaler');
  });
});
