// Every id a button or form value carries is checked against the person acting (issue 13, item 4).
// A value comes back through the person's own client, so it can name anything: another group's
// round, follow-up or group, someone else's agreement, takeaway or tool session, a random id, or
// nothing readable. Each is refused with a clear message to that person alone, and nothing in
// the database or in any conversation changes. The last part checks that the genuine values,
// pressed by the right people, still work, so the refusals above are not a broken path.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/model/messages.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { buttonsOf, direct, latestRound, openHarness, shown, type Harness, type Name } from './flow-harness.ts';
import { seedWorld, type World } from './forged-world.ts';

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await openHarness({ planner: true, content: true });
  w = await seedWorld(h);
}, 300_000);
afterAll(async () => h?.close());

const NOT_YOURS = translate('da', 'error.not_yours');
const notMember = (group: string, language: 'da' | 'en' = 'da') => translate(language, 'error.not_a_member', { group });
const NOT_FACILITATOR = translate('da', 'error.not_facilitator', { facilitators: 'Anna' });
/** A member pressing a facilitator's button did nothing wrong: the refusal says so. */
const FACILITATOR_BUTTON = translate('da', 'error.facilitator_button', { facilitators: 'Anna' });
const AGREEMENT_NOT_YOURS = translate('da', 'error.agreement_not_yours');

/** Every row of every table, and everything any conversation or person was sent. */
async function snapshot(): Promise<unknown> {
  const p = h.prisma;
  const tables = await Promise.all([
    p.user.findMany(),
    p.group.findMany(),
    p.membership.findMany(),
    p.checkin.findMany(),
    p.round.findMany(),
    p.answer.findMany(),
    p.attendance.findMany(),
    p.schedule.findMany(),
    p.toolSession.findMany(),
    p.agreement.findMany(),
    p.agreementFollowUp.findMany(),
    p.agreementEvent.findMany(),
    p.workspaceRole.findMany(),
    p.poll.findMany(),
  ]);
  const rows = tables.map((table) => (table as unknown[]).map((row) => JSON.stringify(row)).sort());
  return { rows, posts: JSON.stringify(h.deliverer.posts), privates: JSON.stringify(h.deliverer.privates) };
}

/** Acts, and checks the reply is the refusal and that nothing anywhere changed. */
async function refused(what: string, act: () => Promise<Reply>, expected: string): Promise<void> {
  const before = await snapshot();
  const reply = await act();
  expect(shown(reply), what).toContain(expected);
  expect(reply.kind, what).not.toBe('form');
  expect(await snapshot(), what).toEqual(before);
}

const press =
  (who: Name, action: string, value: string, place = direct(who)) =>
  () =>
    h.press(who, action, value, place);
const submit =
  (who: Name, formId: string, state: string, values: Record<string, string | boolean | string[]>, place = direct(who)) =>
  () =>
    h.submit(who, formId, state, values, place);

describe('check-in rounds: round → check-in → group → membership', () => {
  it("refuses answering or passing in another group's round, an unknown round or a malformed one", async () => {
    for (const action of ['round.answer', 'round.pass']) {
      await refused(`${action} foreign`, press('bo', action, w.syd.takeRound), notMember('Syd'));
      await refused(`${action} random`, press('bo', action, randomUUID()), NOT_YOURS);
      await refused(`${action} empty`, press('bo', action, ''), NOT_YOURS);
    }
    await refused('answer form foreign', submit('bo', 'round.answer', w.syd.takeRound, { answer: 'FORGED', share: true }), notMember('Syd'));
    await refused('answer form random', submit('bo', 'round.answer', randomUUID(), { answer: 'FORGED' }), NOT_YOURS);
  });

  it("refuses the facilitator's buttons on another group's round, an earlier check-in's round or the wrong kind of round", async () => {
    await refused('closing, foreign', press('anna', 'checkin.closing', w.syd.sinceRound), notMember('Syd'));
    // Check-in #1 is closed and #2 is open: #1's buttons must not act on #2.
    await refused('closing, earlier check-in', press('anna', 'checkin.closing', w.nord.oldSinceRound), NOT_YOURS);
    await refused('closing, a take-away round', press('anna', 'checkin.closing', w.nord.oldTakeRound), NOT_YOURS);
    await refused('closing, random', press('anna', 'checkin.closing', randomUUID()), NOT_YOURS);
    await refused('closing, a member', press('bo', 'checkin.closing', w.nord.sinceRound), FACILITATOR_BUTTON);
    await refused('close, foreign', press('anna', 'checkin.close', w.syd.takeRound), notMember('Syd'));
    await refused('close, earlier check-in', press('anna', 'checkin.close', w.nord.oldTakeRound), NOT_YOURS);
    await refused('close, a since-last round', press('anna', 'checkin.close', w.nord.sinceRound), NOT_YOURS);
    await refused('close, a member', press('bo', 'checkin.close', w.nord.oldTakeRound), FACILITATOR_BUTTON);
  });

  it("refuses the round view and its nudge for another group's round, an earlier check-in's, a closed one or a member", async () => {
    for (const action of ['round.status', 'round.nudge']) {
      await refused(`${action}, foreign`, press('anna', action, w.syd.takeRound), notMember('Syd'));
      await refused(`${action}, earlier check-in`, press('anna', action, w.nord.oldSinceRound), NOT_YOURS);
      await refused(`${action}, random`, press('anna', action, randomUUID()), NOT_YOURS);
      await refused(`${action}, a member`, press('bo', action, w.nord.sinceRound), FACILITATOR_BUTTON);
      // Syd's since-last round closed when its closing round opened.
      await refused(`${action}, closed round`, press('carl', action, w.syd.sinceRound), translate('en', 'roundview.closed', { title: 'Since last time' }));
    }
  });
});

describe('the schedule plan: the group must be one the person facilitates', () => {
  it('refuses the plan form and the save button for another group, an unknown one, a member, or a value that does not parse', async () => {
    const plan = { open: 'hver mandag kl. 9', close: '', holidays: false, skip_days: '' };
    await refused('plan form, foreign', submit('anna', 'schedule.plan', w.syd.id, plan), NOT_YOURS);
    await refused('plan form, random', submit('anna', 'schedule.plan', randomUUID(), plan), NOT_YOURS);
    await refused('plan form, a member', submit('bo', 'schedule.plan', w.nord.id, plan), NOT_FACILITATOR);
    const saved = JSON.parse(w.nord.saveValue) as Record<string, unknown>;
    await refused('save, foreign', press('anna', 'schedule.save', JSON.stringify({ ...saved, group: w.syd.id })), NOT_YOURS);
    await refused('save, a member', press('bo', 'schedule.save', w.nord.saveValue), FACILITATOR_BUTTON);
    await refused('save, not JSON', press('anna', 'schedule.save', '{"group":'), NOT_YOURS);
    await refused('save, wrong shape', press('anna', 'schedule.save', JSON.stringify({ group: w.nord.id })), NOT_YOURS);
    // The preview checked the skip days; the button's copy of them is checked again.
    const badDay = translate('da', 'error.skip_day_invalid', { value: 'altid' });
    await refused('save, forged skip day', press('anna', 'schedule.save', JSON.stringify({ ...saved, skipDays: ['altid'] })), badDay);
    // The "plan the check-in" button offered after a group is created names its group.
    await refused('open plan, foreign', press('anna', 'schedule.open', w.syd.id), NOT_YOURS);
    await refused('open plan, random', press('anna', 'schedule.open', randomUUID()), NOT_YOURS);
    await refused('open plan, a member', press('bo', 'schedule.open', w.nord.id), FACILITATOR_BUTTON);
  });
});

describe("guided tools: the session must be the person's own, the share target a group they are in", () => {
  it("refuses sharing someone else's session, or sharing into a group the person is not a member of", async () => {
    await refused("share, another's session", press('bo', 'tool.share', w.tools.dorte), NOT_YOURS);
    await refused('share, random', press('bo', 'tool.share', randomUUID()), NOT_YOURS);
    // Pressed in Syd's channel, the group's language answers; Bo's own session stays his.
    await refused('share into a group not his', press('bo', 'tool.share', w.tools.bo, w.syd.place), notMember('Syd', 'en'));
  });

  it("refuses a step form for someone else's session or a malformed one", async () => {
    await refused("step, another's session", submit('bo', 'tool.step', `${w.tools.dorte}:own-wellbeing:${w.tools.firstStep}`, { answer: 'FORGED', pause: false }), NOT_YOURS);
    await refused('step, malformed', submit('bo', 'tool.step', 'nonsense', { answer: 'FORGED', pause: false }), NOT_YOURS);
  });
});

describe("making an agreement: the takeaway or tool session must be the person's own, the group one of theirs", () => {
  it('refuses "make this an agreement" from someone else\'s takeaway or tool session, or from no source', async () => {
    await refused("from another's tool", press('bo', 'agreement.make', `tool:${w.tools.dorte}`), NOT_YOURS);
    await refused("from another's takeaway", press('bo', 'agreement.make', `takeaway:${w.syd.takeRound}`), NOT_YOURS);
    await refused('from nothing', press('bo', 'agreement.make', 'nonsense'), NOT_YOURS);
    await refused('from a direct value', press('bo', 'agreement.make', 'direct'), NOT_YOURS);
  });

  it('refuses the form with a forged source or a group the person is not in', async () => {
    const values = { kind: 'personal', text: 'FORGED', group: '', visibility: 'private', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' };
    await refused("form, another's takeaway", submit('bo', 'agreement.make', `takeaway:${w.syd.takeRound}`, values), NOT_YOURS);
    await refused('form, unknown source', submit('bo', 'agreement.make', 'nonsense', values), NOT_YOURS);
    const unknownGroup = translate('da', 'error.agreement_group_unknown');
    await refused('form, another group', submit('bo', 'agreement.make', 'direct', { ...values, kind: 'group', group: w.syd.id }), unknownGroup);
  });
});

describe('follow-ups: follow-up → agreement → group → membership; a personal agreement only its owner', () => {
  it("refuses another group's follow-up named with an agreement the person may act on", async () => {
    const forged = `${w.nord.agreement}/${w.syd.followUp}`;
    for (const action of ['agreement.kept', 'agreement.postpone', 'agreement.stop', 'agreement.adjust']) {
      await refused(`${action} with Syd's follow-up`, press('bo', action, forged), NOT_YOURS);
    }
    await refused("adjust form with Syd's follow-up", submit('bo', 'agreement.adjust', forged, { text: 'FORGED', follow_up: 'om 1 uge' }), NOT_YOURS);
  });

  it("refuses another group's agreement, another person's personal one, and ids that name nothing", async () => {
    await refused("another group's", press('bo', 'agreement.kept', `${w.syd.agreement}/${w.syd.followUp}`), AGREEMENT_NOT_YOURS);
    await refused("another person's", press('bo', 'agreement.stop', w.dortePersonal), AGREEMENT_NOT_YOURS);
    await refused("a group member's personal one", press('anna', 'agreement.kept', w.boPersonal), AGREEMENT_NOT_YOURS);
    await refused("a group member's personal one, adjusted", submit('anna', 'agreement.adjust', w.boPersonal, { text: 'FORGED', follow_up: 'om 1 uge' }), AGREEMENT_NOT_YOURS);
    await refused('random', press('bo', 'agreement.postpone', randomUUID()), NOT_YOURS);
    await refused('random follow-up', press('bo', 'agreement.kept', `${w.nord.agreement}/${randomUUID()}`), NOT_YOURS);
    await refused('too many parts', press('bo', 'agreement.kept', `${w.nord.agreement}/${w.nord.followUp}/x`), NOT_YOURS);
    await refused('empty', press('bo', 'agreement.kept', ''), NOT_YOURS);
  });

  it('refuses a benefit for a day nobody was asked about, an unknown benefit or a malformed value', async () => {
    await refused('a day never asked', press('bo', 'agreement.benefit', `${w.boPersonal}/more/2030-01-01`), NOT_YOURS);
    await refused('an unknown benefit', press('bo', 'agreement.benefit', `${w.boPersonal}/enormous/2030-01-01`), NOT_YOURS);
    await refused('no day', press('bo', 'agreement.benefit', `${w.boPersonal}/more`), NOT_YOURS);
    await refused("another's", press('bo', 'agreement.benefit', `${w.dortePersonal}/more/2030-01-01`), AGREEMENT_NOT_YOURS);
  });

  it("refuses in the person's own language", async () => {
    const actor = { platform: 'playground' as const, workspace: workspaceOf('playground'), externalId: 'U-carl', displayName: 'Carl', locale: 'en' as const };
    const place = direct('carl');
    await h.bot.handle({ type: 'command', actor, place, text: 'help' });
    await refused(
      'in English',
      () => h.bot.handle({ type: 'button_pressed', actor, place, action: 'agreement.kept', value: `${w.syd.agreement}/${w.nord.followUp}` }),
      translate('en', 'error.not_yours'),
    );
  });
});

describe("exports: the person's own, or a group they facilitate", () => {
  it('refuses exporting another group, a group as a member, or a scope that is none of these', async () => {
    await refused('another group', press('anna', 'agreement.export', `group/${w.syd.id}:markdown`), NOT_YOURS);
    await refused('as a member', press('bo', 'agreement.export', `group/${w.nord.id}:text`), FACILITATOR_BUTTON);
    await refused('no scope', press('bo', 'agreement.export', 'nonsense'), NOT_YOURS);
    await refused('unknown scope', press('bo', 'agreement.export', 'everyone:markdown'), NOT_YOURS);
  });
});

describe('group membership forms: the group one the person facilitates, every person one the form offered', () => {
  it('refuses adding to another group, adding people the form did not offer, or a member doing it', async () => {
    await refused('another group', submit('anna', 'group.add', w.syd.id, { people: [w.ids.carl] }), NOT_YOURS);
    await refused('a random person', submit('anna', 'group.add', w.nord.id, { people: [w.ids.carl, randomUUID()] }), NOT_YOURS);
    await refused('a member already in', submit('anna', 'group.add', w.nord.id, { people: [w.ids.bo] }), NOT_YOURS);
    await refused('as a member', submit('bo', 'group.add', w.nord.id, { people: [w.ids.carl] }), NOT_FACILITATOR);
  });

  it('refuses removing people who are not members, or oneself', async () => {
    await refused('not a member', submit('anna', 'group.remove', w.nord.id, { people: [w.ids.carl] }), NOT_YOURS);
    await refused('one of them forged', submit('anna', 'group.remove', w.nord.id, { people: [w.ids.bo, randomUUID()] }), NOT_YOURS);
    await refused('oneself', submit('anna', 'group.remove', w.nord.id, { people: [w.ids.anna] }), NOT_YOURS);
  });

  it("refuses a change by hand where the group's membership follows its conversation (the form is never offered there)", async () => {
    const membersOf = async () => [];
    Object.assign(h.deliverer, { membersOf });
    try {
      await refused('add, followed', submit('anna', 'group.add', w.nord.id, { people: [w.ids.carl] }), NOT_YOURS);
      await refused('remove, followed', submit('anna', 'group.remove', w.nord.id, { people: [w.ids.bo] }), NOT_YOURS);
    } finally {
      delete (h.deliverer as { membersOf?: unknown }).membersOf;
    }
  });

  it('refuses creating a group with people the picker did not offer', async () => {
    const form = { name: 'Forged', language: 'da', time_zone: 'Europe/Copenhagen' };
    await refused('a random person', submit('bo', 'group.create', '', { ...form, members: [randomUUID()] }), NOT_YOURS);
    await refused('oneself', submit('bo', 'group.create', '', { ...form, members: [w.ids.bo] }), NOT_YOURS);
  });

  it('tells operators which control was refused, never the value', () => {
    const lines = h.logger.lines.filter((l) => l.message.startsWith('refused a value'));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.map((l) => l.fields?.['control'])).toContain('agreement.kept');
    expect(JSON.stringify(lines)).not.toContain(w.syd.followUp);
  });
});

describe('the genuine values still work', () => {
  it("answers the group's own follow-up, rewrites the group's own post, and takes the benefit for that day", async () => {
    const post = h.deliverer.posts.find((p) => p.ref === w.nord.followUpRef)!;
    const before = post.message.text;
    const reply = await h.press('bo', 'agreement.kept', `${w.nord.agreement}/${w.nord.followUp}`, direct('bo'));
    expect(shown(reply)).toContain('noteret som holdt');
    expect(post.message.text).not.toBe(before);
    expect((await h.prisma.agreementFollowUp.findUniqueOrThrow({ where: { id: w.nord.followUp } })).answer).toBe('kept');
    const benefit = buttonsOf(reply.kind === 'message' ? reply.message : { text: '', blocks: [] }).find((b) => b.action === 'agreement.benefit')!;
    expect(shown(await h.press('bo', 'agreement.benefit', benefit.value, direct('bo')))).toContain('noteret ved aftalen');
  });

  it("shares the person's own finished tool with their own group", async () => {
    expect(shown(await h.press('bo', 'tool.share', w.tools.bo, direct('bo')))).toContain('delt med Nord');
    expect(h.deliverer.textIn(w.nord.place.conversationId).some((t) => t.includes('BO-TOOL'))).toBe(true);
  });

  it("runs the facilitator's round buttons on the open check-in and saves the previewed plan", async () => {
    await h.press('anna', 'checkin.closing', w.nord.sinceRound, w.nord.place);
    const { roundId } = latestRound(h, w.nord.place);
    expect(roundId).not.toBe(w.nord.sinceRound);
    expect(shown(await h.press('anna', 'checkin.close', roundId, w.nord.place))).toContain('#2');
    expect(shown(await h.press('anna', 'schedule.save', w.nord.saveValue, direct('anna')))).toContain('Planen er gemt');
    const plan = await h.press('anna', 'schedule.open', w.nord.id, direct('anna'));
    expect(plan.kind === 'form' && plan.form.state).toBe(w.nord.id);
  });

  it('adds the person the form offered', async () => {
    expect(shown(await h.submit('anna', 'group.add', w.nord.id, { people: [w.ids.carl] }, direct('anna')))).toContain('Carl er nu med i Nord');
  });
});
