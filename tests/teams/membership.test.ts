// Teams membership reaches groups in every channel of a team. Teams tells of team membership on
// the General channel (whose conversation id is the team id); a group in another standard channel
// follows it through the team roster, a group in a private channel follows that channel's own
// roster (channelMemberAdded / channelMemberRemoved on its conversation). A member whose joining
// was missed can be added by hand in a non-General channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationUpdate, type FakeTeamsMember } from '../support/fake-teams/index.ts';
import { BOT_ID, CHANNEL, JONAS, MIA, OLE, SARA, TEAM, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

const PRIVATE = '19:fortroligt@thread.tacv2';
const EVA: FakeTeamsMember = { id: '29:eva', aadObjectId: 'aad-eva', name: 'Eva Dam' };
let world: TeamsWorld;

beforeAll(async () => {
  world = await startTeamsWorld();
  // The General channel holds the team roster; Ledergruppen (standard) shares it, Fortroligt (private) has its own.
  world.addChannel({ id: TEAM, name: '' }, [MIA, JONAS, SARA]);
  world.addChannel({ id: PRIVATE, name: 'Fortroligt', channelType: 'private' }, [MIA, SARA]);
  await world.installIn(TEAM);
  await setUpGroup(world, [MIA, JONAS, SARA], CHANNEL, 'Ledergruppen Nord');
  await setUpGroup(world, [], PRIVATE, 'Fortrolig kreds');
}, 90_000);
afterAll(async () => world?.close());

async function membersOf(conversationId: string): Promise<string[]> {
  const group = await world.app.database.prisma.group.findFirstOrThrow({ where: { conversationId } });
  const rows = await world.app.database.prisma.membership.findMany({ where: { groupId: group.id, leftAt: null }, include: { user: true } });
  return rows.map((m) => m.user.displayName).sort();
}

/** Teams names nobody in team roster events: only ids. */
const idsOnly = (member: FakeTeamsMember): FakeTeamsMember => ({ ...member, name: '' });

describe('team membership, sent on the General channel', () => {
  it("starts with each group following its own channel's roster", async () => {
    expect(await membersOf(CHANNEL)).toEqual(['Jonas Berg', 'Mia Holm', 'Sara Lund']);
    expect(await membersOf(PRIVATE)).toEqual(['Mia Holm', 'Sara Lund']);
    const channel = await world.app.database.prisma.teamsConversation.findUniqueOrThrow({ where: { id: CHANNEL } });
    expect(channel.teamId).toBe(TEAM);
  });

  it("adds a new team member to the group in another standard channel, by their roster name, and not to the private channel's group", async () => {
    world.fake.addMember(TEAM, OLE);
    expect((await world.membership(TEAM, 'teamMemberAdded', { added: [idsOnly(OLE)] })).status).toBe(200);
    await expect.poll(() => membersOf(CHANNEL)).toEqual(['Jonas Berg', 'Mia Holm', 'Ole Udenfor', 'Sara Lund']);
    expect(await membersOf(PRIVATE)).toEqual(['Mia Holm', 'Sara Lund']);
  });

  it('removes a member who left the team from the groups in its channels, private ones included', async () => {
    world.fake.addMember(PRIVATE, JONAS);
    await world.membership(PRIVATE, 'channelMemberAdded', { added: [JONAS] });
    await expect.poll(() => membersOf(PRIVATE)).toEqual(['Jonas Berg', 'Mia Holm', 'Sara Lund']);

    world.fake.removeMember(TEAM, JONAS.id);
    await world.membership(TEAM, 'teamMemberRemoved', { removed: [idsOnly(JONAS)] });
    await expect.poll(() => membersOf(CHANNEL)).toEqual(['Mia Holm', 'Ole Udenfor', 'Sara Lund']);
    await expect.poll(() => membersOf(PRIVATE)).toEqual(['Mia Holm', 'Sara Lund']);
  });
});

describe("a private channel's own roster", () => {
  it('removes a member removed from the private channel from its group only', async () => {
    world.fake.removeMember(PRIVATE, SARA.id);
    expect((await world.membership(PRIVATE, 'channelMemberRemoved', { removed: [SARA] })).status).toBe(200);
    await expect.poll(() => membersOf(PRIVATE)).toEqual(['Mia Holm']);
    expect(await membersOf(CHANNEL)).toEqual(['Mia Holm', 'Ole Udenfor', 'Sara Lund']);
  });
});

describe('adding by hand in a non-General channel', () => {
  it('lets the facilitator add a team member whose joining Lederrum never heard of', async () => {
    // Eva joins the team, but the event never arrives.
    world.fake.addMember(TEAM, EVA);
    const started = Date.now();
    expect((await world.say(MIA, 'gruppe tilføj', CHANNEL)).status).toBe(200);
    const form = await world.fake.waitFor(() =>
      world.fake
        .sent(personalChatId(MIA))
        .filter((r) => r.at >= started && r.op !== 'update' && textOf(r.activity).includes('Eva Dam'))
        .at(-1),
    );
    const offered = JSON.stringify(form.activity.attachments);
    expect(offered).not.toContain('Sara Lund'); // already in the group
    const eva = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: EVA.id } });
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: form.activityId }, submit.data, { people: eva.id });
    await expect.poll(() => membersOf(CHANNEL)).toEqual(['Eva Dam', 'Mia Holm', 'Ole Udenfor', 'Sara Lund']);
    await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => r.at >= started && textOf(r.activity).includes('Eva Dam er nu med i Ledergruppen Nord')));
  });

  it('says membership follows the channel when everyone in it is already in the group', async () => {
    const started = Date.now();
    await world.say(MIA, 'gruppe tilføj', CHANNEL);
    await world.fake.waitFor(() => world.fake.sent(personalChatId(MIA)).find((r) => r.at >= started && textOf(r.activity).includes('Her følger gruppen samtalens medlemmer')));
  });
});

describe('the bot removed from the team', () => {
  it("knows it is in none of the team's channels any more", async () => {
    const general = { id: TEAM, conversationType: 'channel', tenantId: world.fake.tenantId, isGroup: true };
    const channelData = { team: { id: TEAM, name: 'Team Nord' }, channel: { id: TEAM }, tenant: { id: world.fake.tenantId } };
    await world.post(conversationUpdate({ membersRemoved: 'bot', eventType: 'teamMemberRemoved', conversation: general, serviceUrl: world.fake.serviceUrl, botId: BOT_ID, channelData }));
    const present = () => world.app.database.prisma.teamsConversation.findMany({ where: { kind: 'channel' }, select: { id: true, botPresent: true }, orderBy: { id: 'asc' } });
    await expect.poll(present).toEqual([CHANNEL, PRIVATE, TEAM].sort().map((id) => ({ id, botPresent: false })));
  });
});
