// The playground page in real Chromium shows the newest state even when its reads come back out
// of order: changes arrive in bursts, so a page often has two reads on their way at once. Here the
// network holds one answer back until a newer read has been shown, then hands it over; the page
// must keep the newer one (a facilitator's "closing round" once left a member's page showing the
// round still open). A step sent from a form is sent once, however often its button is pressed
// while the reply is on its way.
import { describe, expect, it } from 'vitest';
import type { Request, Route } from 'playwright-core';
import { playgroundSessionAs } from '../support/playground-session.ts';

const session = playgroundSessionAs('Anna Holm');

async function say(text: string) {
  const { page } = session;
  await page.locator('#composer-text').fill(text);
  await page.locator('#composer').getByRole('button').click();
}

const messages = () => session.page.locator('#messages').innerText();

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
  await session.page.route(pattern, async (route: Route) => {
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
const settle = () => session.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe('the playground page with requests that overlap', () => {
  it('keeps the newest messages when an older read answers last', async () => {
    const { held, release } = await holdNextMessagesAnswer();
    await say('hjælp');
    const stale = await held;
    // Newer reads go through while the first is held: the page shows the reply.
    await expect.poll(messages).toContain('aftale');
    await say('aftaler');
    await expect.poll(messages).toContain('Ingen aktive aftaler');

    const finished = session.page.waitForEvent('requestfinished', { predicate: (request) => request === stale });
    release();
    await finished;
    await settle();
    expect(await messages()).toContain('Ingen aktive aftaler');
  });

  it('sends a form step once when its button is pressed twice, and shows the form busy meanwhile', async () => {
    const { page } = session;
    const sent: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/form', async (route: Route) => {
      sent.push(route.request().postData() ?? '');
      await released;
      await route.continue();
    });
    await say('værktøj 1');
    const form = page.locator('dialog[open] form');
    await expect.poll(() => form.innerText()).toContain('Trin 1 af');
    await form.locator('select[name=answer]').selectOption({ index: 1 });
    const submit = form.locator('button[type=submit]');
    await submit.click();
    await expect.poll(() => form.getAttribute('aria-busy')).toBe('true');
    expect(await submit.isDisabled()).toBe(true);
    // A second press, forced past the disabled button the way a fast double click lands.
    await form.evaluate((element: HTMLFormElement) => element.requestSubmit());
    await settle();
    expect(sent).toHaveLength(1);

    release();
    await expect.poll(() => form.innerText()).toContain('Trin 2 af');
    expect(await form.getAttribute('aria-busy')).toBeNull();
    expect(sent).toHaveLength(1);
    await page.unroute('**/api/form');
  });
});
