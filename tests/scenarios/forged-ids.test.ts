// Scenario 4: ids in buttons and forms are the client's to forge. Jonas (in Ledergruppen Nord)
// sends another group's round, follow-up and agreement ids, another member's agreement, his own
// tool into a group he is not in, a poll he was not invited to, and ids that exist nowhere. Each
// is refused with a message to him alone, and nothing anyone else sees, or anything saved, changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person, Shown } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { castFor, doTool, grantHr, makePrivateAgreement, optionOf, sendPoll, shownInGroup, shownTo, since, startCheckin, textOf } from './steps.ts';

const SARAS = 'Sara går en tur ZQSARAAGREEMENTQZ';
const SYDS = 'Vi holder fri fredag ZQSYDAGREEMENTQZ';
const FORGED = 'ZQFORGEDQZ';
const NOWHERE = '8d0c6c2e-4a5b-4f3e-9c1d-000000000000';

describe.each(drivers)('on $platform: forged ids in buttons and forms', (factory) => {
  let d: Driver;
  let nord: Group, syd: Group;
  let mia: Person, jonas: Person, sara: Person, ole: Person;
  const ids = { sydRound: '', sydFollowUp: '', jonasFollowUp: '', sarasFollowUp: '', session: '', sydPoll: '' };
  let nordRound: Shown, jonasFollowUpMessage: Shown;

  const value = (shown: Shown, action: string) => shown.buttons.find((b) => b.action === action)!.value;

  beforeAll(async () => {
    d = await factory.start(castFor(factory, { a: [{ name: 'Emil Krog' }, { name: 'Frida Holt' }] }));
    [mia, jonas, sara, ole] = [d.person('Mia Holm'), d.person('Jonas Berg'), d.person('Sara Lund'), d.person('Ole Udenfor')];
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, sara]);
    syd = await d.createGroup(ole, 'Ledergruppen Syd', [d.person('Emil Krog'), d.person('Frida Holt')]);
    await makePrivateAgreement(d, jonas, nord, 'Jonas holder pauser');
    await makePrivateAgreement(d, sara, nord, SARAS);
    await d.say(ole, 'aftale gruppe', syd);
    const form = await d.nextForm(ole);
    await d.submit(ole, form, { kind: 'group', text: SYDS, group: optionOf(form, 'group', syd.name), visibility: 'group', follow_up: 'om 1 uge' });
    await doTool(d, jonas, 1, (step) => `Trin ${step}: mere luft i kalenderen`);
    ids.session = value(await shownTo(d, jonas, '', 'tool.share'), 'tool.share');
    await grantHr(d, mia, mia);
    await sendPoll(d, mia, syd, 'Syd puls', 'tekst: Hvad fylder?');
    ids.sydPoll = value(await shownTo(d, ole, 'Syd puls', 'poll.answer'), 'poll.answer');
    await d.runUntil('2026-11-30T12:00:00Z');
    ids.sydFollowUp = value(await shownInGroup(d, syd, SYDS, 'agreement.kept'), 'agreement.kept');
    jonasFollowUpMessage = await shownTo(d, jonas, 'Opfølgning på din aftale', 'agreement.kept');
    ids.jonasFollowUp = value(jonasFollowUpMessage, 'agreement.kept');
    ids.sarasFollowUp = value(await shownTo(d, sara, 'Opfølgning på din aftale', 'agreement.kept'), 'agreement.kept');
    ids.sydRound = value(await startCheckin(d, syd, 1), 'round.answer');
    nordRound = await startCheckin(d, nord, 1);
  }, 120_000);
  afterAll(async () => d?.close());

  /** Runs the forgery; Jonas alone is told something (not `success`), and no group or other person is shown anything. */
  async function refusedQuietly(forge: () => Promise<void>, success?: string): Promise<void> {
    const watched = d.people.filter((p) => p !== jonas && p.workspace === 0);
    const before = { jonas: await d.seenBy(jonas), groups: [await d.seenInGroup(nord), await d.seenInGroup(syd)], others: await Promise.all(watched.map((p) => d.seenBy(p))) };
    await forge();
    const told = since(before.jonas, await d.seenBy(jonas));
    expect(textOf(since(before.groups[0]!, await d.seenInGroup(nord))), 'shown in Nord').toBe('');
    expect(textOf(since(before.groups[1]!, await d.seenInGroup(syd))), 'shown in Syd').toBe('');
    for (const [i, person] of watched.entries()) expect(textOf(since(before.others[i]!, await d.seenBy(person))), `shown to ${person.name}`).toBe('');
    expect(told.filter((s) => s.where !== 'group').length, 'a refusal to Jonas alone').toBeGreaterThan(0);
    if (success) expect(textOf(told).includes(success), `Jonas told "${success}"`).toBe(false);
  }

  it("refuses another group's round in the Answer button", async () => {
    await refusedQuietly(() => d.press(jonas, { action: 'round.answer', value: ids.sydRound }, 'private'));
  });

  it("refuses another group's round as the answer form's state", async () => {
    await d.press(jonas, 'round.answer', nordRound);
    const form = await d.nextForm(jonas);
    await refusedQuietly(() => d.submit(jonas, { ...form, state: ids.sydRound }, { answer: FORGED }), 'Gemt');
  });

  it("refuses another member's private agreement, in a button and in the adjust form", async () => {
    await refusedQuietly(() => d.press(jonas, { action: 'agreement.kept', value: ids.sarasFollowUp }, 'private'), 'noteret som holdt');
    await d.press(jonas, 'agreement.adjust', jonasFollowUpMessage);
    const form = await d.nextForm(jonas);
    await refusedQuietly(() => d.submit(jonas, { ...form, state: ids.sarasFollowUp }, { text: FORGED }), 'justeret');
  });

  it("refuses another group's follow-up behind his own agreement", async () => {
    const [own] = ids.jonasFollowUp.split('/');
    const [, theirs] = ids.sydFollowUp.split('/');
    await refusedQuietly(() => d.press(jonas, { action: 'agreement.kept', value: `${own}/${theirs}` }, 'private'), 'noteret som holdt');
  });

  it('refuses sharing his tool into a group he is not in', async () => {
    await refusedQuietly(() => d.press(jonas, { action: 'tool.share', value: ids.session }, syd), 'er delt med');
  });

  it('refuses a poll he was not invited to', async () => {
    await refusedQuietly(() => d.press(jonas, { action: 'poll.answer', value: ids.sydPoll }, 'private'));
  });

  it('refuses ids that exist nowhere', async () => {
    for (const [action, forged] of [
      ['round.answer', NOWHERE],
      ['round.pass', NOWHERE],
      ['agreement.kept', `${NOWHERE}/${NOWHERE}`],
      ['agreement.make', `takeaway:${NOWHERE}`],
      ['poll.answer', NOWHERE],
      ['poll.results', NOWHERE],
    ] as const) {
      await refusedQuietly(() => d.press(jonas, { action, value: forged }, 'private'));
    }
  });

  it("has changed nothing saved: the group follow-up is still open, Sara's agreement is as she wrote it", async () => {
    const before = await d.seenBy(ole);
    await d.press(ole, 'agreement.kept', await shownInGroup(d, syd, SYDS, 'agreement.kept'));
    expect(textOf(since(before, await d.seenBy(ole)))).toContain('noteret som holdt');
    const sarasBefore = await d.seenBy(sara);
    await d.say(sara, 'aftaler', 'private');
    const list = textOf(since(sarasBefore, await d.seenBy(sara)));
    expect(list).toContain(SARAS);
    expect(list.includes(FORGED), 'the forged text saved').toBe(false);
    expect(textOf(await d.seenInGroup(syd)).includes(FORGED), 'the forged answer in Syd').toBe(false);
  });
});
