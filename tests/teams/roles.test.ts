// The HR role in Teams goes to an account, through botbuilder + teams-ai against the fake Bot
// Connector: an @mention arrives as a `mention` entity beside "<at>Name</at>" in the text, and
// that entity's id is whom the role reaches. Two members with the same name are never confused;
// a typed name they share is refused with both told apart; the list in a card grants by id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, type FakeTeamsMember } from '../support/fake-teams/index.ts';
import { BOT_ID, CHANNEL, MIA, SARA, TEAM, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld, latestIn } from './harness.ts';

const CARL_1: FakeTeamsMember = { id: '29:carl1', aadObjectId: 'aad-carl1', name: 'Carl Jensen' };
const CARL_2: FakeTeamsMember = { id: '29:carl2', aadObjectId: 'aad-carl2', name: 'Carl Jensen' };

let world: TeamsWorld;
let next = 1;
beforeAll(async () => {
  world = await startTeamsWorld({ env: { ADMINS: `teams:${MIA.id}` } });
  for (const carl of [CARL_1, CARL_2]) world.fake.addConversation({ id: personalChatId(carl), type: 'personal', members: [carl] });
  await setUpGroup(world);
  // Both Carls have opened a chat with Lederrum and used it once.
  for (const carl of [CARL_1, CARL_2]) {
    await world.openPersonalChat(carl);
    await world.say(carl, 'hjælp');
  }
}, 60_000);
afterAll(async () => world?.close());

/** A message as Teams sends it when `mentioned` were @mentioned: "<at>Name</at>" in the text and a mention entity each. */
async function sayMentioning(member: FakeTeamsMember, text: string, mentioned: FakeTeamsMember[], where: 'channel' | 'personal') {
  const conversation =
    where === 'channel'
      ? { id: CHANNEL, conversationType: 'channel', tenantId: world.fake.tenantId, isGroup: true }
      : { id: personalChatId(member), conversationType: 'personal', tenantId: world.fake.tenantId };
  const channelData =
    where === 'channel' ? { team: { id: TEAM, name: 'Team Nord' }, channel: { id: CHANNEL, name: 'Ledergruppen' }, tenant: { id: world.fake.tenantId } } : { tenant: { id: world.fake.tenantId } };
  const activity = messageActivity({
    from: member,
    conversation,
    text,
    mentionBot: where === 'channel',
    serviceUrl: world.fake.serviceUrl,
    botId: BOT_ID,
    id: `mention-${next++}`,
    locale: 'da-DK',
    channelData,
  });
  activity.entities.push(...mentioned.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })));
  return world.post(activity);
}

const latest = (conversationId: string, contains: string, after: number) => latestIn(world, conversationId, contains, after);
const hrHolders = async () => (await world.app.database.prisma.user.findMany({ where: { workspaceRoles: { some: { role: 'hr' } } } })).map((u) => u.externalId).sort();

describe('granting HR in Teams', () => {
  it('refuses a name two members share, telling them apart, and changes nothing', async () => {
    const started = Date.now();
    await world.say(MIA, 'hr tildel Carl Jensen', 'channel');
    const refusal = await latest(personalChatId(MIA), 'Flere hedder', started);
    expect(textOf(refusal.activity)).toContain('Carl Jensen (carl1) og Carl Jensen (carl2)');
    expect(textOf(refusal.activity)).toContain('Skriv @ og vælg personen');
    expect(await hrHolders()).toEqual([]);
  });

  it('grants the member an @mention names, and that member alone is told, in their personal chat', async () => {
    const started = Date.now();
    expect((await sayMentioning(MIA, `hr tildel <at>${CARL_2.name}</at>`, [CARL_2], 'channel')).status).toBeLessThan(300);
    await latest(personalChatId(MIA), 'Carl Jensen har nu HR-rollen', started);
    expect(await hrHolders()).toEqual([CARL_2.id]);
    await latest(personalChatId(CARL_2), 'Mia Holm har givet dig HR-rollen', started);
    expect(world.fake.sent(personalChatId(CARL_1)).some((r) => textOf(r.activity).includes('givet dig HR-rollen'))).toBe(false);
    expect(world.fake.sent(CHANNEL).some((r) => r.at >= started && textOf(r.activity).includes('HR-rollen'))).toBe(false);
  });

  it('revokes by an @mention in the personal chat', async () => {
    const started = Date.now();
    await sayMentioning(MIA, `hr fjern <at>${CARL_2.name}</at>`, [CARL_2], 'personal');
    await latest(personalChatId(MIA), 'Carl Jensen har ikke længere HR-rollen', started);
    await latest(personalChatId(CARL_2), 'Mia Holm har fjernet din HR-rolle', started);
    expect(await hrHolders()).toEqual([]);
  });

  it('offers the list in a card when no one is named, and grants the one chosen there', async () => {
    const started = Date.now();
    await world.say(MIA, 'hr tildel');
    const card = await latest(personalChatId(MIA), 'Giv HR-rollen', started);
    expect(textOf(card.activity)).toContain('Carl Jensen (carl1)');
    const submit = actionsOf(card.activity).find((a) => a.data.kind === 'form')!;
    const sara = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: SARA.id } });
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: card.activityId }, submit.data, { person: sara.id });
    await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === card.activityId && textOf(r.activity).includes('Sara Lund har nu HR-rollen')));
    expect(await hrHolders()).toEqual([SARA.id]);
    await latest(personalChatId(SARA), 'Mia Holm har givet dig HR-rollen', started);
  });
});
