// Personal replies on Teams never land in a group. A member with no personal chat with Lederrum
// who uses a personal command in the channel gets the reply in a personal chat Lederrum opens
// through the Bot Connector (POST /v3/conversations); when Teams refuses that, the channel hears
// only, once, how to open one — never the reply or a form. Scheduled private messages follow the
// same route, and say so with NO_PRIVATE_ROUTE when there is none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTeamsMember } from '../support/fake-teams/index.ts';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

// In the channel's roster, but with no personal chat in Teams yet: the first one is created.
const EVA: FakeTeamsMember = { id: '29:eva', aadObjectId: 'aad-eva', name: 'Eva Dam' };
const MARKER = 'Jeg siger nej til fredagsmøder (hemmelig-7Q)';
let world: TeamsWorld;

beforeAll(async () => {
  world = await startTeamsWorld();
  world.fake.addMember(CHANNEL, EVA);
  // Only Mia has opened a chat with Lederrum; Jonas, Sara and Eva join the group from the roster.
  await setUpGroup(world, [MIA]);
}, 60_000);
afterAll(async () => world?.close());

function sentSince(conversationId: string, after: number) {
  return world.fake.sent(conversationId).filter((r) => r.at >= after);
}

async function latest(conversationId: string, contains: string, after: number) {
  return world.fake.waitFor(() =>
    sentSince(conversationId, after)
      .filter((r) => r.op !== 'update' && textOf(r.activity).includes(contains))
      .at(-1),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('a member with no personal chat uses a personal command in the channel', () => {
  it('gets `overblik` in a personal chat Lederrum creates, and the channel gets nothing', async () => {
    const started = Date.now();
    expect((await world.say(EVA, 'overblik', 'channel')).status).toBe(200);
    const chat = await world.fake.waitFor(() => world.fake.personalChatOf(EVA.id));
    expect(chat).toMatch(/^a:1/); // a new conversation, not one the test set up
    await latest(chat, 'Dit overblik', started);
    const created = world.fake.recorded.find((r) => r.op === 'create_conversation' && r.conversationId === chat)!;
    expect(created.status).toBe(201);
    expect(created.activity).toMatchObject({ isGroup: false, members: [{ id: EVA.id }], tenantId: world.fake.tenantId, channelData: { tenant: { id: world.fake.tenantId } } });
    await settle();
    expect(sentSince(CHANNEL, started)).toEqual([]);
    // Kept for next time: the next reply goes straight there.
    const stored = await world.app.database.prisma.teamsConversation.findUniqueOrThrow({ where: { id: chat } });
    expect(stored).toMatchObject({ kind: 'personal', memberExternalId: EVA.id, botPresent: true, tenantId: world.fake.tenantId });
  });

  it('gets the agreement form and then `aftaler` with a private agreement in their personal chat, none of it in the channel', async () => {
    const started = Date.now();
    expect((await world.say(JONAS, 'aftale', 'channel')).status).toBe(200);
    const form = await latest(personalChatId(JONAS), 'Forventet indsats (1-5)', started);
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    await world.submit(JONAS, { conversationId: personalChatId(JONAS), replyToId: form.activityId }, submit.data, {
      group: group.id,
      kind: 'personal',
      text: MARKER,
      visibility: 'private',
      follow_up: 'om 1 uge',
      repeat: '0',
      effort: '3',
      benefit: '4',
    });
    await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId));

    expect((await world.say(JONAS, 'aftaler', 'channel')).status).toBe(200);
    expect(textOf((await latest(personalChatId(JONAS), 'Dine aftaler', started)).activity)).toContain(MARKER);
    await settle();
    expect(sentSince(CHANNEL, started)).toEqual([]);
    expect(world.fake.recorded.filter((r) => r.conversationId.startsWith(CHANNEL) && textOf(r.activity).includes(MARKER))).toEqual([]);
  });
});

describe('a member Teams will not let Lederrum write to privately', () => {
  it('gets only a pointer in the channel, once, and never the reply or a form', async () => {
    // The app is not installed in Sara's personal scope: creating her chat answers 403.
    world.fake.removeBot(personalChatId(SARA));
    const started = Date.now();
    expect((await world.say(SARA, 'overblik', 'channel')).status).toBe(200);
    const pointer = await latest(CHANNEL, 'Sara Lund: Lederrum kan ikke skrive privat', started);
    expect(textOf(pointer.activity)).not.toContain('Dit overblik');
    expect(world.fake.recorded.some((r) => r.op === 'create_conversation' && r.status === 403 && r.at >= started)).toBe(true);

    await world.say(SARA, 'aftale', 'channel');
    await world.say(SARA, 'aftaler', 'channel');
    await settle();
    const channel = sentSince(CHANNEL, started);
    expect(channel).toHaveLength(1);
    expect(channel.some((r) => textOf(r.activity).includes('Forventet indsats') || textOf(r.activity).includes('Dine aftaler'))).toBe(false);
    expect(sentSince(personalChatId(SARA), started)).toEqual([]);
  });

  it('treats a personal chat Teams now refuses (403) as gone, and falls back to the pointer when no new one can be opened', async () => {
    world.fake.removeBot(personalChatId(MIA));
    const started = Date.now();
    expect((await world.say(MIA, 'deltagelse', 'channel')).status).toBe(200);
    await latest(CHANNEL, 'Mia Holm: Lederrum kan ikke skrive privat', started);
    await settle();
    expect(sentSince(CHANNEL, started).filter((r) => textOf(r.activity).includes('Deltagelse i'))).toEqual([]);
    const stored = await world.app.database.prisma.teamsConversation.findUniqueOrThrow({ where: { id: personalChatId(MIA) } });
    expect(stored.botPresent).toBe(false);
  });
});

describe('private messages Lederrum sends by itself', () => {
  const weeklyPrompt = async (member: FakeTeamsMember) => {
    const person = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: member.id } });
    return world.app.core.runJob({ kind: 'prompt.weekly', subject: person.id, groupId: null, payload: {}, at: new Date() });
  };

  it("opens the personal chat from the group's channel when none is stored", async () => {
    await world.app.database.prisma.teamsConversation.deleteMany({ where: { memberExternalId: EVA.id } });
    const started = Date.now();
    await weeklyPrompt(EVA);
    const chat = world.fake.personalChatOf(EVA.id)!;
    expect(sentSince(chat, started).filter((r) => r.op !== 'update')).toHaveLength(1);
    expect(world.fake.recorded.some((r) => r.op === 'create_conversation' && r.at >= started && r.activity.members?.[0]?.id === EVA.id)).toBe(true);
    expect(sentSince(CHANNEL, started)).toEqual([]);
  });

  it('settles the message as NO_PRIVATE_ROUTE (logged with its code), sending nothing anywhere, when there is no private route', async () => {
    const started = Date.now();
    await weeklyPrompt(SARA);
    const person = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: SARA.id } });
    const rows = await world.app.database.prisma.outboxMessage.findMany({ where: { personId: person.id, key: { startsWith: 'prompt.weekly:' } } });
    expect(rows.map((r) => [r.state, r.outcome, r.message])).toEqual([['failed', 'NO_PRIVATE_ROUTE', null]]);
    expect(world.app.logger.lines.some((l) => l.level === 'warn' && l.fields?.['code'] === 'NO_PRIVATE_ROUTE' && l.fields?.['person'] === person.id)).toBe(true);
    await settle();
    expect(world.fake.recorded.filter((r) => r.at >= started && r.status < 300 && r.op !== 'create_conversation')).toEqual([]);
  });
});
