// A pulse poll in Teams, through botbuilder + teams-ai against the fake Bot Connector: Teams does
// not say who administers the tenant, so ADMINS names Mia; she grants HR, schedules a poll from a
// card, and each member answers in a card in their personal chat, seeing their own score there
// with a button that removes it from the chat Teams keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIA, SARA, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld, latestIn } from './harness.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ env: { ADMINS: `teams:${MIA.id}` } });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

const latest = (conversationId: string, contains: string, after: number) => latestIn(world, conversationId, contains, after);

describe('pulse polls in Teams', () => {
  it("runs from granting HR to an answer with the respondent's own score", async () => {
    const started = Date.now();
    await world.say(MIA, 'hr tildel Mia Holm');
    await latest(personalChatId(MIA), 'Mia Holm har nu HR-rollen', started);

    await world.say(MIA, 'måling');
    const form = await latest(personalChatId(MIA), 'Ny måling', started);
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: form.activityId }, submit.data, {
      title: 'Belastning',
      template: 'pss10',
      audience: group.id,
      opens: 'nu',
      closes: 'om 1 uge',
      reminders: '0',
      threshold: '3',
      continues: 'new',
    });
    await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId && textOf(r.activity).includes('går til 3 personer')));

    const invitation = await latest(personalChatId(SARA), 'Kort måling', started);
    expect(textOf(invitation.activity)).toContain('Det her er anonymt');
    const answer = actionsOf(invitation.activity).find((a) => a.data.action === 'poll.answer')!;
    await world.submit(SARA, { conversationId: personalChatId(SARA), replyToId: invitation.activityId }, answer.data);
    const questions = await latest(personalChatId(SARA), 'Send mine svar', started);
    const send = actionsOf(questions.activity).find((a) => a.data.kind === 'form')!;
    // PSS-10, items 4, 5, 7 and 8 reversed: 2+3+1+(4-1)+(4-2)+2+(4-3)+(4-2)+2+1 = 19.
    const values = [2, 3, 1, 1, 2, 2, 3, 2, 2, 1];
    await world.submit(SARA, { conversationId: personalChatId(SARA), replyToId: questions.activityId }, send.data, Object.fromEntries(values.map((v, i) => [`q${i}`, String(v)])));
    const scored = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === questions.activityId));
    expect(textOf(scored.activity)).toContain('Din score på PSS-10 er 19 af 40');
    // Below the threshold the answer still waits to be mixed (src/store/poll-mixing.ts).
    expect(await world.app.database.prisma.pollPendingResponse.count()).toBe(1);
    // Teams keeps the card in Sara's chat: the card says so and lets her remove the score from it.
    expect(textOf(scored.activity)).toContain('Teams gemmer dette kort i din chat');
    expect(textOf(scored.activity)).not.toContain('indtil runden lukker');
    const clear = actionsOf(scored.activity).find((a) => a.data.action === 'teams.clear_card')!;
    await world.submit(SARA, { conversationId: personalChatId(SARA), replyToId: questions.activityId }, clear.data);
    const cleared = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === questions.activityId && textOf(r.activity).includes('fjernet fra chatten')));
    expect(textOf(cleared.activity)).not.toMatch(/19 af 40|PSS-10/);
  });

  it('refuses an untouched answer card, naming every item, re-showing it with what was chosen, and stores nothing', async () => {
    const invitation = await latest(personalChatId(MIA), 'Kort måling', 0);
    const answer = actionsOf(invitation.activity).find((a) => a.data.action === 'poll.answer')!;
    const before = Date.now();
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: invitation.activityId }, answer.data);
    const questions = await latest(personalChatId(MIA), 'Send mine svar', before);
    const choiceSets = (activity: unknown) =>
      (JSON.parse(JSON.stringify(activity)).attachments[0].content.body as Array<{ type: string; value?: string; placeholder?: string }>).filter((e) => e.type === 'Input.ChoiceSet');
    expect(choiceSets(questions.activity).map((e) => [e.value, e.placeholder])).toEqual(Array.from({ length: 10 }, () => [undefined, 'Vælg et svar']));
    const send = actionsOf(questions.activity).find((a) => a.data.kind === 'form')!;
    const at = { conversationId: personalChatId(MIA), replyToId: questions.activityId };
    await world.submit(MIA, at, send.data, {});
    const refused = await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === questions.activityId && textOf(r.activity).includes('mangler et svar')));
    for (const n of [1, 5, 10]) expect(textOf(refused.activity)).toContain(`Spørgsmål ${n} mangler et svar`);
    // Half filled: the card comes back with the two choices in it and errors on the other eight.
    await world.submit(MIA, at, send.data, { q0: '2', q1: '3' });
    const half = await world.fake.waitFor(() =>
      world.fake.recorded.find(
        (r) => r.op === 'update' && r.activityId === questions.activityId && textOf(r.activity).includes('Spørgsmål 3 mangler') && !textOf(r.activity).includes('Spørgsmål 1 mangler'),
      ),
    );
    expect(
      choiceSets(half.activity)
        .slice(0, 3)
        .map((e) => e.value),
    ).toEqual(['2', '3', undefined]);
    expect(await world.app.database.prisma.pollPendingResponse.count()).toBe(1);
    expect(await world.app.database.prisma.pollResponse.count()).toBe(0);
    expect(await world.app.database.prisma.pollParticipant.count({ where: { answered: true } })).toBe(1);
  });

  it('invites everyone it can reach when Teams will not let Lederrum write to one member, and tells HR how many of how many, without names', async () => {
    // Lederrum is not installed in Sara's personal scope any more: her chat and a new one answer 403.
    world.fake.removeBot(personalChatId(SARA));
    const started = Date.now();
    await world.say(MIA, 'måling');
    const form = await latest(personalChatId(MIA), 'Ny måling', started);
    const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: form.activityId }, submit.data, {
      title: 'Uden chat',
      template: 'who5',
      audience: group.id,
      opens: 'nu',
      closes: 'om 1 uge',
      reminders: '0',
      threshold: '3',
      continues: 'new',
    });
    const report = await latest(personalChatId(MIA), 'Invitationerne til «Uden chat»', started);
    expect(textOf(report.activity)).toContain('er sendt til 2 af 3.');
    expect(textOf(report.activity)).toContain('1 har ikke en privat chat med Lederrum endnu');
    expect(textOf(report.activity)).not.toContain('Sara');
    const rows = await world.app.database.prisma.outboxMessage.findMany({ where: { batch: { title: 'Uden chat' } } });
    expect(rows.map((r) => [r.state, r.outcome]).sort()).toEqual([
      ['failed', 'NO_PRIVATE_ROUTE'],
      ['sent', null],
      ['sent', null],
    ]);
  });
});
