// Delivery that respects Slack: rate limits and server errors end in every message arriving
// once; a modal submitted twice has one effect; a person outside the group, or a channel the
// bot was removed from, gets a clear answer and loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlackView } from '../support/fake-slack/index.ts';
import { CHANNEL, JONAS, MIA, OUTSIDER, SARA, answerButtonOf, setUpGroup, startRound, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

describe('Slack answering 429 and 5xx', () => {
  it('delivers a round message once after two server errors', async () => {
    world.fake.failNext('chat.postMessage', { status: 503, times: 2 });
    const round = await startRound(world);
    expect(world.channelPosts().filter((m) => m.ts === round.ts || m.text === round.text)).toHaveLength(1);
    expect(world.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 503)).toHaveLength(2);
  });

  it('delivers a burst of rate-limited thread replies, each once, after Retry-After', async () => {
    const round = world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst'))!;
    const button = answerButtonOf(world, round);
    const people = [MIA, JONAS, SARA];
    const forms: FakeSlackView[] = [];
    for (const person of people) {
      await world.press(person, button, { messageTs: round.ts });
      forms.push(await world.nextForm(person));
    }
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1, times: 2 });
    const started = Date.now();
    const acks = await Promise.all(people.map((person, i) => world.submit(person, forms[i]!, { answer: `Svar fra ${person.name}` })));
    for (const ack of acks) expect(ack.status).toBe(200);
    const thread = await world.fake.waitFor(() => {
      const replies = world.fake.thread(CHANNEL, round.ts);
      return replies.length >= 3 ? replies : undefined;
    }, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(world.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429).length).toBeGreaterThanOrEqual(2);
    expect(thread.map((m) => m.text).sort()).toEqual(people.map((p) => `${p.name}: Svar fra ${p.name}`).sort());
  });
});

describe('a modal submitted twice', () => {
  it('saves once and posts one thread reply, not marked as edited', async () => {
    const round = world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst'))!;
    await world.slash(MIA, 'afrunding');
    const takeAway = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?')));
    expect(round.ts).not.toBe(takeAway.ts);
    await world.press(JONAS, answerButtonOf(world, takeAway), { messageTs: takeAway.ts });
    const form = await world.nextForm(JONAS);
    const [first, second] = await Promise.all([
      world.submit(JONAS, form, { answer: 'Holde fri fredag eftermiddag.', share: true }),
      world.submit(JONAS, form, { answer: 'Holde fri fredag eftermiddag.', share: true }),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    await world.fake.waitFor(() => world.fake.thread(CHANNEL, takeAway.ts).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = world.fake.thread(CHANNEL, takeAway.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.updates).toBe(0);
    expect(JSON.stringify(replies[0]!.blocks)).not.toContain('(rettet)');
  });
});

describe('people and places Lederrum cannot serve', () => {
  it('tells a person outside the group, only in their own modal, and posts nothing', async () => {
    const takeAway = world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?'))!;
    const before = world.fake.messages(CHANNEL).length;
    await world.press(OUTSIDER, answerButtonOf(world, takeAway), { messageTs: takeAway.ts });
    const shown = await world.fake.waitFor(() => [...world.fake.views.values()].find((v) => v.userId === OUTSIDER.id && JSON.stringify(v.view.blocks).includes('Du er ikke med i Ledergruppen Nord')));
    expect(shown.view.type).toBe('modal');
    expect(world.fake.messages(CHANNEL)).toHaveLength(before);
  });

  it('tells the facilitator to invite Lederrum back when it was removed, then posts the round once it is back', async () => {
    await world.slash(MIA, 'afslut');
    await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.includes('Tjek-ind #1 er afsluttet')));
    world.fake.removeFromChannel(CHANNEL, world.fake.team().botUserId);

    const { responseUrl } = await world.slash(MIA, 'start');
    const refused = await world.responseTo(responseUrl);
    expect(refused.body.response_type).toBe('ephemeral');
    expect(refused.body.text).toContain('/invite @lederrum');
    expect(world.channelPosts().some((m) => m.text.startsWith('Tjek-ind #2'))).toBe(false);

    world.fake.addChannel({ id: CHANNEL, name: 'ledergruppen', isPrivate: true, members: [MIA.id, JONAS.id, SARA.id, world.fake.team().botUserId] });
    const again = await world.slash(MIA, 'start');
    expect((await world.responseTo(again.responseUrl)).body.text).toContain('Tjek-ind #2 er startet');
    const posted = world.channelPosts().filter((m) => m.text.startsWith('Tjek-ind #2 · Siden sidst'));
    expect(posted).toHaveLength(1);
    expect(await world.app.database.prisma.checkin.count()).toBe(2);
  });
});
