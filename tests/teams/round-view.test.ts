// The facilitator's round view in Teams (issue 20, point 2), through botbuilder + teams-ai against
// the fake Bot Connector. Teams has no ephemeral messages: the view goes to the facilitator's
// personal chat, never the channel; a member who presses a facilitator's button hears kindly, in
// their own chat, that it is not theirs; two presses of the nudge reach the one missing once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, personalChatId, roundPostIn, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import type { FakeTeamsMember, RecordedActivity } from '../support/fake-teams/index.ts';

const JONAS_WORDS = 'JONAS-ORD: budgettet fylder alt';

let world: TeamsWorld;
let round: RecordedActivity;

/** The newest message (not an update) in a conversation that says `contains`, sent at or after `after`. */
const newest = (conversationId: string, contains: string, after: number) =>
  world.fake.waitFor(() =>
    world.fake
      .sent(conversationId)
      .filter((r) => r.op !== 'update' && r.at >= after && textOf(r.activity).includes(contains))
      .at(-1),
  );

async function press(member: FakeTeamsMember, where: { conversationId: string; replyToId: string }, data: unknown): Promise<number> {
  const started = Date.now();
  expect((await world.submit(member, where, data)).status).toBe(200);
  return started;
}

beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world);
  await world.say(MIA, 'tjekind start', 'channel');
  round = await world.fake.waitFor(() => roundPostIn(world, 1, 'Siden sidst'));
  const answer = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
  const started = await press(JONAS, { conversationId: CHANNEL, replyToId: round.activityId }, answer.data);
  const form = await newest(personalChatId(JONAS), 'Dit svar', started);
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  await world.submit(JONAS, { conversationId: personalChatId(JONAS), replyToId: form.activityId }, submit.data, { answer: JONAS_WORDS });
  await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes(JONAS_WORDS)));
}, 60_000);
afterAll(async () => world?.close());

describe("the facilitator's round view in Teams", () => {
  it("labels the facilitator's buttons on the round card, which every member sees", () => {
    expect(actionsOf(round.activity).map((a) => a.title)).toEqual(['Svar', 'Meld pas', 'Start afrundingen (facilitator)', 'Hvem mangler? (facilitator)']);
  });

  it('answers a member who presses one kindly, in their personal chat', async () => {
    const status = actionsOf(round.activity).find((a) => a.data.action === 'round.status')!;
    const started = await press(SARA, { conversationId: CHANNEL, replyToId: round.activityId }, status.data);
    await newest(personalChatId(SARA), 'Den knap er til gruppens facilitator (Mia Holm) – du behøver ikke gøre noget.', started);
  });

  it('shows the facilitator, in their personal chat, who is missing without anyone’s words, and nudges once for two presses', async () => {
    const started = Date.now();
    await world.say(MIA, 'tjekind status', 'channel');
    const view = await newest(personalChatId(MIA), 'hvem er med?', started);
    const seen = textOf(view.activity);
    expect(seen).toContain('Har svaret (1)');
    expect(seen).toContain('Jonas Berg');
    expect(seen).toContain('Mia Holm og Sara Lund');
    expect(seen).not.toContain('JONAS-ORD');
    expect(world.fake.sent(CHANNEL).some((r) => textOf(r.activity).includes('hvem er med?'))).toBe(false);

    const nudge = actionsOf(view.activity).find((a) => a.data.action === 'round.nudge')!;
    const where = { conversationId: personalChatId(MIA), replyToId: view.activityId };
    await newest(personalChatId(MIA), 'En venlig påmindelse er på vej til Sara Lund.', await press(MIA, where, nudge.data));
    await newest(personalChatId(MIA), 'Rundens påmindelse er allerede sendt.', await press(MIA, where, nudge.data));

    const reminder = await newest(personalChatId(SARA), 'Mia Holm sender en venlig påmindelse', started);
    expect(actionsOf(reminder.activity).map((a) => a.title)).toEqual(['Svar', 'Meld pas']);
    await world.app.settled();
    await world.app.outbox.drain();
    const reminders = (member: FakeTeamsMember) => world.fake.sent(personalChatId(member)).filter((r) => textOf(r.activity).includes('venlig påmindelse'));
    expect(reminders(SARA)).toHaveLength(1);
    expect(reminders(JONAS)).toEqual([]);
  });
});
