// The facilitator's view of an open round (issue 20, point 2) through the core flow harness:
// names only, never content; a member is refused kindly; the one nudge goes only to those missing
// who take reminders, once per round however often (or however quickly) it is pressed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate.ts';
import type { Place } from '../../src/core/model/events.ts';
import { buttonsOf, createGroup, direct, latestRound, openHarness, shown, type Harness } from './flow-harness.ts';

const BO_SECRET = 'Bo-skriver-noget-fortroligt-om-budgettet';

let h: Harness;
let place: Place;
let roundId: string;

beforeEach(async () => {
  h = await openHarness();
  place = (await createGroup(h, 'Nord', 'da', ['bo', 'carl', 'dorte'])).place;
  await h.say('carl', 'påmindelser fra', direct('carl'));
  await h.say('dorte', 'sprog en', direct('dorte'));
  await h.say('anna', 'tjekind start', place);
  roundId = latestRound(h, place).roundId;
  await h.submit('bo', 'round.answer', roundId, { answer: BO_SECRET }, direct('bo'));
  await h.press('anna', 'round.pass', roundId, place);
});
afterEach(async () => h.close());

const privatesTo = async (who: 'anna' | 'bo' | 'carl' | 'dorte') => {
  const id = (await h.person(who)).id;
  return h.deliverer.privates.filter((p) => p.person.id === id);
};

describe("the facilitator's round view", () => {
  it('shows who answered, passed or is missing, by name only, from the button and from the command', async () => {
    const fromButton = await h.press('anna', 'round.status', roundId, place);
    const fromCommand = await h.say('anna', 'tjekind status', place);
    for (const reply of [fromButton, fromCommand]) {
      expect(reply.kind).toBe('message');
      const text = shown(reply);
      expect(text).toContain('Siden sidst · tjek-ind #1: hvem er med?');
      expect(text).toContain('Har svaret (1): Bo');
      expect(text).toContain('Har meldt pas (1): Anna');
      expect(text).toContain('Mangler endnu (2): Carl og Dorte');
      expect(text).toContain('Kun navne – aldrig hvad nogen har skrevet.');
      expect(text).not.toContain(BO_SECRET);
      expect(JSON.stringify(reply)).not.toContain(BO_SECRET);
      expect(reply.kind === 'message' && buttonsOf(reply.message).map((b) => b.action)).toEqual(['round.nudge']);
    }
    // A reply to the facilitator alone: nothing was posted in the group or sent to anyone.
    expect(h.deliverer.textIn(place.conversationId).join('\n')).not.toContain('hvem er med');
    expect(h.deliverer.privates).toEqual([]);
  });

  it('labels the facilitator’s buttons on the round message and marks them as theirs', async () => {
    const buttons = buttonsOf(latestRound(h, place).post.message);
    expect(buttons.map((b) => [b.label, b.forFacilitator ?? false])).toEqual([
      ['Svar', false],
      ['Meld pas', false],
      ['Start afrundingen (facilitator)', true],
      ['Hvem mangler? (facilitator)', true],
    ]);
  });

  it('refuses a member kindly, by button and by command, and tells no one anything', async () => {
    const pressed = await h.press('bo', 'round.status', roundId, place);
    expect(pressed.kind === 'message' && pressed.message.text).toBe('Den knap er til gruppens facilitator (Anna) – du behøver ikke gøre noget.');
    expect(shown(await h.say('bo', 'tjekind status', place))).toContain('Det kan kun gruppens facilitator gøre (Anna)');
    expect(shown(await h.press('bo', 'round.nudge', roundId, place))).toContain('Den knap er til gruppens facilitator (Anna)');
    expect(h.deliverer.privates).toEqual([]);
    expect((await h.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).nudgedAt).toBeNull();
  });

  it('nudges only those missing who take reminders, in their language, and only once for two presses', async () => {
    const first = await h.press('anna', 'round.nudge', roundId, direct('anna'));
    expect(shown(first)).toContain('En venlig påmindelse er på vej til Dorte.');
    expect(shown(first)).toContain('1 har slået påmindelser fra eller holder pause og får ingen.');
    const second = await h.press('anna', 'round.nudge', roundId, direct('anna'));
    expect(shown(second)).toContain('Rundens påmindelse er allerede sendt.');

    const [toDorte, ...more] = await privatesTo('dorte');
    expect(more).toEqual([]);
    expect(toDorte!.message.text).toBe('Anna sends a gentle reminder: the Since last time round in Nord is still open. Answer when it suits you – or pass. Either is quite all right.');
    expect(buttonsOf(toDorte!.message).map((b) => [b.action, b.value])).toEqual([
      ['round.answer', roundId],
      ['round.pass', roundId],
    ]);
    for (const who of ['anna', 'bo', 'carl'] as const) expect(await privatesTo(who)).toEqual([]);
    expect(JSON.stringify(h.deliverer.privates)).not.toContain(BO_SECRET);

    // The view now says the reminder went, and offers no second one.
    const after = await h.press('anna', 'round.status', roundId, place);
    expect(shown(after)).toContain('Rundens påmindelse er sendt.');
    expect(after.kind === 'message' && buttonsOf(after.message)).toEqual([]);
    // Dorte's scheduled reminder for the round does not come on top of it.
    const dorte = (await h.person('dorte')).id;
    await h.bot.runJob({ kind: 'nudge', subject: `${roundId}:${dorte}`, groupId: null, payload: { roundId, personId: dorte }, at: h.clock.now() });
    expect(await privatesTo('dorte')).toHaveLength(1);
  });

  it('sends one nudge when two presses arrive at once: the database decides, not the timing', async () => {
    const replies = await Promise.all([h.press('anna', 'round.nudge', roundId, place), h.press('anna', 'round.nudge', roundId, place)]);
    expect(replies.map(shown).filter((text) => text.includes('er på vej til Dorte'))).toHaveLength(1);
    expect(replies.map(shown).filter((text) => text.includes('allerede sendt'))).toHaveLength(1);
    expect(await privatesTo('dorte')).toHaveLength(1);
  });

  it('has no one to remind once everyone who takes reminders is in, and keeps the nudge for later', async () => {
    await h.press('dorte', 'round.pass', roundId, place);
    const view = await h.say('anna', 'tjekind status', place);
    expect(shown(view)).toContain('Mangler endnu (1): Carl');
    expect(shown(await h.press('anna', 'round.nudge', roundId, place))).toContain('Der er ingen at minde om');
    expect(h.deliverer.privates).toEqual([]);
    expect((await h.prisma.round.findUniqueOrThrow({ where: { id: roundId } })).nudgedAt).toBeNull();
  });

  it('refuses the view of a round that has closed, and follows the check-in into its closing round', async () => {
    await h.say('anna', 'tjekind afrunding', place);
    expect(shown(await h.press('anna', 'round.status', roundId, place))).toContain('Runden Siden sidst er lukket, så der er ingen at se efter');
    const view = await h.say('anna', 'tjekind status', place);
    expect(shown(view)).toContain('Hvad tager jeg med mig? · tjek-ind #1: hvem er med?');
    expect(shown(view)).toContain('Mangler endnu (4): Anna, Bo, Carl og Dorte');
    await h.say('anna', 'tjekind afslut', place);
    expect(shown(await h.say('anna', 'tjekind status', place))).toContain(translate('da', 'error.no_open_checkin'));
  });

  it("offers the view in the facilitator's own overview, and not in a member's", async () => {
    const anna = await h.say('anna', 'overblik', direct('anna'));
    const bo = await h.say('bo', 'overblik', direct('bo'));
    expect(anna.kind === 'message' && buttonsOf(anna.message).map((b) => b.action)).toEqual(['round.answer', 'round.pass', 'round.status']);
    expect(bo.kind === 'message' && buttonsOf(bo.message).map((b) => b.action)).toEqual(['round.answer', 'round.pass']);
  });
});
