// Scenario 5: roles are granted to a person, not a name. Two people are called Carl Jensen; the
// admin writes `hr tildel Carl Jensen`. The admin alone is told who the candidates are, and
// neither Carl gets the role (or hears of it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { castFor, hrHolders, since, textOf } from './steps.ts';

const CARL = 'Carl Jensen';

describe.each(drivers)('on $platform: a role granted by an ambiguous name', (factory) => {
  let d: Driver;
  let nord: Group;
  let mia: Person, jonas: Person;
  let carls: Person[];

  beforeAll(async () => {
    d = await factory.start(castFor(factory, { a: [{ name: CARL }, { name: CARL }] }));
    [mia, jonas] = [d.person('Mia Holm'), d.person('Jonas Berg')];
    carls = d.people.filter((p) => p.name === CARL);
    // In a group, so Lederrum knows both of them.
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, ...carls]);
  }, 60_000);
  afterAll(async () => d?.close());

  it('is refused with the candidates, to the admin alone, and nobody gets the role', async () => {
    const before = { mia: await d.seenBy(mia), carls: await Promise.all(carls.map((c) => d.seenBy(c))), group: await d.seenInGroup(nord) };
    await d.say(mia, `hr tildel ${CARL}`, 'private');

    const told = since(before.mia, await d.seenBy(mia));
    const reply = textOf(told);
    expect(reply.includes('har nu HR-rollen'), 'granted').toBe(false);
    expect(told.every((s) => s.where !== 'group')).toBe(true);
    // Each candidate is named: by the platform's own reference to that person, or the name once per candidate.
    const byReference = carls.every((c) => d.mention(c) !== c.name && reply.includes(d.mention(c)) && carls.every((o) => o === c || d.mention(o) !== d.mention(c)));
    expect(byReference || reply.split(CARL).length - 1 >= carls.length, `both candidates named in: ${reply.slice(0, 300)}`).toBe(true);

    expect(textOf(since(before.group, await d.seenInGroup(nord))), 'shown in the group').toBe('');
    for (const [i, carl] of carls.entries()) expect(textOf(since(before.carls[i]!, await d.seenBy(carl))).includes('HR'), `${carl.name} #${i + 1} told of HR`).toBe(false);
    expect(await hrHolders(d, jonas)).not.toContain(CARL);
  });
});
