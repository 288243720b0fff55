// Scenario 1: what a member keeps private from "Hvad tager jeg med mig?" reaches only them — in
// their next "Siden sidst" form — and no other member, the group, or another workspace ever sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Group, Person } from './driver.ts';
import { drivers } from './drivers/index.ts';
import { answer, castFor, closeCheckin, openTakeaway, startCheckin, textOf, whereShown } from './steps.ts';

const PRIVATE = 'Sige nej til ZQPRIVTAKEAWAYQZ';
const SHARED = 'Fem minutters luft ZQSHAREDTAKEAWAYQZ';

describe.each(drivers)('on $platform: a private takeaway', (factory) => {
  let d: Driver;
  let nord: Group;
  let mia: Person, jonas: Person, sara: Person;

  beforeAll(async () => {
    d = await factory.start(castFor(factory));
    [mia, jonas, sara] = [d.person('Mia Holm'), d.person('Jonas Berg'), d.person('Sara Lund')];
    nord = await d.createGroup(mia, 'Ledergruppen Nord', [jonas, sara]);
  }, 60_000);
  afterAll(async () => d?.close());

  it('is shown to its author in the next "Siden sidst" form, and to no one else', async () => {
    const first = await startCheckin(d, nord, 1);
    await answer(d, jonas, first, { answer: 'En travl uge.' });
    const closing = await openTakeaway(d, nord, 1);
    await answer(d, jonas, closing, { answer: PRIVATE, share: false });
    await answer(d, sara, closing, { answer: SHARED, share: true });
    await closeCheckin(d, nord, 1);

    const next = await startCheckin(d, nord, 2);
    await d.press(jonas, 'round.answer', next);
    expect((await d.nextForm(jonas)).text).toContain(PRIVATE);
    await d.press(sara, 'round.answer', next);
    const sarasForm = (await d.nextForm(sara)).text;
    expect(sarasForm).toContain(SHARED);
    expect(sarasForm.includes(PRIVATE), "Jonas' takeaway in Sara's form").toBe(false);

    expect(textOf(await d.seenBy(jonas))).toContain(PRIVATE);
    expect(textOf(await d.seenInGroup(nord))).toContain(SHARED);
    expect(whereShown(await d.seenInGroup(nord), PRIVATE)).toEqual([]);
    const others = [mia, sara, d.person('Ole Udenfor'), ...(factory.workspaces > 1 ? [d.person('Nora Vik'), d.person('Peter Dahl')] : [])];
    for (const person of others) expect(whereShown(await d.seenBy(person), PRIVATE), person.name).toEqual([]);
  });
});
