// Guided tool 1 in real Chromium against the real app: a member starts it in their chat with
// Lederrum, answers step by step, pauses, reloads the page (a new session of the browser), resumes
// where they left off with their words kept, and finishes with an agreement that only they see.
import { describe, expect, it } from 'vitest';
import { openPlaygroundAs } from '../support/browser.ts';
import { playgroundSessionAs } from '../support/playground-session.ts';

const AGREEMENT = 'Jeg går en tur hver dag kl. 12.';
const session = playgroundSessionAs('Anna Holm');

async function say(text: string) {
  await session.page.locator('#composer-text').fill(text);
  await session.page.locator('#composer').getByRole('button').click();
}

const dialog = () => session.page.locator('dialog[open] form');

async function next(values: { choice?: boolean; text?: string; pause?: boolean }) {
  const form = dialog();
  await form.waitFor();
  // Index 0 is the empty "nothing chosen" option: the first real answer is index 1.
  if (values.choice) await form.locator('select[name=answer]').selectOption({ index: 1 });
  if (values.text !== undefined) await form.locator('textarea[name=answer]').fill(values.text);
  if (values.pause) await form.locator('input[name=pause]').check();
  // The step has been answered once the server's reply is in and the form no longer says it is
  // busy: the dialog then shows the next step, names what to fix, or is gone.
  const answered = session.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/form'));
  await form.locator('button[type=submit]').click();
  await answered;
  await expect.poll(() => session.page.locator('dialog[open] form[aria-busy=true]').count()).toBe(0);
}

describe('guided tool 1 in the playground', () => {
  it('starts, pauses after two answers and keeps them', async () => {
    await say('værktøj 1');
    await expect.poll(() => dialog().innerText()).toContain('Trin 1 af');
    await next({ choice: true });
    await expect.poll(() => dialog().innerText()).toContain('Trin 2 af');
    await next({ text: 'Jeg springer frokosten over.' });
    await expect.poll(() => dialog().innerText()).toContain('Trin 3 af');
    await next({ text: 'Da jeg gik en tur hver dag.', pause: true });
    await expect.poll(() => session.page.locator('#messages').innerText()).toContain('når du vil fortsætte');
  });

  it('resumes after a reload at the step where it paused, with the words written there', async () => {
    await session.page.reload();
    await session.page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Lederrum');
    await say('værktøj 1');
    await expect.poll(() => dialog().innerText()).toContain('Velkommen tilbage');
    await expect(dialog().locator('textarea[name=answer]').inputValue()).resolves.toBe('Da jeg gik en tur hver dag.');
  });

  it('finishes with an agreement shown only to the member, with a button to share it', async () => {
    for (let step = 0; step < 10 && (await dialog().count()) > 0; step++) {
      const text = await dialog().innerText();
      const isAgreement = text.includes('Din aftale');
      // The last step asks for a day: words for one, not just any text.
      const isDate = text.includes('Hvornår tager du samtalen');
      const hasSelect = (await dialog().locator('select[name=answer]').count()) > 0;
      await next(hasSelect ? { choice: true } : { text: isAgreement ? AGREEMENT : isDate ? 'om 2 uger' : 'Et svar.' });
    }
    await expect.poll(() => session.page.locator('#messages').innerText()).toContain('færdig');
    const messages = await session.page.locator('#messages').innerText();
    expect(messages).toContain(AGREEMENT);
    await expect(session.page.getByRole('button', { name: 'Del aftalen med gruppen' }).count()).resolves.toBe(1);
    // Bo, in his own browser context, sees nothing of it in his chat with Lederrum.
    const bo = await openPlaygroundAs(session.browser, session.app.url, 'Bo Nielsen');
    // A new page opens as the first person (Anna), whose chat is titled "Lederrum" too: wait until
    // Bo's own chat has replaced hers before looking.
    await expect.poll(() => bo.locator('#messages').innerText()).not.toContain('Anna Holm');
    expect(await bo.locator('#messages').innerText()).not.toContain(AGREEMENT);
  }, 60_000);
});
