// Scenario 2: a reply meant for one person (`overblik`, `aftaler`), asked for in the group when
// the person has no private route. On Teams the member removed Lederrum from their personal scope,
// so there is no personal chat and none can be created; Slack and the playground always have one,
// so there the reply must be only-you. Either way the group sees at most a content-free pointer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { answer, castFor, closeCheckin, makePrivateAgreement, openTakeaway, since, startCheckin, whereShown } from './steps.ts';

const TAKEAWAY = 'Gå hjem ZQOVERVIEWTAKEAWAYQZ';
const AGREEMENT = 'Frokost væk fra skærmen ZQOVERVIEWAGREEMENTQZ';

describe.each(drivers)('on $platform: a personal reply asked for in the group', (factory) => {
  let d: Driver;
  let nord: Group;
  let mia: Person, jonas: Person, sara: Person;
  let lost = false;

  beforeAll(async () => {
    d = await factory.start(castFor(factory));
    [mia, jonas, sara] = [d.person('Mia Holm'), d.person('Jonas Berg'), d.person('Sara Lund')];
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, sara]);
    await startCheckin(d, nord, 1);
    const closing = await openTakeaway(d, nord, 1);
    await answer(d, jonas, closing, { answer: TAKEAWAY, share: false });
    await closeCheckin(d, nord, 1);
    await makePrivateAgreement(d, jonas, nord, AGREEMENT);
    lost = await d.losePrivateRoute(jonas);
  }, 60_000);
  afterAll(async () => d?.close());

  for (const [command, secret] of [
    ['overblik', TAKEAWAY],
    ['aftaler', AGREEMENT],
  ] as const) {
    it(`\`${command}\`: the group sees at most a pointer, never the reply`, async () => {
      const groupBefore = await d.seenInGroup(nord);
      const jonasBefore = await d.seenBy(jonas);
      await d.say(jonas, command, nord);

      const toGroup = since(groupBefore, await d.seenInGroup(nord));
      expect(toGroup.length).toBeLessThanOrEqual(1);
      expect(whereShown(toGroup, secret)).toEqual([]);
      for (const person of [mia, sara]) expect(whereShown(await d.seenBy(person), secret), person.name).toEqual([]);
      if (!lost) {
        // A private route exists: the whole reply reaches Jonas, and only him.
        const toJonas = since(jonasBefore, await d.seenBy(jonas)).filter((s) => s.text.includes(secret));
        expect(toJonas.length).toBeGreaterThan(0);
        expect(toJonas.every((s) => s.where !== 'group')).toBe(true);
      }
    });
  }
});
