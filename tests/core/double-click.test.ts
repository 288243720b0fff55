// A facilitator who presses "Afslut tjek-ind" twice (or two facilitators at once) gets one
// summary in the group, not two; the second press is told there is no open check-in.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGroup, direct, latestRound, openHarness, shown, type Harness } from './flow-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

it('two presses of "close" post one summary', async () => {
  const { place } = await createGroup(h, 'Nord', 'da', ['bo']);
  await h.say('anna', 'tjekind start', place);
  await h.submit('bo', 'round.answer', latestRound(h, place).roundId, { answer: 'Travlt' }, direct('bo'));
  const replies = await Promise.all([h.say('anna', 'tjekind afslut', place), h.say('anna', 'tjekind afslut', place)]);
  const texts = replies.map(shown).sort();
  expect(texts.filter((t) => t.includes('Tjek-ind #1 er afsluttet'))).toHaveLength(1);
  expect(texts.filter((t) => t.includes('Der er ingen åben tjek-ind'))).toHaveLength(1);
  expect(h.deliverer.textIn(place.conversationId).filter((t) => t.startsWith('Tjek-ind #1 er afsluttet'))).toHaveLength(1);
});

it('two presses of "start the closing round" open one closing round', async () => {
  const { place } = await createGroup(h, 'Syd', 'da', ['bo']);
  await h.say('anna', 'tjekind start', place);
  const replies = await Promise.all([h.say('anna', 'tjekind afrunding', place), h.say('anna', 'tjekind afrunding', place)]);
  expect(replies.map(shown).filter((t) => t.includes('Afrundingen er allerede i gang'))).toHaveLength(1);
  expect(h.deliverer.textIn(place.conversationId).filter((t) => t.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?'))).toHaveLength(1);
});

it('"start the closing round" pressed the moment the first round shows waits for its opening, then opens', async () => {
  const { place } = await createGroup(h, 'Vest', 'da', ['bo']);
  const post = h.deliverer.post.bind(h.deliverer);
  let closing: ReturnType<Harness['say']> | undefined;
  // The press lands while the first round's reminders are still being planned.
  h.deliverer.post = async (to, message, options) => {
    const ref = await post(to, message, options);
    if (message.text.startsWith('Tjek-ind #1 · Siden sidst')) closing ??= h.say('anna', 'tjekind afrunding', place);
    return ref;
  };
  await h.say('anna', 'tjekind start', place);
  expect(closing).toBeDefined();
  expect(shown((await closing)!)).toContain('Afrundingen er startet');
  expect(h.deliverer.textIn(place.conversationId).filter((t) => t.startsWith('Tjek-ind #1 · Hvad tager jeg med mig?'))).toHaveLength(1);
});
