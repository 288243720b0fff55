// Nothing is too big to send, in Slack, through the real Bolt stack against the fake Web API
// (which refuses what Slack refuses): ten members each share a 3,000-character takeaway, the
// summary arrives as several messages in order holding all ten, one member deletes their data and
// every part is edited; and the deliverer edits a split post into a shorter and a longer message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage, type Block } from '../../src/core/index.ts';
import { startSlackWorld, MIA, JONAS, SARA, type SlackPerson, type SlackWorld } from './harness.ts';
import { blockProblems, mrkdwnTexts, unescapeMrkdwn } from './block-kit-limits.ts';

const ROOM = 'C0BIG';
const OTHERS: SlackPerson[] = ['Anna', 'Bo', 'Carl', 'Dea', 'Emil', 'Frida', 'Gorm'].map((name) => ({ id: `U${name.toUpperCase()}`, name: `${name} Hansen` }));
const TEN = [MIA, JONAS, SARA, ...OTHERS];

/** A takeaway of exactly 3,000 characters that names its author's marker throughout. */
const takeawayOf = (i: number) => {
  let text = `MARK${i}START `;
  for (let n = 0; text.length < 3000; n++) text += `læring${i}x${n} `;
  return text.slice(0, 3000);
};

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
  for (const p of OTHERS) world.fake.addUser({ id: p.id, teamId: 'T0001', name: p.name.toLowerCase(), realName: p.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
  world.fake.addChannel({ id: ROOM, name: 'store-gruppe', isPrivate: true, members: [...TEN.map((p) => p.id), world.fake.team().botUserId] });
}, 60_000);
afterAll(async () => world?.close());

const posts = () => world.channelPosts(ROOM);
/** The mrkdwn a message shows, unescaped, without whitespace (sections may split at spaces). */
const shown = (m: { blocks?: unknown[] }) =>
  mrkdwnTexts(m.blocks ?? [])
    .map(unescapeMrkdwn)
    .join('')
    .replace(/\s/g, '');

async function answerTakeaway(person: SlackPerson, post: { ts: string; blocks?: unknown[] }, text: string) {
  const button = world.buttonsOf(post).find((b) => b.action_id.startsWith('round.answer'))!;
  await world.press(person, button, { channel: ROOM, messageTs: post.ts });
  const form = await world.nextForm(person);
  const ack = await world.submit(person, form, { answer: text, share: true });
  expect(ack.status).toBe(200);
}

describe('a summary too big for one Slack message', () => {
  it('arrives as several messages in order, all ten takeaways present, none refused', async () => {
    await world.slash(MIA, '', ROOM);
    await world.submit(MIA, await world.nextForm(MIA), { name: 'Store Gruppe' });
    await world.slash(MIA, 'start', ROOM);
    await world.fake.waitFor(() => posts().find((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst')));
    await world.slash(MIA, 'afrunding', ROOM);
    const takeAway = await world.fake.waitFor(() => posts().find((m) => m.text.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?')));
    for (const [i, person] of TEN.entries()) await answerTakeaway(person, takeAway, takeawayOf(i));
    await world.slash(MIA, 'afslut', ROOM);

    const parts = await world.fake.waitFor(() => {
      const found = posts().filter((m) => m.text.includes('er afsluttet'));
      return found.length > 1 && shown(found.at(-1)!).includes('Tak') ? found : undefined;
    }, 20_000);
    expect(world.fake.calls.filter((c) => c.method.startsWith('chat.') && c.error)).toEqual([]);
    for (const part of parts) expect(blockProblems(part.blocks ?? [], 50)).toEqual([]);
    expect(parts.map((p) => p.text.split('\n')[0])).toEqual(parts.map((_, i) => (i === 0 ? 'Tjek-ind #1 er afsluttet' : `Tjek-ind #1 er afsluttet (${i + 1}/${parts.length})`)));
    const all = parts.map(shown).join('');
    let at = -1;
    for (const [i, person] of TEN.entries()) {
      const where = all.indexOf(takeawayOf(i).replace(/\s/g, ''));
      expect(where, `${person.name}'s takeaway`).toBeGreaterThan(at);
      expect(all.indexOf(`MARK${i}START`, where + 1)).toBe(-1);
      at = where;
    }
  }, 60_000);

  it('edits every part when a member deletes their data, so their words are gone from all of them', async () => {
    const parts = posts().filter((m) => m.text.includes('er afsluttet'));
    const { responseUrl } = await world.slash(JONAS, 'slet mine data', ROOM);
    const ask = (await world.responseTo(responseUrl)).body as { blocks: unknown[] };
    const confirm = world.buttonsOf(ask).find((b) => b.action_id.startsWith('forget.confirm'))!;
    await world.press(JONAS, confirm, { channel: ROOM });
    const updated = (ts: string) => world.fake.calls.some((c) => c.method === 'chat.update' && c.args['ts'] === ts && c.status === 200);
    await world.fake.waitFor(() => (parts.every((p) => updated(p.ts)) ? true : undefined), 20_000);
    const now = world.fake.messages(ROOM).filter((m) => parts.some((p) => p.ts === m.ts));
    expect(now).toHaveLength(parts.length);
    for (const part of now) {
      expect(JSON.stringify(part)).not.toContain('MARK1START');
      expect(JSON.stringify(part)).not.toContain('Jonas');
    }
    const all = now.map(shown).join('');
    for (const i of [0, 2, 3, 9]) expect(all).toContain(takeawayOf(i).replace(/\s/g, ''));
  }, 60_000);
});

describe('updating a split post', () => {
  const to = { platform: 'slack' as const, conversationId: `T0001:${ROOM}` };
  const many = (n: number, word: string): Block[] => Array.from({ length: n }, (_, i) => ({ type: 'text', text: `${word} ${i}` }));

  it('posts each part, threads a reply on the first, and edits a shorter message into the first part, dashing the rest', async () => {
    const ref = await world.app.deliverer.post(to, { text: 'Lang', blocks: many(120, 'gammel') });
    const refs = ref.split(' ');
    expect(refs).toHaveLength(3);
    expect(refs.map((ts) => world.fake.messages(ROOM).find((m) => m.ts === ts)!.blocks!.length)).toEqual([50, 50, 20]);

    await world.app.deliverer.post(to, textMessage('svar i tråden'), { threadOf: ref });
    expect(world.fake.thread(ROOM, refs[0]!).map((m) => m.text)).toEqual(['svar i tråden']);

    await world.app.deliverer.update(to, ref, { text: 'Kort', blocks: many(3, 'ny') });
    const after = refs.map((ts) => world.fake.messages(ROOM).find((m) => m.ts === ts)!);
    expect(shown(after[0]!)).toBe('ny0ny1ny2');
    expect(after.slice(1).map((m) => [m.text, shown(m)])).toEqual([
      ['—', '—'],
      ['—', '—'],
    ]);
    expect(JSON.stringify(world.fake.messages(ROOM))).not.toContain('gammel');
  });

  it('edits a longer message into every part and posts the parts it needs more, in order', async () => {
    const ref = await world.app.deliverer.post(to, { text: 'Mellem', blocks: many(60, 'før') });
    const refs = ref.split(' ');
    expect(refs).toHaveLength(2);
    const before = world.fake.messages(ROOM).length;
    await world.app.deliverer.update(to, ref, { text: 'Længere', blocks: many(130, 'efter') });
    const edited = refs.map((ts) => world.fake.messages(ROOM).find((m) => m.ts === ts)!);
    const added = world.fake.messages(ROOM).slice(before);
    expect(added).toHaveLength(1);
    expect([...edited, ...added].map((m) => m.blocks!.length)).toEqual([50, 50, 30]);
    const texts = [...edited, ...added].flatMap((m) => mrkdwnTexts(m.blocks!));
    expect(texts).toEqual(Array.from({ length: 130 }, (_, i) => `efter ${i}`));
    expect(added[0]!.text).toBe('Længere (3/3)');
  });
});
