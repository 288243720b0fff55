// The leak sweep: one scripted session across every feature — a check-in with since-last answers
// and private and shared takeaways, a private agreement and its follow-up, a guided tool, a poll
// with free text, overviews asked for privately and in the group — where every personal text
// carries its own marker word. Then everything each person, each group and the other workspace
// was shown is searched: a marker may appear only before the people it belongs to. A poll's free
// text belongs to no one: with three respondents (under the free-text threshold) it is never shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { answer, castFor, closeCheckin, doTool, grantHr, makePrivateAgreement, openTakeaway, sendPoll, shownTo, startCheckin } from './steps.ts';

const mark = (name: string) => `ZQ${name}QZ`;

describe.each(drivers)('on $platform: the leak sweep', (factory) => {
  let d: Driver;
  let nord: Group;
  let vest: Group | null = null;
  /** Each marker, and who may see it: people, and the groups whose conversation may show it. */
  const owners = new Map<string, { people: Person[]; groups: Group[] }>();
  const personal = (marker: string, person: Person) => owners.set(marker, { people: [person], groups: [] });
  const shared = (marker: string, group: Group) => owners.set(marker, { people: [...group.members], groups: [group] });
  const nobodys = (marker: string) => owners.set(marker, { people: [], groups: [] });

  beforeAll(async () => {
    d = await factory.start(castFor(factory));
    const [mia, jonas, sara] = [d.person('Mia Holm'), d.person('Jonas Berg'), d.person('Sara Lund')];
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, sara]);

    const first = await startCheckin(d, nord, 1);
    for (const person of [jonas, sara]) {
      shared(mark(`SINCE${person.name.split(' ')[0]!.toUpperCase()}`), nord);
      await answer(d, person, first, { answer: `En uge med ${mark(`SINCE${person.name.split(' ')[0]!.toUpperCase()}`)}` });
    }
    const closing = await openTakeaway(d, nord, 1);
    for (const [person, share] of [
      [jonas, false],
      [mia, false],
      [sara, true],
    ] as const) {
      const marker = mark(`TAKE${person.name.split(' ')[0]!.toUpperCase()}`);
      if (share) shared(marker, nord);
      else personal(marker, person);
      await answer(d, person, closing, { answer: `Jeg tager ${marker} med`, share });
    }
    await closeCheckin(d, nord, 1);
    const second = await startCheckin(d, nord, 2);
    for (const person of [jonas, mia]) {
      await d.press(person, 'round.answer', second);
      await d.nextForm(person);
    }

    personal(mark('AGREESARA'), sara);
    await makePrivateAgreement(d, sara, nord, `Jeg holder ${mark('AGREESARA')}`);
    for (let step = 1; step <= 7; step++) personal(mark(`TOOLJONAS${step}`), jonas);
    await doTool(d, jonas, 1, (step) => `Mit svar ${mark(`TOOLJONAS${step}`)}`);

    await grantHr(d, mia, mia);
    await sendPoll(d, mia, nord, 'Puls Nord', 'tekst: Hvad fylder mest?\nenig: Jeg har overskud');
    for (const person of [mia, jonas, sara]) {
      const marker = mark(`POLL${person.name.split(' ')[0]!.toUpperCase()}`);
      nobodys(marker);
      await d.press(person, 'poll.answer', await shownTo(d, person, 'Puls Nord', 'poll.answer'));
      const form = await d.nextForm(person);
      await d.submit(person, form, { q0: `Det fylder: ${marker}`, q1: form.fields.find((f) => f.id === 'q1')!.options[3]!.value });
    }

    if (factory.workspaces > 1) {
      const [nora, peter, rikke] = [d.person('Nora Vik'), d.person('Peter Dahl'), d.person('Rikke Lind')];
      vest = await d.createGroup(nora, 'Ledergruppen Vest', [peter, rikke]);
      const round = await startCheckin(d, vest, 1);
      shared(mark('SINCERIKKE'), vest);
      await answer(d, rikke, round, { answer: `Travlt, ${mark('SINCERIKKE')}` });
      const take = await openTakeaway(d, vest, 1);
      personal(mark('TAKEPETER'), peter);
      await answer(d, peter, take, { answer: `Jeg tager ${mark('TAKEPETER')} med`, share: false });
      await closeCheckin(d, vest, 1);
      await d.say(peter, 'overblik', vest);
    }

    // A week on: the poll closes (HR looks at the results and the CSV), Sara's follow-up arrives.
    await d.runUntil('2026-12-01T00:00:00Z');
    const closed = await shownTo(d, mia, 'Puls Nord', 'poll.results');
    await d.press(mia, 'poll.results', closed);
    await shownTo(d, mia, 'Resultater');
    await d.press(mia, { action: 'poll.csv', value: closed.buttons.find((b) => b.action === 'poll.results')!.value }, 'private');
    await shownTo(d, sara, 'Opfølgning på din aftale');

    for (const person of [mia, jonas, sara]) await d.say(person, 'overblik', 'private');
    await d.say(jonas, 'overblik', nord);
    await d.say(sara, 'aftaler', nord);
    await d.say(mia, 'deltagelse', nord);
  }, 240_000);
  afterAll(async () => d?.close());

  /** Every place a marker of `kind` was shown that it does not belong. */
  async function leaks(kind: RegExp): Promise<string[]> {
    const found: string[] = [];
    const markers = [...owners].filter(([marker]) => kind.test(marker));
    for (const person of d.people) {
      const seen = await d.seenBy(person);
      for (const [marker, owner] of markers) {
        if (owner.people.includes(person)) continue;
        for (const s of seen.filter((x) => x.text.includes(marker))) found.push(`${marker} shown to ${person.name} (${s.where})`);
      }
    }
    for (const group of [nord, ...(vest ? [vest] : [])]) {
      const seen = await d.seenInGroup(group);
      for (const [marker, owner] of markers) if (!owner.groups.includes(group) && seen.some((s) => s.text.includes(marker))) found.push(`${marker} shown in ${group.name}`);
    }
    return found;
  }

  it('was seen where it belongs (the sweep looks where people look)', async () => {
    const jonas = d.person('Jonas Berg');
    const seen = (await d.seenBy(jonas)).map((s) => s.text).join('\n');
    for (const marker of [mark('TAKEJONAS'), mark('TOOLJONAS2'), mark('SINCESARA'), mark('TAKESARA')]) expect(seen, marker).toContain(marker);
    expect((await d.seenBy(d.person('Sara Lund'))).some((s) => s.text.includes(mark('AGREESARA')))).toBe(true);
  });

  it('shows what is shared with a group to that group and its members only', async () => {
    expect(await leaks(/SINCE|TAKESARA/)).toEqual([]);
  });

  it('shows a private takeaway only to its author', async () => {
    expect(await leaks(/TAKE(JONAS|MIA|PETER)/)).toEqual([]);
  });

  it("shows a private agreement and a guided tool's answers only to their author", async () => {
    expect(await leaks(/AGREE|TOOL/)).toEqual([]);
  });

  it('never shows the free text of a poll with fewer respondents than the free-text threshold', async () => {
    expect(await leaks(/POLL/)).toEqual([]);
  });

  it('shows the other workspace nothing of this one', async () => {
    const others = d.people.filter((p) => p.workspace === 1);
    const found: string[] = [];
    for (const person of others) {
      for (const s of await d.seenBy(person)) for (const [marker, owner] of owners) if (!owner.people.includes(person) && s.text.includes(marker)) found.push(`${marker} shown to ${person.name}`);
    }
    expect(found).toEqual([]);
  });
});
