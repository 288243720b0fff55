// Issue 20, point 4: a message speaks one language, the reader's. A person who chose English in
// a Danish group sees their overview in English only (buttons and participation included, no
// literal *markup*); a form speaks the language its content is written in, from its title to the
// platform's own Cancel/Close and "saved" note, on Slack, Teams and the playground alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formToHtml } from '../../adapters/playground/render.ts';
import { formModal } from '../../adapters/slack/render.ts';
import { savedCard } from '../../adapters/teams/render.ts';
import type { Form, Message, Reply } from '../../src/core/index.ts';
import { createGroup, direct, latestRound, openHarness, quickCheckin, shown, type Harness } from '../core/flow-harness.ts';
import { otherLanguage } from './sweep-checks.ts';
import { visibleText } from './sweep-platforms.ts';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const messageOf = (reply: Reply): Message => {
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  return reply.message;
};
const formOf = (reply: Reply): Form => {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${reply.kind}: ${shown(reply)}`);
  return reply.form;
};

describe('the overview of a person who reads English, in a Danish group', () => {
  it('is English throughout: titles, the round buttons, participation, with the group named as a title, not as *markup*', async () => {
    const { place } = await createGroup(h, 'Nord', 'da', ['bo', 'carl']);
    await quickCheckin(h, place, { bo: 'En god uge.' });
    await h.say('anna', 'tjekind start', place);
    expect(shown(await h.say('anna', 'language en', direct('anna')))).toContain('English');

    const overview = messageOf(await h.say('anna', 'overview', direct('anna')));
    const text = shown({ kind: 'message', message: overview });
    expect(otherLanguage(text, 'en')).toEqual([]);
    expect(text).not.toMatch(/\*/);
    expect(overview.blocks).toContainEqual({ type: 'section', title: 'Nord', text: expect.stringMatching(/^Check-in #2 is open – the Since last time round\. You have not answered yet\.$/) });
    const buttons = overview.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((button) => button.label) : []));
    expect(buttons).toEqual(expect.arrayContaining(['Answer', 'Pass']));
    expect(text).toContain('Participation in Nord – the last check-in');
    // The check works: the same overview for a Danish reader is Danish, which the English check refuses.
    await h.say('anna', 'sprog da', direct('anna'));
    const danish = shown(await h.say('anna', 'overblik', direct('anna')));
    expect(danish).toContain('Deltagelse i Nord – det seneste tjek-ind');
    expect(otherLanguage(danish, 'en')).not.toEqual([]);
  });
});

describe('a form speaks the language of its content, Cancel and Close included', () => {
  it("a round's form is the group's language for a member who reads English, on every platform", async () => {
    const { place } = await createGroup(h, 'Nord', 'da', ['bo']);
    await h.say('bo', 'language en', direct('bo'));
    await h.say('anna', 'tjekind start', place);
    const form = formOf(await h.press('bo', 'round.answer', latestRound(h, place).roundId, place));
    expect(form.language).toBe('da');
    expect(form.title).toBe('Siden sidst');

    const slack = formModal(form, place);
    expect(slack.close?.text).toBe('Luk');
    expect(slack.submit?.text).toBe('Gem');
    const playground = visibleText(formToHtml(form));
    expect(playground).toContain('Annuller');
    expect(otherLanguage(playground, 'da')).toEqual([]);
    const saved = savedCard({ text: 'Tak', blocks: [{ type: 'text', text: 'Tak – dit svar står i tråden.' }] }, form, { answer: 'En god uge' });
    expect(JSON.stringify(saved)).toContain('Du kan rette dit svar med knappen i gruppen');
    expect(JSON.stringify(saved)).not.toContain('You can edit');
  });

  it("a personal form is the reader's language, and its Close follows", async () => {
    await h.say('bo', 'language en', direct('bo'));
    const form = formOf(await h.say('bo', 'agreement', direct('bo')));
    expect(form.language).toBe('en');
    expect(formModal(form, direct('bo')).close?.text).toBe('Close');
    const playground = visibleText(formToHtml(form));
    expect(playground).toContain('Cancel');
    expect(otherLanguage(playground, 'en')).toEqual([]);
    await h.say('bo', 'sprog da', direct('bo'));
    const danish = formOf(await h.say('bo', 'aftale', direct('bo')));
    expect(formModal(danish, direct('bo')).close?.text).toBe('Luk');
    expect(visibleText(formToHtml(danish))).toContain('Annuller');
  });
});
