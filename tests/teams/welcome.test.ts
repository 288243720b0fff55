// The first contact on Teams (issue 20, point 1), through the real botbuilder stack against the
// fake Bot Connector, with the activities Microsoft documents for installing a bot: a personal
// install sends a conversationUpdate adding the bot to the personal chat and an installationUpdate
// "add"; the person is welcomed in that chat once, whichever comes first, however often. A team
// install sends a conversationUpdate (eventType teamMemberAdded) adding the bot on the team's
// General channel; a short welcome there says how to make a group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTeamsMember } from '../support/fake-teams/index.ts';
import { BOT_ID, MIA, personalChatId, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
}, 60_000);
afterAll(async () => world?.close());

const LIV: FakeTeamsMember = { id: '29:liv', aadObjectId: 'aad-liv', name: 'Liv Sand' };
const SYD = '19:team-syd@thread.skype';
let serial = 0;

const envelope = (from: FakeTeamsMember) => ({
  timestamp: new Date().toISOString(),
  id: `f:install-${++serial}`,
  channelId: 'msteams',
  serviceUrl: world.fake.serviceUrl,
  // Teams names no one here: the roster knows their name.
  from: { id: from.id, aadObjectId: from.aadObjectId },
  recipient: { id: BOT_ID, name: 'Lederrum' },
});

/** The bot added to a person's personal scope, as the conversationUpdate Microsoft documents. */
function personalConversationUpdate(member: FakeTeamsMember) {
  return {
    ...envelope(member),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    conversation: { conversationType: 'personal', tenantId: world.fake.tenantId, id: personalChatId(member) },
    channelData: { tenant: { id: world.fake.tenantId } },
  };
}

/** The same install as the installationUpdate Microsoft documents. */
function personalInstallationUpdate(member: FakeTeamsMember, locale = 'da-DK') {
  return {
    ...envelope(member),
    type: 'installationUpdate',
    action: 'add',
    conversation: { conversationType: 'personal', tenantId: world.fake.tenantId, id: personalChatId(member) },
    entities: [{ locale, country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen', type: 'clientInfo' }],
    channelData: { source: { name: 'message' }, tenant: { id: world.fake.tenantId } },
    locale,
  };
}

/** The bot added to a team: on its General channel, whose id is the team's. */
function teamConversationUpdate(installer: FakeTeamsMember, locale?: string) {
  return {
    ...envelope(installer),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    conversation: { isGroup: true, conversationType: 'channel', tenantId: world.fake.tenantId, id: SYD },
    channelData: { team: { aadGroupId: 'aad-team-syd', name: 'Team Syd', id: SYD }, eventType: 'teamMemberAdded', tenant: { id: world.fake.tenantId } },
    ...(locale ? { locale } : {}),
  };
}

describe('a personal install', () => {
  it('welcomes the person in their chat once, though Teams tells of the install twice and may repeat it', async () => {
    const update = personalConversationUpdate(MIA);
    expect((await world.post(update)).status).toBeLessThan(300);
    expect((await world.post(personalInstallationUpdate(MIA))).status).toBeLessThan(300);
    await world.post(update);
    const sent = world.fake.sent(personalChatId(MIA));
    expect(sent).toHaveLength(1);
    const text = textOf(sent[0]!.activity);
    expect(text).toContain('Velkommen til Lederrum');
    expect(text).toContain('Dit svar i en runde ser gruppen – under dit navn.');
    expect(text).toContain('dine private aftaler ser kun du');
    expect(text).toContain('Pulsmålinger er anonyme');
    // Teams shows the hint with the @mention a channel message needs.
    expect(text).toContain('**@Lederrum gruppe opret** i den kanal');
  });

  it('greets once when both activities arrive at the same moment, in the language Teams gives', async () => {
    world.fake.addConversation({ id: personalChatId(LIV), type: 'personal', members: [LIV] });
    await Promise.all([world.post(personalInstallationUpdate(LIV, 'en-US')), world.post(personalConversationUpdate(LIV))]);
    await world.settled();
    const sent = world.fake.sent(personalChatId(LIV));
    expect(sent).toHaveLength(1);
    // The person was named from the chat's roster, not by their Teams id.
    const liv = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: LIV.id } });
    expect(liv.displayName).toBe('Liv Sand');
    expect(liv.welcomed).toBe(true);
  });
});

describe('a team install', () => {
  it('says in the General channel what Lederrum is for and how to make a group, once per delivery', async () => {
    world.addChannel({ id: SYD, teamId: SYD, teamName: 'Team Syd', name: '' }, [MIA, LIV]);
    const update = teamConversationUpdate(MIA, 'en-US');
    expect((await world.post(update)).status).toBeLessThan(300);
    await world.post(update);
    const sent = world.fake.sent(SYD);
    expect(sent).toHaveLength(1);
    const text = textOf(sent[0]!.activity);
    expect(text).toContain('Lederrum has joined the team');
    expect(text).toContain('Who sees what');
    expect(text).toContain('write **@Lederrum group create** in the channel the group will use');
    // Nothing personal is said in a channel, and no one is greeted for the team.
    expect(text).not.toContain('Welcome to Lederrum');
  });

  it('without a locale, speaks the deployment’s language', async () => {
    await world.post(teamConversationUpdate(LIV));
    expect(textOf(world.fake.sent(SYD).at(-1)!.activity)).toContain('Lederrum er med i teamet');
  });
});
