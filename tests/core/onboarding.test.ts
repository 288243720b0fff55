// The first week (issue 20, point 1) in the core: a person is welcomed once when they open their
// private chat, with who sees what and the one next step; the facilitator of a new group is led to
// planning its check-ins; App Home and a Teams team get the welcome too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, createGroup, direct, openHarness, people, shown, type Harness } from './flow-harness.ts';
import type { Actor } from '../../src/core/model/events.ts';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ planner: true });
});
afterEach(async () => {
  await h.close();
});

const opened = (actor: Actor = people.bo) => h.bot.handle({ type: 'chat_opened', actor, place: { conversationId: `D-${actor.externalId}`, kind: 'direct' } });

describe('the welcome in a private chat', () => {
  it('is said the first time only, in the person’s language, with who sees what and how to start', async () => {
    const first = await opened({ ...people.bo, locale: 'en' });
    expect(first.kind).toBe('message');
    const text = shown(first);
    expect(text).toContain('Welcome to Lederrum');
    expect(text).toContain('Your answer in a round is seen by the group – under your name.');
    expect(text).toContain('seen only by you');
    expect(text).toContain('Pulse polls are anonymous');
    // The playground makes the group's channel itself: the next step is said here.
    expect(text).toContain('write `group create` here');
    expect(await opened(people.bo)).toEqual({ kind: 'none' });
    expect(await opened(people.bo)).toEqual({ kind: 'none' });
  });

  it('names the groups someone is already in, instead of asking them to make one', async () => {
    await createGroup(h, 'Ledergruppen Nord', 'da', ['bo']);
    const text = shown(await opened(people.bo));
    expect(text).toContain('Du er med i Ledergruppen Nord');
    expect(text).not.toContain('gruppe opret');
  });

  it('tells Slack and Teams people where a group is made on their platform', async () => {
    const slack: Actor = { ...people.carl, platform: 'slack', externalId: 'U-carl-slack' };
    const teams: Actor = { ...people.dorte, platform: 'teams', externalId: '29:dorte' };
    expect(shown(await opened(slack))).toContain('`/lederrum gruppe opret` i den kanal');
    expect(shown(await opened(teams))).toContain('skriv `gruppe opret` i den kanal');
  });
});

describe('App Home and a Teams team', () => {
  it('shows someone in no group the welcome above the overview, and a member the overview first', async () => {
    const home = (who: keyof typeof people) => h.bot.handle({ type: 'home_opened', actor: people[who], place: direct(who) });
    const dorte = shown(await home('dorte'));
    expect(dorte.indexOf('Velkommen til Lederrum')).toBeLessThan(dorte.indexOf('Dit overblik'));
    await createGroup(h, 'Ledergruppen Nord', 'da', ['bo']);
    const bo = shown(await home('bo'));
    expect(bo).not.toContain('Velkommen til Lederrum');
    expect(bo.indexOf('Dit overblik')).toBeLessThan(bo.indexOf('Hvem ser hvad'));
    // Opening App Home is not the private chat: the welcome there is still to come.
    expect((await opened(people.dorte)).kind).toBe('message');
  });

  it('welcomes a team in its language, saying how to make a group there', () => {
    expect(h.bot.teamWelcome('en').text).toContain('write `group create` in the channel the group will use');
    expect(h.bot.teamWelcome('da').text).toContain('Hvem ser hvad');
  });
});

describe('after `gruppe opret`', () => {
  it('leads the facilitator to planning the check-in, with a button that opens the plan', async () => {
    const { reply } = await createGroup(h, 'Ledergruppen Nord', 'da', ['bo']);
    expect(shown(reply)).toContain('Næste skridt: planlæg');
    const [plan] = reply.kind === 'message' ? buttonsOf(reply.message) : [];
    expect(plan).toMatchObject({ action: 'schedule.open', label: 'Planlæg tjek-ind' });
    const form = await h.press('anna', plan!.action, plan!.value, direct('anna'));
    expect(form.kind === 'form' && form.form.id).toBe('schedule.plan');
    // The button names the group; only its facilitator gets the form.
    expect(shown(await h.press('bo', plan!.action, plan!.value, direct('bo')))).toContain('Den knap er til gruppens facilitator (Anna)');
    expect(shown(await h.press('carl', plan!.action, plan!.value, direct('carl')))).toContain('ikke din');
  });
});
