// Lederrum never shows "typing" in Teams. teams-ai 1.7 ignores its own startTypingTimer option and
// sends a typing activity every second of a message turn until that turn's context sends a message;
// a channel command answered privately never does, so a slow turn (a throttled private reply
// here) used to fill the channel thread with typing. A whole check-in runs; the connector must
// have received no typing activity at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, personalChatId, roundPostIn, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import type { FakeTeamsMember, RecordedActivity } from '../support/fake-teams/index.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

/** Makes the next turn last over 2 s: the next post (a reply or send) is throttled with Retry-After: 2. */
const slowNextPost = () => world.fake.failNext('post', { status: 429, retryAfterSeconds: 2 });

async function answer(member: FakeTeamsMember, round: RecordedActivity, inputs: Record<string, string>, slow = false) {
  const started = Date.now();
  const button = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
  if (slow) slowNextPost();
  await world.submit(member, { conversationId: CHANNEL, replyToId: round.activityId }, button.data);
  const form = await world.fake.waitFor(() =>
    world.fake
      .sent(personalChatId(member))
      .filter((r) => r.op !== 'update' && r.at >= started && textOf(r.activity).includes('Dit svar'))
      .at(-1),
  );
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  await world.submit(member, { conversationId: personalChatId(member), replyToId: form.activityId }, submit.data, inputs);
}

describe('typing indicators', () => {
  it('sends none during a whole check-in, slow turns included', async () => {
    slowNextPost();
    await world.say(MIA, 'tjekind start', 'channel');
    const since = await world.fake.waitFor(() => roundPostIn(world, 1, 'Siden sidst'));
    await answer(MIA, since, { answer: 'En travl uge.', pass: 'false' }, true);
    await answer(JONAS, since, { answer: 'God balance.', pass: 'false' });
    await answer(SARA, since, { answer: '', pass: 'true' });
    await world.say(MIA, 'tjekind afrunding', 'channel');
    await world.fake.waitFor(() => roundPostIn(world, 1, 'Hvad tager jeg med mig?'));
    slowNextPost();
    await world.say(MIA, 'tjekind afslut', 'channel');
    await world.settled();

    // The flow did run slowly: throttled sends were waited out.
    expect(world.fake.recorded.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
    expect(world.fake.recorded.filter((r) => r.activity?.type === 'typing')).toEqual([]);
    expect(world.fake.recorded.filter((r) => r.activity?.activity?.type === 'typing')).toEqual([]);
  }, 60_000);
});
