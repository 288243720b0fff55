// A full check-in in a Teams channel with three members, through the unmodified botbuilder +
// teams-ai stack over HTTP, against the fake Bot Connector: forms as Adaptive Cards in each
// member's personal chat, updated in place when saved; answers as replies to the round message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, CHANNEL, JONAS, MIA, OLE, SARA, actionsOf, personalChatId, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import { conversationUpdate, type FakeTeamsMember, type RecordedActivity } from '../support/fake-teams/index.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  expect((await world.installInChannel()).status).toBe(200);
  for (const member of [MIA, JONAS, SARA]) expect((await world.openPersonalChat(member)).status).toBe(200);
}, 60_000);
afterAll(async () => world?.close());

function cardsIn(conversationId: string, contains: string): RecordedActivity[] {
  return world.fake.sent(conversationId).filter((r) => textOf(r.activity).includes(contains));
}

async function latestCard(conversationId: string, contains: string, after = 0): Promise<RecordedActivity> {
  return world.fake.waitFor(() =>
    cardsIn(conversationId, contains)
      .filter((r) => r.op !== 'update' && r.at >= after)
      .at(-1),
  );
}

function roundPost(sequence: number, title: string): RecordedActivity | undefined {
  return world.fake.sent(CHANNEL).find((r) => r.op !== 'update' && r.conversationId === CHANNEL && textOf(r.activity).includes(`Tjek-ind #${sequence} · ${title}`));
}

/** A member presses "Svar" on the round message, gets the form in their personal chat and submits it. */
async function answer(member: FakeTeamsMember, round: RecordedActivity, inputs: Record<string, string>) {
  const started = Date.now();
  const button = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
  expect((await world.submit(member, { conversationId: CHANNEL, replyToId: round.activityId }, button.data)).status).toBe(200);
  const form = await latestCard(personalChatId(member), 'Dit svar', started);
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  expect(submit.data.to.id).toBe(member.id);
  expect((await world.submit(member, { conversationId: personalChatId(member), replyToId: form.activityId }, submit.data, inputs)).status).toBe(200);
  const updated = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId && r.at >= started));
  return { form, updated };
}

describe('a check-in in a Teams channel', () => {
  it('sets the channel up as a group from an @mention, with the roster as members', async () => {
    expect((await world.say(MIA, 'gruppe opret', 'channel')).status).toBe(200);
    const form = await latestCard(personalChatId(MIA), 'Opret ledergruppe');
    expect(textOf(form.activity)).toContain('Jonas Berg');
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: form.activityId }, submit.data, { name: 'Ledergruppen Nord', language: 'da', time_zone: 'Europe/Copenhagen' });
    const updated = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId));
    expect(textOf(updated.activity)).toContain('Gruppen Ledergruppen Nord er oprettet');
    const welcome = await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes('Velkommen til Ledergruppen Nord')));
    expect(textOf(welcome.activity)).toMatch(/Jonas Berg/);
  });

  it('runs both rounds: cards updated in place, answers as replies to the round message, private takeaways kept private', async () => {
    await world.say(MIA, 'tjekind start', 'channel');
    const since = await world.fake.waitFor(() => roundPost(1, 'Siden sidst'));
    // The facilitator hears privately that it started.
    await latestCard(personalChatId(MIA), 'Tjek-ind #1 er startet');

    const { updated } = await answer(MIA, since, { answer: 'En travl uge med budgetter.', pass: 'false' });
    expect(textOf(updated.activity)).toContain('dit svar står i tråden');
    expect(textOf(updated.activity)).toContain('En travl uge med budgetter.');
    await answer(JONAS, since, { answer: 'God balance.', pass: 'false' });
    await answer(SARA, since, { answer: '', pass: 'true' });
    const thread = await world.fake.waitFor(() => {
      const replies = world.fake.sent(`${CHANNEL};messageid=${since.activityId}`).filter((r) => r.op !== 'update');
      return replies.length === 3 ? replies : undefined;
    });
    const shown = thread.map((r) => textOf(r.activity));
    expect(shown[0]).toContain('Mia Holm');
    expect(shown[0]).toContain('En travl uge med budgetter.');
    expect(shown[1]).toContain('Jonas Berg');
    expect(shown[1]).toContain('God balance.');
    expect(shown[2]).toContain('Sara Lund melder pas denne gang.');

    await world.say(MIA, 'tjekind afrunding', 'channel');
    const takeAway = await world.fake.waitFor(() => roundPost(1, 'Hvad tager jeg med mig?'));
    await answer(JONAS, takeAway, { answer: 'Sige nej til ét møde om ugen.', share: 'false' });
    await answer(MIA, takeAway, { answer: 'Planlægge pauser.', share: 'true' });
    await answer(SARA, takeAway, { answer: 'Gå en tur ved frokost.', share: 'false' });

    await world.say(MIA, 'tjekind afslut', 'channel');
    const summary = await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes('Tjek-ind #1 er afsluttet')));
    expect(textOf(summary.activity)).toContain('Med i dag (3 af 3)');
    expect(textOf(summary.activity)).toContain('Planlægge pauser.');
    const everythingInChannel = world.fake
      .sent(CHANNEL)
      .map((r) => textOf(r.activity))
      .join('\n');
    expect(everythingInChannel).not.toContain('Sige nej til ét møde om ugen.');
    expect(everythingInChannel).not.toContain('Gå en tur ved frokost.');
    // The round messages were updated to closed: no answer buttons left.
    const lastSince = world.fake.recorded.filter((r) => r.op === 'update' && r.activityId === since.activityId).at(-1)!;
    expect(actionsOf(lastSince.activity)).toEqual([]);
  });

  it('shows a member their own last takeaway in the next "Siden sidst" card', async () => {
    await world.say(MIA, 'tjekind start', 'channel');
    const since = await world.fake.waitFor(() => roundPost(2, 'Siden sidst'));
    const started = Date.now();
    const button = actionsOf(since.activity).find((a) => a.data.action === 'round.answer')!;
    await world.submit(JONAS, { conversationId: CHANNEL, replyToId: since.activityId }, button.data);
    const form = await latestCard(personalChatId(JONAS), 'Dit svar', started);
    expect(textOf(form.activity)).toContain('Sige nej til ét møde om ugen.');
    expect(textOf(form.activity)).not.toContain('Planlægge pauser.');
  });

  it('acts once on a card submitted twice', async () => {
    const since = roundPost(2, 'Siden sidst')!;
    const started = Date.now();
    const button = actionsOf(since.activity).find((a) => a.data.action === 'round.answer')!;
    await world.submit(SARA, { conversationId: CHANNEL, replyToId: since.activityId }, button.data);
    const form = await latestCard(personalChatId(SARA), 'Dit svar', started);
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    const where = { conversationId: personalChatId(SARA), replyToId: form.activityId };
    const inputs = { answer: 'Fin uge.', pass: 'false' };
    // The same activity delivered twice (a retry), then the same card submitted again (a double click).
    await Promise.all([world.submit(SARA, where, submit.data, inputs, 'dup-1'), world.submit(SARA, where, submit.data, inputs, 'dup-1')]);
    await world.submit(SARA, where, submit.data, inputs, 'dup-2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = world.fake.sent(`${CHANNEL};messageid=${since.activityId}`).filter((r) => textOf(r.activity).includes('Sara Lund'));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.op).not.toBe('update');
    expect(textOf(replies[0]!.activity)).toContain('Fin uge.');
    expect(textOf(replies[0]!.activity)).not.toContain('(rettet)');
  });

  it('refuses a form submitted by someone it was not meant for, and saves nothing', async () => {
    const since = roundPost(2, 'Siden sidst')!;
    const jonasForm = cardsIn(personalChatId(JONAS), 'Dit svar').at(-1)!;
    const submit = actionsOf(jonasForm.activity).find((a) => a.data.kind === 'form')!;
    const before = world.fake.sent(`${CHANNEL};messageid=${since.activityId}`).length;
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: jonasForm.activityId }, submit.data, { answer: 'Forfalsket', pass: 'false' });
    await latestCard(personalChatId(MIA), 'Denne formular var til Jonas Berg');
    expect(world.fake.sent(`${CHANNEL};messageid=${since.activityId}`)).toHaveLength(before);
  });

  it('tells someone Lederrum cannot write to privately, once, in the group how to start a chat', async () => {
    const since = roundPost(2, 'Siden sidst')!;
    const button = actionsOf(since.activity).find((a) => a.data.action === 'round.answer')!;
    // Ole is not in the group, never opened a chat with Lederrum, and Teams refuses to open one for him.
    await world.submit(OLE, { conversationId: CHANNEL, replyToId: since.activityId }, button.data);
    await world.submit(OLE, { conversationId: CHANNEL, replyToId: since.activityId }, button.data);
    await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes('Ole Udenfor: Lederrum kan ikke skrive privat')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.fake.sent(CHANNEL).filter((r) => textOf(r.activity).includes('Lederrum kan ikke skrive privat'))).toHaveLength(1);
  });
});

describe('the Teams endpoint around the check-in', () => {
  it('says at start-up that it runs without authentication when no app id is set', () => {
    expect(world.app.logger.lines.some((l) => l.level === 'warn' && l.message.includes('WITHOUT authentication'))).toBe(true);
  });

  it('follows the roster: a member added to the team channel joins the group, a removed one leaves', async () => {
    const names = async () => (await world.app.database.prisma.membership.findMany({ where: { leftAt: null }, include: { user: true } })).map((m) => m.user.displayName).sort();
    const channel = { id: CHANNEL, conversationType: 'channel', tenantId: world.fake.tenantId, isGroup: true };
    const channelData = { team: { id: '19:team-nord@thread.tacv2', name: 'Team Nord' }, channel: { id: CHANNEL, name: 'Ledergruppen' }, tenant: { id: world.fake.tenantId } };
    await world.post(conversationUpdate({ membersAdded: [OLE], conversation: channel, serviceUrl: world.fake.serviceUrl, botId: BOT_ID, channelData, eventType: 'teamMemberAdded' }));
    await expect.poll(names).toContain('Ole Udenfor');
    await world.post(conversationUpdate({ membersRemoved: [JONAS], conversation: channel, serviceUrl: world.fake.serviceUrl, botId: BOT_ID, channelData, eventType: 'teamMemberRemoved' }));
    await expect.poll(names).toEqual(['Mia Holm', 'Ole Udenfor', 'Sara Lund']);
  });

  it('logs an activity without the fields a Teams activity has, sends nothing, and keeps serving', async () => {
    const before = world.fake.recorded.length;
    const response = await world.post({ type: 'message', text: 'hjælp' });
    expect(response.status).toBe(400);
    await expect.poll(() => world.app.logger.lines.some((l) => l.message === 'teams activity malformed')).toBe(true);
    expect(world.fake.recorded.length).toBe(before);
    expect((await fetch(`${world.app.url}healthz`)).status).toBe(200);
  });
});
