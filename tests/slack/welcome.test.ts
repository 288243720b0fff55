// The first contact in Slack (issue 20, point 1), through the real Bolt stack over HTTP against
// the fake Slack Web API, with app_home_opened as Slack documents it (event_ts, channel = the
// person's IM with the app, tab "messages" or "home"): the Messages tab's first opening welcomes
// the person in that chat, once, however often and on however many event deliveries it comes;
// App Home shows the welcome above the overview to someone in no group yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JONAS, MIA, SARA, startSlackWorld, type SlackPerson, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
}, 60_000);
afterAll(async () => world?.close());

const EMMA: SlackPerson = { id: 'UEMMA', name: 'Emma Stone' };
let serial = 0;

/** Slack's documented app_home_opened event for one tab of the person's App Home. */
function opened(person: SlackPerson, tab: 'messages' | 'home') {
  return { type: 'app_home_opened', user: person.id, channel: imOf(person), event_ts: `${1_700_000_000 + ++serial}.000100`, tab };
}

/** The person's IM channel with Lederrum, as the fake Slack names it ("D" and the user id without its "U"). */
const imOf = (person: SlackPerson) => `D${person.id.slice(1)}`;
/** Everything Lederrum posted in the person's private chat. */
const chat = (person: SlackPerson) => world.fake.messages(imOf(person));
const textOf = (message: { text: string; blocks?: unknown[] }) => `${message.text} ${JSON.stringify(message.blocks ?? [])}`;

describe('the first opening of the Messages tab', () => {
  it('welcomes the person in their chat once: what Lederrum is for, who sees what, and where to make a group', async () => {
    expect(chat(MIA)).toEqual([]);
    const event = opened(MIA, 'messages');
    expect((await world.event(event, { eventId: 'Ev-welcome-1' })).status).toBe(200);
    const [welcome] = await world.fake.waitFor(() => (chat(MIA).length > 0 ? chat(MIA) : undefined));
    const text = textOf(welcome!);
    expect(text).toContain('Velkommen til Lederrum');
    expect(text).toContain('Dit svar i en runde ser gruppen – under dit navn.');
    expect(text).toContain('dine private aftaler ser kun du');
    expect(text).toContain('Pulsmålinger er anonyme');
    expect(text).toContain('`/lederrum gruppe opret` i den kanal');
    // Slack's retry of the same delivery, and two later openings of the tab: nothing more is said.
    await world.event(event, { eventId: 'Ev-welcome-1', retryNum: 1 });
    await world.event(opened(MIA, 'messages'), { eventId: 'Ev-welcome-2' });
    await world.event(opened(MIA, 'messages'), { eventId: 'Ev-welcome-3' });
    await world.app.settled();
    expect(chat(MIA)).toHaveLength(1);
  });

  it('greets once even when two openings arrive at the same moment', async () => {
    await Promise.all([world.event(opened(JONAS, 'messages'), { eventId: 'Ev-jonas-1' }), world.event(opened(JONAS, 'messages'), { eventId: 'Ev-jonas-2' })]);
    await world.fake.waitFor(() => chat(JONAS).length > 0 || undefined);
    await world.app.settled();
    expect(chat(JONAS)).toHaveLength(1);
  });

  it('speaks the language of the person’s Slack profile', async () => {
    world.fake.addUser({ id: EMMA.id, teamId: 'T0001', name: 'emma', realName: EMMA.name, tz: 'America/New_York', locale: 'en-US' });
    await world.event(opened(EMMA, 'messages'));
    const [welcome] = await world.fake.waitFor(() => (chat(EMMA).length > 0 ? chat(EMMA) : undefined));
    expect(textOf(welcome!)).toContain('Welcome to Lederrum');
    expect(textOf(welcome!)).toContain('`/lederrum group create` in the channel');
  });
});

describe('App Home', () => {
  it('publishes a home view with the welcome above the overview for someone in no group yet, and says nothing in the chat', async () => {
    await world.event(opened(SARA, 'home'));
    const home = await world.fake.waitFor(() => world.fake.homes.get(SARA.id));
    expect(home.type).toBe('home');
    const text = world.textOf(home.blocks);
    expect(text).toContain('Velkommen til Lederrum');
    expect(text).toContain('Hvem ser hvad');
    expect(text.indexOf('Velkommen til Lederrum')).toBeLessThan(text.indexOf('Dit overblik'));
    expect(world.fake.calls.some((c) => c.method === 'views.publish' && c.status === 200)).toBe(true);
    await world.app.settled();
    // The home tab is not the chat: Sara's welcome there waits for her first opening of it.
    expect(chat(SARA)).toEqual([]);
    await world.event(opened(SARA, 'messages'));
    await world.fake.waitFor(() => chat(SARA).length > 0 || undefined);
  });
});
