// The facilitator's round view in Slack (issue 20, point 2), through the real Bolt stack against
// the fake Web API: the round message's facilitator buttons are labelled (a channel message is
// the same for everyone), a member who presses one hears kindly that it is not theirs, the
// facilitator gets the view as an ephemeral message with names and no words, and two presses
// of the nudge send the one member missing one DM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerButtonOf, JONAS, MIA, SARA, setUpGroup, startRound, startSlackWorld, type SlackWorld } from './harness.ts';

const JONAS_WORDS = 'JONAS-ORD: budgettet fylder alt';

let world: SlackWorld;
let round: Awaited<ReturnType<typeof startRound>>;
beforeAll(async () => {
  world = await startSlackWorld();
  await setUpGroup(world);
  round = await startRound(world);
  await world.press(JONAS, answerButtonOf(world, round), { messageTs: round.ts });
  await world.submit(JONAS, await world.nextForm(JONAS), { answer: JONAS_WORDS });
  await world.fake.waitFor(() => world.fake.thread('C0GROUP', round.ts).find((m) => m.text.includes(JONAS_WORDS)));
}, 60_000);
afterAll(async () => world?.close());

const statusButton = () => world.buttonsOf(round).find((b) => b.action_id.startsWith('round.status'))!;

describe("the facilitator's round view in Slack", () => {
  it('labels the facilitator’s buttons on the round message, which every member sees', () => {
    expect(world.buttonsOf(round).map((b) => b.text.text)).toEqual(['Svar', 'Meld pas', 'Start afrundingen (facilitator)', 'Hvem mangler? (facilitator)']);
  });

  it('answers a member who presses one kindly, to them alone', async () => {
    const { responseUrl } = await world.press(SARA, statusButton(), { messageTs: round.ts });
    const reply = await world.responseTo(responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(world.textOf(reply.body.blocks)).toContain('Den knap er til gruppens facilitator (Mia Holm) – du behøver ikke gøre noget.');
  });

  it('shows the facilitator, ephemerally, who answered and who is missing, never what they wrote', async () => {
    const { responseUrl } = await world.press(MIA, statusButton(), { messageTs: round.ts });
    const reply = await world.responseTo(responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    const seen = world.textOf(reply.body.blocks);
    expect(seen).toContain('Har svaret (1)');
    expect(seen).toContain('Jonas Berg');
    expect(seen).toContain('Mia Holm og Sara Lund');
    expect(seen).not.toContain('JONAS-ORD');
    expect(world.buttonsOf(reply.body).map((b) => b.text.text)).toEqual(['Send en venlig påmindelse']);
    // Nothing about it reached the channel.
    expect(world.fake.messages('C0GROUP').some((m) => m.text.includes('hvem er med'))).toBe(false);
  });

  it('sends Sara, the one missing, one gentle DM for two presses', async () => {
    const view = await world.responseTo((await world.press(MIA, statusButton(), { messageTs: round.ts })).responseUrl);
    const nudge = world.buttonsOf(view.body)[0]!;
    const first = await world.responseTo((await world.press(MIA, nudge)).responseUrl);
    expect(world.textOf(first.body.blocks)).toContain('En venlig påmindelse er på vej til Sara Lund.');
    const second = await world.responseTo((await world.press(MIA, nudge)).responseUrl);
    expect(world.textOf(second.body.blocks)).toContain('Rundens påmindelse er allerede sendt.');

    const reminder = await world.fake.waitFor(() => world.fake.directMessages(SARA.id).find((m) => m.text.includes('Mia Holm sender en venlig påmindelse')));
    expect(reminder.text).toContain('runden Siden sidst i Ledergruppen Nord er stadig åben');
    expect(world.buttonsOf(reminder).map((b) => b.text.text)).toEqual(['Svar', 'Meld pas']);
    // Whatever else the workers had to send is out by now; still one reminder, and none to the others.
    await world.app.settled();
    await world.app.outbox.drain();
    expect(world.fake.directMessages(SARA.id).filter((m) => m.text.includes('venlig påmindelse'))).toHaveLength(1);
    for (const other of [MIA, JONAS]) expect(world.fake.directMessages(other.id).filter((m) => m.text.includes('venlig påmindelse'))).toEqual([]);
  });
});
