// "mine data" in the core, on a deliverer that cannot send files and with no public address: the
// summary still comes (privately, as the reply), says downloads need PUBLIC_URL and offers no
// button; the file button refuses a value naming someone else and, pressed rightly, says files
// cannot be sent here. Nothing is posted to the group. Someone with nothing stored is told so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MY_DATA_ACTIONS } from '../../src/core/people/my-data.ts';
import { buttonsOf, createGroup, direct, openHarness, quickCheckin, shown, type Harness } from './flow-harness.ts';
import type { Place } from '../../src/core/model/events.ts';

let h: Harness;
let place: Place;
beforeAll(async () => {
  h = await openHarness();
  ({ place } = await createGroup(h, 'Ledergruppen', 'da', ['bo', 'carl']));
  await quickCheckin(h, place, { bo: 'Quokka-Bos travle uge', carl: 'Carls-egne-ord' });
}, 60_000);
afterAll(async () => h?.close());

describe('my data in the core', () => {
  it('answers Bo privately with counts, says downloads need PUBLIC_URL, and posts nothing', async () => {
    const posts = h.deliverer.posts.length;
    const reply = await h.say('bo', 'mine data', place);
    expect(reply).toMatchObject({ kind: 'message', keepNoCopy: true });
    const text = shown(reply);
    expect(text).toContain('Dine data i Lederrum');
    expect(text).toContain('Svar i runden "Siden sidst": 1');
    expect(text).toContain('Grupper og din rolle i dem: 1');
    expect(text).toContain('PUBLIC_URL');
    expect(text).not.toContain('Quokka');
    expect(text).not.toContain('Carls-egne-ord');
    expect(reply.kind === 'message' && buttonsOf(reply.message)).toEqual([]);
    expect(h.deliverer.posts).toHaveLength(posts);
    expect(h.deliverer.privates.filter((p) => shown({ kind: 'message', message: p.message }).includes('Dine data'))).toEqual([]);
  });

  it("speaks the person's own language, and counts the language they chose as a setting of theirs", async () => {
    await h.say('carl', 'language en', direct('carl'));
    const text = shown(await h.say('carl', 'my data', place));
    expect(text).toContain('Your data in Lederrum');
    expect(text).toContain('Settings you chose');
  });

  it('refuses a file button naming someone else, and says files cannot be sent here', async () => {
    const carl = await h.person('carl');
    const bo = await h.person('bo');
    const forged = shown(await h.press('bo', MY_DATA_ACTIONS.file, carl.id, direct('bo')));
    expect(forged).toContain('ikke din');
    expect(forged).not.toContain('Carls-egne-ord');
    expect(shown(await h.press('bo', MY_DATA_ACTIONS.file, bo.id, direct('bo')))).toContain('Brug linkene i stedet');
  });

  it('tells someone with nothing stored so', async () => {
    expect(shown(await h.say('dorte', 'mine data', direct('dorte')))).toContain('Lederrum gemmer intet om dig');
  });
});
