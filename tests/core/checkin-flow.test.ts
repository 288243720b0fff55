// The check-in use cases end to end through createLederrum: real PGlite store, a manual
// clock, a recording deliverer. Each test starts from an empty database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, createGroup, direct, latestRound, openHarness, quickCheckin, shown, type Harness } from './flow-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const everythingPosted = () => h.deliverer.posts.map((p) => `${p.message.text}\n${JSON.stringify(p.message.blocks)}`).join('\n');

describe('a Danish check-in, from group creation to the next Siden sidst', () => {
  it('runs both rounds, keeps private takeaways private and shows them back to their author', async () => {
    // — Anna creates the group from her private chat; the bot makes the conversation.
    const { place, reply: created } = await createGroup(h, 'Ledergruppen Nord', 'da', ['bo', 'carl']);
    expect(shown(created)).toContain('Gruppen Ledergruppen Nord er oprettet, og du er facilitator');
    const group = (await h.store.findGroupByConversation('playground', place.conversationId))!;
    const roles = (await h.store.memberships(group.id)).map((m) => `${m.person.displayName}:${m.role}`);
    expect(roles).toEqual(['Anna:facilitator', 'Bo:member', 'Carl:member']);
    expect(h.deliverer.textIn(place.conversationId).join('\n')).toContain('Velkommen til Ledergruppen Nord');

    // — Anna opens Siden sidst in the group.
    expect(shown(await h.say('anna', 'tjekind start', place))).toContain('Tjek-ind #1 er startet');
    const since = latestRound(h, place);
    expect(since.post.message.blocks[0]).toEqual({ type: 'header', text: 'Tjek-ind #1 · Siden sidst' });
    expect(shown(await h.say('anna', 'tjekind start', place))).toContain('Tjek-ind #1 er stadig åben');

    // — Bo answers in his private form; the answer appears in the round's thread.
    const form = await h.press('bo', 'round.answer', since.roundId, place);
    expect(form.kind).toBe('form');
    expect(form.kind === 'form' && form.form.id).toBe('round.answer');
    expect(shown(await h.submit('bo', 'round.answer', since.roundId, { answer: 'En travl uge med budgetter.' }, direct('bo')))).toContain('Tak – dit svar står i tråden.');
    const [boReply] = h.deliverer.threadOf(since.post.ref);
    expect(boReply?.message.text).toBe('Bo: En travl uge med budgetter.');

    // — Carl passes; that is a legitimate answer, shown as such.
    expect(shown(await h.press('carl', 'round.pass', since.roundId, place))).toContain('Du har meldt pas');
    expect(h.deliverer.threadOf(since.post.ref).map((p) => p.message.text)).toEqual(['Bo: En travl uge med budgetter.', 'Carl melder pas denne gang.']);

    // — Bo edits his answer: the same thread reply changes, nothing new is posted.
    const postsBefore = h.deliverer.posts.length;
    expect(shown(await h.submit('bo', 'round.answer', since.roundId, { answer: 'En travl, men god uge.' }, direct('bo')))).toContain('Dit svar er rettet');
    expect(h.deliverer.posts.length).toBe(postsBefore);
    expect(shown({ kind: 'message', message: boReply!.message })).toContain('En travl, men god uge.');
    expect(shown({ kind: 'message', message: boReply!.message })).toContain('(rettet)');

    // — Dorte is not in the group; Bo is not its facilitator.
    expect(shown(await h.press('dorte', 'round.answer', since.roundId, place))).toContain('Du er ikke med i Ledergruppen Nord');
    expect(shown(await h.say('bo', 'tjekind afrunding', place))).toContain('Det kan kun gruppens facilitator gøre (Anna)');

    // — Anna opens the closing round; Siden sidst closes and loses its buttons.
    expect(shown(await h.say('anna', 'tjekind afrunding', place))).toContain('Afrundingen er startet');
    const takeAway = latestRound(h, place);
    expect(takeAway.post.message.blocks[0]).toEqual({ type: 'header', text: 'Tjek-ind #1 · Hvad tager jeg med mig?' });
    expect(buttonsOf(since.post.message)).toEqual([]);
    expect(since.post.message.blocks).toContainEqual({ type: 'context', text: 'Runden er lukket.' });
    const late = await h.submit('bo', 'round.answer', since.roundId, { answer: 'For sent' }, direct('bo'));
    expect(late.kind).toBe('form_errors');
    expect(late.kind === 'form_errors' && late.errors['answer']).toContain('lukket');

    // — Bo keeps his takeaway private, Carl shares his.
    const boPrivate = 'Jeg vil sige nej til fredagsmøderne';
    expect(shown(await h.submit('bo', 'round.answer', takeAway.roundId, { answer: boPrivate, share: false }, direct('bo')))).toContain('kun til dig');
    await h.submit('carl', 'round.answer', takeAway.roundId, { answer: 'Fem minutters luft mellem møderne', share: true }, direct('carl'));
    expect(h.deliverer.threadOf(takeAway.post.ref).map((p) => p.message.text)).toEqual(['Bo har taget noget med sig (privat).', 'Carl: Fem minutters luft mellem møderne']);

    // — Anna closes: the summary names who took part and only what was shared.
    expect(shown(await h.say('anna', 'tjekind afslut', place))).toContain('Tjek-ind #1 er afsluttet');
    const summary = h.deliverer.posts.at(-1)!;
    expect(summary.conversationId).toBe(place.conversationId);
    expect(summary.message.text).toContain('Med i dag (2 af 3): Bo og Carl');
    expect(summary.message.text).toContain('Carl: Fem minutters luft mellem møderne');
    expect(summary.message.text).not.toContain('Anna');
    expect(buttonsOf(takeAway.post.message)).toEqual([]);
    expect(everythingPosted()).not.toContain(boPrivate);
    expect(JSON.stringify(h.deliverer.privates)).not.toContain(boPrivate);

    // — Next check-in: Bo sees his own takeaway in his form; Carl does not see Bo's.
    await h.say('anna', 'tjekind start', place);
    const next = latestRound(h, place);
    expect(next.post.message.blocks[0]).toEqual({ type: 'header', text: 'Tjek-ind #2 · Siden sidst' });
    const boForm = await h.press('bo', 'round.answer', next.roundId, place);
    expect(boForm.kind === 'form' && boForm.form.intro).toContainEqual({
      type: 'section',
      title: 'Det tog du med dig sidst (kun du kan se det)',
      text: boPrivate,
    });
    const carlForm = shown(await h.press('carl', 'round.answer', next.roundId, place));
    expect(carlForm).not.toContain(boPrivate);
    expect(carlForm).toContain('Fem minutters luft mellem møderne');
  });
});

describe('answers that cannot be saved', () => {
  it('keeps the form open with a message on the answer field and posts nothing', async () => {
    const { place } = await createGroup(h, 'Ledergruppen Syd', 'da', ['bo']);
    await h.say('anna', 'tjekind start', place);
    const { post, roundId } = latestRound(h, place);
    const empty = await h.submit('bo', 'round.answer', roundId, { answer: '   ' }, direct('bo'));
    expect(empty).toEqual({ kind: 'form_errors', errors: { answer: expect.stringContaining('Skriv et svar') } });
    const long = await h.submit('bo', 'round.answer', roundId, { answer: 'x'.repeat(3001) }, direct('bo'));
    expect(long.kind).toBe('form_errors');
    expect(long.kind === 'form_errors' && long.errors['answer']).toContain('3.001 tegn');
    expect(h.deliverer.threadOf(post.ref)).toEqual([]);
    expect((await h.store.roundContext(roundId, (await h.person('bo')).id))?.answer).toBeNull();
  });
});

describe('commands', () => {
  it('answers an unknown command with what it did not understand, then the help', async () => {
    const reply = await h.say('bo', 'lav kaffe', direct('bo'));
    expect(reply.kind).toBe('message');
    const text = reply.kind === 'message' ? reply.message.text : '';
    expect(text.startsWith('Den kommando kender jeg ikke: “lav kaffe”.')).toBe(true);
    expect(text).toContain('`tjekind start` – åbn runden Siden sidst');
  });
});

describe('an English group', () => {
  it('uses the same round wording in two consecutive check-ins', async () => {
    const { place } = await createGroup(h, 'Leaders North', 'en', ['bo']);
    const roundTexts: string[] = [];
    for (const sequence of [1, 2]) {
      expect(shown(await h.say('anna', 'checkin start', place))).toContain(`Check-in #${sequence} has started`);
      const since = latestRound(h, place);
      const form = await h.press('bo', 'round.answer', since.roundId, place);
      await h.say('anna', 'checkin closing', place);
      const takeAway = latestRound(h, place);
      await h.say('anna', 'checkin close', place);
      expect(since.post.message.blocks[0]).toEqual({ type: 'header', text: `Check-in #${sequence} · Since last time` });
      expect(takeAway.post.message.blocks[0]).toEqual({ type: 'header', text: `Check-in #${sequence} · What do I take with me?` });
      roundTexts.push([since.post.message.text, takeAway.post.message.text, shown(form).replaceAll(since.roundId, 'ID')].join('\n'));
    }
    expect(roundTexts[1]).toBe(roundTexts[0]!.replaceAll('#1', '#2'));
    expect(roundTexts[0]).toContain('What has happened since last time');
    expect(roundTexts[0]).not.toMatch(/Siden sidst|Hvad tager/);
  });

  it("answers a member's mistakes in the group's language, not the bot's default", async () => {
    const { place } = await createGroup(h, 'Leaders South', 'en', ['bo']);
    expect(shown(await h.say('bo', 'checkin start', place))).toContain('Only the group’s facilitator can do that (Anna)');
    await h.say('anna', 'checkin start', place);
    const { roundId } = latestRound(h, place);
    const empty = await h.submit('bo', 'round.answer', roundId, { answer: '' }, direct('bo'));
    expect(empty).toEqual({ kind: 'form_errors', errors: { answer: 'Write an answer – or pass if you have nothing today.' } });
  });
});

describe("the facilitator's view of participation", () => {
  it('sends the facilitator one private heads-up after a second miss in a row, and none after a third', async () => {
    const { place } = await createGroup(h, 'Ledergruppen Øst', 'da', ['bo', 'carl']);
    await quickCheckin(h, place, { anna: 'Fint', bo: 'Godt' });
    expect(h.deliverer.privates).toEqual([]);
    await quickCheckin(h, place, { anna: 'Fint', bo: 'Godt' });
    expect(h.deliverer.privates).toHaveLength(1);
    const [headsUp] = h.deliverer.privates;
    expect(headsUp?.person.displayName).toBe('Anna');
    expect(headsUp?.message.text).toContain('Carl har ikke været med de seneste to tjek-ind i Ledergruppen Øst');
    await quickCheckin(h, place, { anna: 'Fint', bo: 'Godt' });
    expect(h.deliverer.privates).toHaveLength(1);
  });

  it('shows counts per member on "deltagelse", never what anyone wrote', async () => {
    const { place } = await createGroup(h, 'Ledergruppen Vest', 'da', ['bo', 'carl']);
    expect(shown(await h.say('anna', 'deltagelse', place))).toContain('ingen afsluttede tjek-ind');
    await quickCheckin(h, place, { anna: 'Annas ord', bo: 'Bos ord', carl: 'Carls ord' });
    await quickCheckin(h, place, { anna: 'Annas andet', bo: 'Bos andet' });
    const report = shown(await h.say('anna', 'deltagelse', place));
    expect(report).toContain('Deltagelse i Ledergruppen Vest – de seneste 2 tjek-ind');
    expect(report).toContain('Anna: med 2 af 2');
    expect(report).toContain('Bo: med 2 af 2');
    expect(report).toContain('Carl: med 1 af 2');
    expect(report).not.toMatch(/ord|andet/);
    expect(shown(await h.say('bo', 'deltagelse', place))).toContain('Det kan kun gruppens facilitator gøre');
  });
});

describe('when the store fails', () => {
  it("tells the person in their language that something went wrong on the bot's side and logs it", async () => {
    const { place } = await createGroup(h, 'Ledergruppen Midt', 'da', ['bo']);
    await h.say('anna', 'tjekind start', place);
    const { roundId } = latestRound(h, place);
    await h.close();
    const reply = await h.submit('bo', 'round.answer', roundId, { answer: 'Mine private tanker' }, direct('bo'));
    expect(reply.kind).toBe('message');
    expect(shown(reply)).toContain('Noget gik galt hos mig');
    const errors = h.logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toContain('Mine private tanker');
  });
});
