// Scenario 3: Lederrum installed in two workspaces side by side (two Slack teams through OAuth,
// two Teams tenants). The people, groups, polls and roles of one are invisible to the other: in
// group and people pickers, `hr` lists, a poll's audience and `målinger`. The playground is one
// workspace, so it has no second one to keep apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person, ShownForm } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { castFor, grantHr, hrHolders, sendPoll, since, textOf, whereShown } from './steps.ts';

describe.each(drivers.filter((f) => f.workspaces > 1))('on $platform: two workspaces side by side', (factory) => {
  let d: Driver;
  let nord: Group, vest: Group;
  let mia: Person, jonas: Person, sara: Person, nora: Person, peter: Person, rikke: Person;
  let vestId = '';

  /** Says something in the person's own chat and hands back the form it opened. */
  async function formFrom(person: Person, command: string): Promise<ShownForm> {
    await d.say(person, command, 'private');
    return d.nextForm(person);
  }
  const labels = (form: ShownForm, field: string) => form.fields.find((f) => f.id === field)?.options.map((o) => o.label) ?? [];

  beforeAll(async () => {
    d = await factory.start(castFor(factory));
    [mia, jonas, sara] = [d.person('Mia Holm'), d.person('Jonas Berg'), d.person('Sara Lund')];
    [nora, peter, rikke] = [d.person('Nora Vik'), d.person('Peter Dahl'), d.person('Rikke Lind')];
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, sara]);
    vest = await d.createGroup(nora, 'Ledergruppen Vest', [peter, rikke]);
    await grantHr(d, mia, mia);
    await grantHr(d, nora, nora);
    await sendPoll(d, mia, nord, 'Trivsel Nord', 'tekst: Hvad fylder?');
    await sendPoll(d, nora, vest, 'Trivsel Vest', 'tekst: Hvad fylder?');
    vestId = (await formFrom(nora, 'måling')).fields.find((f) => f.id === 'audience')!.options.find((o) => o.label === vest.name)!.value;
  }, 90_000);
  afterAll(async () => d?.close());

  it("offers HR only their own workspace's groups and earlier polls in the poll form", async () => {
    const form = await formFrom(mia, 'måling');
    expect(labels(form, 'audience')).toContain(nord.name);
    expect(labels(form, 'audience')).not.toContain(vest.name);
    expect(form.text.includes('Trivsel Vest'), 'Trivsel Vest among earlier polls').toBe(false);
  });

  it("lists only the workspace's own polls in `målinger`", async () => {
    const before = await d.seenBy(mia);
    await d.say(mia, 'målinger', 'private');
    const reply = textOf(since(before, await d.seenBy(mia)));
    expect(reply).toContain('Trivsel Nord');
    expect(reply.includes('Trivsel Vest'), 'Trivsel Vest listed').toBe(false);
  });

  it("names only the workspace's own HR in `hr`", async () => {
    const holders = await hrHolders(d, jonas);
    expect(holders).toContain('Mia Holm');
    expect(holders).not.toContain('Nora Vik');
  });

  it("offers only the workspace's own people and groups in pickers", async () => {
    const group = await formFrom(mia, 'gruppe opret');
    for (const name of ['Nora Vik', 'Peter Dahl', 'Rikke Lind']) expect(group.text.includes(name), `${name} offered`).toBe(false);
    expect(labels(await formFrom(jonas, 'aftale'), 'group')).not.toContain(vest.name);
  });

  it('refuses an admin of one workspace granting HR to a person of the other', async () => {
    const before = await d.seenBy(mia);
    await d.say(mia, `hr tildel ${peter.name}`, 'private');
    expect(whereShown(since(before, await d.seenBy(mia)), 'har nu HR-rollen')).toEqual([]);
    expect(await hrHolders(d, nora)).not.toContain('Peter Dahl');
  });

  it("sends a poll only to its own workspace: the other workspace's group is refused as an audience", async () => {
    const form = await formFrom(mia, 'måling');
    const before = await d.seenBy(mia);
    await d.submit(mia, form, { title: 'Over muren', template: 'who5', audience: [vestId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3' });
    expect(whereShown(since(before, await d.seenBy(mia)), '«Over muren» går til')).toEqual([]);
    for (const person of [nora, peter, rikke]) expect(whereShown(await d.seenBy(person), 'Over muren'), person.name).toEqual([]);
  });

  it("keeps each poll's invitations inside its workspace", async () => {
    const invitations = async (person: Person, title: string) => (await d.seenBy(person)).filter((s) => s.text.includes(title) && s.buttons.some((b) => b.action === 'poll.answer'));
    expect(await invitations(peter, 'Trivsel Vest')).not.toEqual([]);
    expect(await invitations(jonas, 'Trivsel Nord')).not.toEqual([]);
    for (const person of [mia, jonas, sara]) expect((await invitations(person, 'Trivsel Vest')).length, person.name).toBe(0);
    for (const person of [nora, peter, rikke]) expect((await invitations(person, 'Trivsel Nord')).length, person.name).toBe(0);
  });
});
