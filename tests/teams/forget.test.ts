// "slet mine data" in Teams, through the real botbuilder stack against the fake Bot Connector:
// Jonas answers a round, the check-in closes, he deletes his data, and the connector records the
// activity updates (PUT) on his answer in the thread and on the summary, without his name or words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, actionsOf, personalChatId, roundPostIn, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import type { FakeTeamsMember, RecordedActivity } from '../support/fake-teams/index.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

async function newCard(member: FakeTeamsMember, contains: string, after: number): Promise<RecordedActivity> {
  return world.fake.waitFor(() =>
    world.fake
      .sent(personalChatId(member))
      .filter((r) => r.op !== 'update' && r.at >= after && textOf(r.activity).includes(contains))
      .at(-1),
  );
}

async function answer(member: FakeTeamsMember, round: RecordedActivity, text: string) {
  const started = Date.now();
  const button = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
  await world.submit(member, { conversationId: CHANNEL, replyToId: round.activityId }, button.data);
  const form = await newCard(member, 'Dit svar', started);
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  await world.submit(member, { conversationId: personalChatId(member), replyToId: form.activityId }, submit.data, { answer: text, pass: 'false' });
}

describe('deleting my data in Teams', () => {
  it('updates the answer in the thread and the summary, and tells Jonas what went', async () => {
    await world.say(MIA, 'tjekind start', 'channel');
    const since = await world.fake.waitFor(() => roundPostIn(world, 1, 'Siden sidst'));
    await answer(JONAS, since, 'Quokka-travlhed i budgettet.');
    await answer(MIA, since, 'Mias egen uge.');
    const thread = `${CHANNEL};messageid=${since.activityId}`;
    const reply = await world.fake.waitFor(() => world.fake.sent(thread).find((r) => r.op !== 'update' && textOf(r.activity).includes('Quokka')));
    await world.say(MIA, 'tjekind afslut', 'channel');
    const summary = await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => r.op !== 'update' && textOf(r.activity).includes('er afsluttet')));
    expect(textOf(summary.activity)).toContain('Jonas Berg');

    const asked = Date.now();
    await world.say(JONAS, 'slet mine data');
    const ask = await newCard(JONAS, 'Slet dine data', asked);
    expect(textOf(ask.activity)).toContain('chathistorikken på Teams');
    const confirm = actionsOf(ask.activity).find((a) => a.data.action === 'forget.confirm')!;

    const pressed = Date.now();
    await world.submit(JONAS, { conversationId: personalChatId(JONAS), replyToId: ask.activityId }, confirm.data);
    const updatesOf = (id: string) => world.fake.recorded.filter((r) => r.op === 'update' && r.activityId === id && r.at >= pressed);
    const answerEdit = await world.fake.waitFor(() => updatesOf(reply.activityId).at(-1));
    const summaryEdit = await world.fake.waitFor(() => updatesOf(summary.activityId).at(-1));
    for (const edit of [answerEdit, summaryEdit]) {
      expect(textOf(edit.activity)).not.toContain('Quokka');
      expect(textOf(edit.activity)).not.toContain('Jonas');
    }
    expect(textOf(answerEdit.activity)).toContain('Indholdet er slettet');
    expect(textOf(summaryEdit.activity)).toContain('Mia Holm');
    const told = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.at >= pressed && r.conversationId === personalChatId(JONAS) && textOf(r.activity).includes('Dine data er slettet')));
    expect(textOf(told.activity)).not.toContain('Quokka');
  });
});
