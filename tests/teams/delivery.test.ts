// Delivery that respects Teams: throttled proactive messages all arrive, once each; a channel
// the bot was removed from is named to the facilitator privately, and nothing saved is lost;
// an unknown card action gets the help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedActivity } from '../support/fake-teams/index.ts';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, personalChatId, roundPostIn, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

describe('Teams answering 429', () => {
  it('delivers the round message and a burst of thread replies through throttling, each exactly once', async () => {
    world.fake.failNext('post', { status: 429, retryAfterSeconds: 1, times: 5 });
    await world.say(MIA, 'tjekind start', 'channel');
    const round = await world.fake.waitFor(() => roundPostIn(world, 1, 'Siden sidst'), 20_000);
    const button = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
    const forms: RecordedActivity[] = [];
    for (const member of [MIA, JONAS, SARA]) {
      const before = world.fake.recorded.length;
      await world.submit(member, { conversationId: CHANNEL, replyToId: round.activityId }, button.data);
      forms.push(
        await world.fake.waitFor(() => world.fake.recorded.slice(before).find((r) => r.conversationId === personalChatId(member) && r.status < 300 && textOf(r.activity).includes('Dit svar')), 20_000),
      );
    }
    world.fake.failNext('post', { status: 429, retryAfterSeconds: 1, times: 6 });
    await Promise.all(
      [MIA, JONAS, SARA].map((member, i) => {
        const submit = actionsOf(forms[i]!.activity).find((a) => a.data.kind === 'form')!;
        return world.submit(member, { conversationId: personalChatId(member), replyToId: forms[i]!.activityId }, submit.data, { answer: `Svar fra ${member.name}`, pass: 'false' });
      }),
    );
    const thread = await world.fake.waitFor(() => {
      const replies = world.fake.sent(`${CHANNEL};messageid=${round.activityId}`).filter((r) => r.op !== 'update');
      return replies.length >= 3 ? replies : undefined;
    }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.fake.sent(`${CHANNEL};messageid=${round.activityId}`).filter((r) => r.op !== 'update')).toHaveLength(3);
    for (const member of [MIA, JONAS, SARA]) expect(thread.filter((r) => textOf(r.activity).includes(`Svar fra ${member.name}`))).toHaveLength(1);
    expect(world.fake.recorded.filter((r) => r.status === 429).length).toBe(11);
    expect(roundPostIn(world, 1, 'Siden sidst')).toBe(round);
    expect(world.fake.sent(CHANNEL).filter((r) => r.op !== 'update' && textOf(r.activity).includes('Tjek-ind #1 · Siden sidst'))).toHaveLength(1);
  }, 60_000);
});

describe('what Lederrum cannot use', () => {
  it('answers an unknown card action with the help, privately', async () => {
    const before = world.fake.recorded.length;
    await world.submit(JONAS, { conversationId: CHANNEL, replyToId: 'old-card' }, { kind: 'button', action: 'retired.action', value: 'x' });
    await world.fake.waitFor(() => world.fake.recorded.slice(before).find((r) => r.conversationId === personalChatId(JONAS) && textOf(r.activity).includes('Lederrum – tjek-ind for ledergrupper')));
    expect(world.fake.recorded.slice(before).filter((r) => r.conversationId.startsWith(CHANNEL))).toEqual([]);
  });

  it('tells the facilitator privately when the bot was removed from the channel, and posts the round once it is back', async () => {
    await world.say(MIA, 'tjekind afslut', 'channel');
    await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes('Tjek-ind #1 er afsluttet')), 20_000);
    world.fake.removeBot(CHANNEL);
    const before = world.fake.recorded.length;
    // Removed from the channel, Lederrum no longer hears it: the facilitator starts from her personal chat.
    await world.say(MIA, 'tjekind start', 'personal');
    await world.fake.waitFor(() => world.fake.recorded.slice(before).find((r) => r.conversationId === personalChatId(MIA) && textOf(r.activity).includes('Lederrum er ikke med i samtalen')));
    expect(await world.app.database.prisma.checkin.count()).toBe(2);

    // Added back: the install event brings the reference back, and the next start posts the waiting round.
    world.fake.addConversation({ id: CHANNEL, type: 'channel', teamId: '19:team-nord@thread.tacv2', name: 'Ledergruppen', members: [MIA, JONAS, SARA] });
    await world.installInChannel();
    await world.say(MIA, 'tjekind start', 'channel');
    await world.fake.waitFor(() => roundPostIn(world, 2, 'Siden sidst'));
    expect(world.fake.sent(CHANNEL).filter((r) => r.op !== 'update' && textOf(r.activity).includes('Tjek-ind #2 · Siden sidst'))).toHaveLength(1);
  }, 60_000);
});
