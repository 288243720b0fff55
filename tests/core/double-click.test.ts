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
