// A full check-in in Slack, from `/lederrum` in a private channel to the summary, for three
// members, through the real Bolt stack over HTTP against the fake Slack Web API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
}, 60_000);
afterAll(async () => world?.close());

async function answer(person: typeof MIA, roundPost: { ts: string; blocks?: unknown[] }, answers: Record<string, string | boolean | string[]>) {
  const answerButton = world.buttonsOf(roundPost).find((b) => b.action_id.startsWith('round.answer'))!;
  const { response } = await world.press(person, answerButton, { messageTs: roundPost.ts });
  expect(response.status).toBe(200);
  const form = await world.nextForm(person);
  const ack = await world.submit(person, form, answers);
  expect(ack.status).toBe(200);
  return { form, ack: ack.json };
}

describe('a check-in in a Slack channel', () => {
  it('sets the channel up as a group on a bare /lederrum, with the channel members as its members', async () => {
    const { response } = await world.slash(MIA, '');
    expect(response.status).toBe(200);
    const form = await world.nextForm(MIA);
    expect(form.view.title.text).toBe('Opret ledergruppe');
    expect(world.textOf(form.view.blocks)).toContain('Jonas Berg');
    expect(world.textOf(form.view.blocks)).not.toContain('Other Bot');
    // The modal opened at once with the trigger: a placeholder first, then the form in the same view.
    const opens = world.fake.calls.filter((c) => c.method === 'views.open');
    expect(opens.at(-1)!.status).toBe(200);
    expect(form.opens).toBe('open');

    const ack = await world.submit(MIA, form, { name: 'Ledergruppen Nord' });
    expect(ack.json.response_action).toBe('update');
    expect(world.textOf(ack.json.view.blocks)).toContain('Gruppen Ledergruppen Nord er oprettet');
    const welcome = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.includes('Velkommen til Ledergruppen Nord')));
    expect(welcome.text).toContain('Facilitator: Mia Holm');
    expect(welcome.text).toMatch(/Jonas Berg/);
    expect(welcome.text).toMatch(/Sara Lund/);
  });

  it('runs both rounds: answers in the thread, private takeaways kept private, summary at the close', async () => {
    const { responseUrl } = await world.slash(MIA, 'start');
    expect((await world.responseTo(responseUrl)).body.response_type).toBe('ephemeral');
    const since = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst')));

    await answer(MIA, since, { answer: 'En travl uge med budgetter.' });
    await answer(JONAS, since, { answer: 'God balance, lidt for mange møder.' });
    await answer(SARA, since, { pass: true });
    const thread = await world.fake.waitFor(() => {
      const replies = world.fake.thread(CHANNEL, since.ts);
      return replies.length === 3 ? replies : undefined;
    });
    expect(thread.map((m) => m.text)).toEqual(['Mia Holm: En travl uge med budgetter.', 'Jonas Berg: God balance, lidt for mange møder.', 'Sara Lund melder pas denne gang.']);

    await world.slash(MIA, 'afrunding');
    const takeAway = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?')));
    const { ack } = await answer(JONAS, takeAway, { answer: 'Sige nej til ét møde om ugen.' });
    expect(world.textOf(ack.view.blocks)).toContain('kun til dig');
    await answer(MIA, takeAway, { answer: 'Planlægge pauser.', share: true });
    await answer(SARA, takeAway, { answer: 'Gå en tur ved frokost.' });

    await world.slash(MIA, 'afslut');
    const summary = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.includes('er afsluttet')));
    const shown = world.textOf(summary.blocks);
    expect(shown).toContain('Med i dag (3 af 3)');
    expect(shown).toContain('Planlægge pauser.');
    expect(shown).not.toContain('Sige nej til ét møde om ugen.');
    expect(shown).not.toContain('Gå en tur ved frokost.');
    // Nothing Jonas kept private was posted anywhere in the channel.
    expect(world.fake.messages(CHANNEL).some((m) => JSON.stringify(m).includes('Sige nej'))).toBe(false);
    // The round messages lost their buttons when the check-in closed.
    expect(world.buttonsOf(world.fake.messages(CHANNEL).find((m) => m.ts === since.ts)!)).toEqual([]);
  });

  it('shows a member their own last takeaway in the next "Siden sidst" modal, and no one else\'s', async () => {
    await world.slash(MIA, 'start');
    const since = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #2 · Siden sidst')));
    const answerButton = world.buttonsOf(since).find((b) => b.action_id.startsWith('round.answer'))!;
    await world.press(JONAS, answerButton, { messageTs: since.ts });
    const form = await world.nextForm(JONAS);
    const seen = world.textOf(form.view.blocks);
    expect(seen).toContain('Sige nej til ét møde om ugen.');
    expect(seen).not.toContain('Planlægge pauser.');
  });

  it("shows App Home: the open check-in, the member's own takeaways, and participation for the facilitator", async () => {
    await world.event({ type: 'app_home_opened', user: JONAS.id, channel: 'DJONAS', tab: 'home' });
    const jonasHome = await world.fake.waitFor(() => world.fake.homes.get(JONAS.id));
    const jonasText = world.textOf(jonasHome.blocks);
    expect(jonasText).toContain('Tjek-ind #2 er åben');
    expect(jonasText).toContain('Sige nej til ét møde om ugen.');
    expect(jonasText).not.toContain('Planlægge pauser.');
    expect(jonasText).not.toContain('Deltagelse');

    await world.event({ type: 'app_home_opened', user: MIA.id, channel: 'DMIA', tab: 'home' });
    const miaHome = await world.fake.waitFor(() => world.fake.homes.get(MIA.id));
    const miaText = world.textOf(miaHome.blocks);
    expect(miaText).toContain('Deltagelse i Ledergruppen Nord');
    expect(miaText).toContain('med 1 af 1');
    expect(miaText).not.toContain('Sige nej');
  });
});
