// A pulse poll in Slack, through Bolt and the Web API fake: an admin named in ADMINS grants HR,
// HR schedules a WHO-5 poll from a modal, each member gets a DM invitation, answers in a modal
// and sees their own index there; a second answer is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JONAS, MIA, SARA, TEAM, setUpGroup, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld({ env: { ADMINS: `slack:${TEAM}:${MIA.id}` } });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

describe('pulse polls in Slack', () => {
  it("runs from granting HR to an answer with the respondent's own index", async () => {
    const granted = await world.slash(MIA, 'hr tildel Mia Holm', `D${MIA.id}`);
    expect(JSON.stringify((await world.responseTo(granted.responseUrl)).body)).toContain('Mia Holm har nu HR-rollen');

    await world.slash(MIA, 'måling', `D${MIA.id}`);
    const form = await world.nextForm(MIA);
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    const ack = await world.submit(MIA, form, {
      title: 'Trivsel',
      template: 'who5',
      audience: [group.id],
      opens: 'nu',
      closes: 'om 1 uge',
      reminders: '1',
      threshold: '3',
      continues: 'new',
      share: false,
    });
    expect(ack.json.response_action).toBe('update');
    expect(world.textOf(ack.json.view.blocks)).toContain('går til 3 personer');

    for (const person of [MIA, JONAS, SARA]) {
      await world.fake.waitFor(() => world.fake.messages(world.fake.imId(person.id)).find((m) => m.text.includes('Kort måling')));
    }
    const invitation = world.fake.messages(world.fake.imId(JONAS.id)).find((m) => m.text.includes('Kort måling'))!;
    expect(world.textOf(invitation.blocks)).toContain('Det her er ikke anonymt');
    const answer = world.buttonsOf(invitation).find((b) => b.action_id.startsWith('poll.answer'))!;
    await world.press(JONAS, answer, { channel: world.fake.imId(JONAS.id), messageTs: invitation.ts });
    const questions = await world.nextForm(JONAS);
    const done = await world.submit(JONAS, questions, { q0: '3', q1: '4', q2: '2', q3: '1', q4: '3' });
    expect(world.textOf(done.json.view.blocks)).toContain('Dit trivselsindeks (WHO-5) er 52 af 100');

    await world.press(JONAS, answer, { channel: world.fake.imId(JONAS.id), messageTs: invitation.ts });
    const refused = await world.fake.waitFor(() => [...world.fake.views.values()].find((v) => v.userId === JONAS.id && JSON.stringify(v.view.blocks).includes('allerede svaret')));
    expect(refused.view.type).toBe('modal');
    // Below the threshold the answer still waits to be mixed (src/store/poll-mixing.ts).
    expect(await world.app.database.prisma.pollPendingResponse.count()).toBe(1);
  });

  it('refuses an untouched answer modal on its fields, keeping it open, and stores nothing', async () => {
    const invitation = world.fake.messages(world.fake.imId(SARA.id)).find((m) => m.text.includes('Kort måling'))!;
    const answer = world.buttonsOf(invitation).find((b) => b.action_id.startsWith('poll.answer'))!;
    await world.press(SARA, answer, { channel: world.fake.imId(SARA.id), messageTs: invitation.ts });
    const questions = await world.nextForm(SARA);
    const selects = (questions.view.blocks as Array<{ type: string; optional?: boolean; element: object }>).filter((b) => b.type === 'input');
    // Nothing is chosen for the respondent, and Slack itself asks for every item.
    expect(selects.map((b) => [b.optional, 'initial_option' in b.element])).toEqual(Array.from({ length: 5 }, () => [false, false]));
    const untouched = await world.submit(SARA, questions, {});
    expect(untouched.json.response_action).toBe('errors');
    expect(Object.keys(untouched.json.errors)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
    expect(untouched.json.errors.q3).toContain('Spørgsmål 4 mangler et svar');
    // Half filled: only what is left is named; Slack keeps the modal and its choices open.
    const half = await world.submit(SARA, questions, { q0: '4', q1: '4' });
    expect(half.json).toMatchObject({ response_action: 'errors' });
    expect(Object.keys(half.json.errors)).toEqual(['q2', 'q3', 'q4']);
    expect((await world.app.database.prisma.pollResponse.count()) + (await world.app.database.prisma.pollPendingResponse.count())).toBe(1);
    expect(await world.app.database.prisma.pollParticipant.count({ where: { answered: true } })).toBe(1);
  });

  it("can go to a channel's members rather than a group, other bots left out", async () => {
    await world.slash(MIA, 'måling');
    const form = await world.nextForm(MIA);
    expect(world.textOf(form.view.blocks)).toContain('Medlemmerne af denne kanal');
    const ack = await world.submit(MIA, form, {
      title: 'Kanal',
      template: 'workplace-pulse',
      audience: [`channel:${TEAM}:C0GROUP`],
      opens: 'nu',
      closes: 'om 1 uge',
      reminders: '0',
      threshold: '3',
      continues: 'new',
      share: false,
    });
    expect(world.textOf(ack.json.view.blocks)).toContain('går til 3 personer');
    const poll = await world.app.database.prisma.poll.findFirstOrThrow({ where: { title: 'Kanal' }, include: { participants: true } });
    expect(poll.participants.map((p) => p.groupId)).toEqual([null, null, null]);
  });

  it('invites everyone it can reach when one member has been deactivated, and tells HR how many of how many, without names', async () => {
    world.fake.failNext('chat.postMessage', { error: 'account_inactive', when: (args) => args['channel'] === SARA.id || args['channel'] === world.fake.imId(SARA.id) });
    await world.slash(MIA, 'måling', `D${MIA.id}`);
    const form = await world.nextForm(MIA);
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    await world.submit(MIA, form, { title: 'Deaktiveret', template: 'who5', audience: [group.id], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: 'new', share: false });
    const report = await world.fake.waitFor(() => world.fake.messages(world.fake.imId(MIA.id)).find((m) => m.text.includes('Deaktiveret') && m.text.includes('af 3')));
    expect(report.text).toBe('Invitationerne til «Deaktiveret» er sendt til 2 af 3.\n1 kunne ikke nås (har forladt arbejdsområdet eller er deaktiveret).');
    expect(report.text).not.toContain('Sara');
    for (const person of [MIA, JONAS])
      expect(world.fake.messages(world.fake.imId(person.id)).some((m) => m.text.includes('Kort måling') && JSON.stringify(m.blocks).includes('Deaktiveret'))).toBe(true);
    const rows = await world.app.database.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'poll.invite:' }, batch: { title: 'Deaktiveret' } } });
    expect(rows.map((r) => r.state).sort()).toEqual(['failed', 'sent', 'sent']);
    expect(world.app.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'NOT_IN_CONVERSATION' }) }));
  });
});
