// A playground where people take their own WHO-5 over the playground's API, the way the page does,
// and ask `min trivsel` for the link to their chart: the world the chart page's HTTP and Chromium
// tests share. Every entry is known here, so a test can check each figure the page shows.
import type { DatabaseTarget } from '../../src/store/index.ts';
import { WELLBEING_FORM } from '../../src/core/wellbeing/messages.ts';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { decode, Playground, type Person } from '../playground/client.ts';

export type WellbeingWorld = Awaited<ReturnType<typeof wellbeingWorld>>;
export const DAY = 24 * 3600_000;
/** The chart link in a reply's words. */
const LINK = /https?:\/\/[^\s"<]+\/me\/wellbeing\/[^\s"<]+/;
/** The app's link secret, known here so a test can sign a grant for another purpose as the app would. */
export const LINK_SECRET = 'a-test-secret-for-signed-links';

export async function wellbeingWorld(options: { database?: DatabaseTarget } = {}) {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const app = await startTestApp({ clock, env: { LINK_SECRET }, ...(options.database ? { database: options.database } : {}) });
  const pg = await Playground.connect(app.url);
  const person = (name: string) => pg.person(name);
  const dm = (p: Person) => `D-${p.externalId}`;
  /** The person's latest message from Lederrum in their private chat, as words. */
  const lastReply = async (p: Person) =>
    decode(
      (await pg.messages(dm(p), p.externalId))
        .filter((m) => m.bot)
        .at(-1)!
        .html.replace(/<[^>]+>/g, ' '),
    ).replace(/\s+/g, ' ');
  const linkIn = (text: string) => LINK.exec(text)?.[0] ?? '';

  /** WHO-5 taken in the form, each item 0-5; the result's words and the chart link in them. */
  async function take(p: Person, items: number[]): Promise<{ text: string; url: string }> {
    const reply = await pg.form(p.externalId, dm(p), WELLBEING_FORM, '', Object.fromEntries(items.map((v, i) => [`q${i}`, String(v)])));
    if (reply.kind !== 'message') throw new Error(`WHO-5 not saved: ${JSON.stringify(reply)}`);
    const text = await lastReply(p);
    return { text, url: linkIn(text) };
  }
  /** `min trivsel` (or its English) in the private chat: the view's words and the chart link in them. */
  async function view(p: Person, command = 'min trivsel'): Promise<{ text: string; url: string }> {
    await pg.command(p.externalId, dm(p), command);
    const text = await lastReply(p);
    return { text, url: linkIn(text) };
  }
  return { app, clock, pg, person, dm, take, view, lastReply };
}
