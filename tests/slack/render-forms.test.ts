// Forms as Slack modals: structure within Slack's limits, metadata that comes back on submit,
// and a modal's values returned to the core as the values it asked for.
import { describe, expect, it } from 'vitest';
import type { Block, Field, Message, Place } from '../../src/core/index.ts';
import { translate } from '../../src/core/index.ts';
import { FORM_CALLBACK, escapeMrkdwn, formModal, homeView, loadingModal, messageModal } from '../../adapters/slack/render.ts';
import { coreAction, formMetadata, formValues, mentionedUsers, mentionText, placeOf, viewSubmissionSchema } from '../../adapters/slack/parse.ts';
import { viewProblems } from '../support/fake-slack/validate.ts';
import { chars, blockProblems, mrkdwnTexts, sectionTexts, place, fullForm, blankForm, inputBlock, elementOf, submitted } from './block-kit-limits.ts';

describe('formModal', () => {
  const view = formModal(fullForm, place);

  it('is a modal Slack accepts, with the form callback', () => {
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(FORM_CALLBACK);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(blockProblems(view.blocks, 100)).toEqual([]);
  });

  it('has the form’s title and submit label and the catalogue’s close label', () => {
    expect(view.title).toMatchObject({ type: 'plain_text', text: 'Siden sidst' });
    expect(view.submit).toMatchObject({ type: 'plain_text', text: 'Gem' });
    expect(view.close).toMatchObject({ type: 'plain_text', text: translate('da', 'platform.close') });
    expect(view.close?.text).toBe('Luk');
    expect(formModal({ ...fullForm, language: 'en' }, place).close?.text).toBe('Close');
  });

  it('cuts title, submit and close labels to 24 characters', () => {
    const long = formModal({ ...fullForm, title: 'En meget lang titel på en formular', submitLabel: 'Gem og send til hele gruppen nu' }, place);
    for (const label of [long.title, long.submit, long.close]) {
      expect(label?.type).toBe('plain_text');
      expect(chars(label!.text)).toBeLessThanOrEqual(24);
    }
    expect(long.title.text).toBe('En meget lang titel på …');
    expect(long.submit?.text).toMatch(/^Gem og send til hele gr.*…$/);
    expect(viewProblems(long, 'modal')).toEqual([]);
  });

  it('private_metadata carries the form id, state and place back through formMetadata', () => {
    expect(formMetadata(view.private_metadata!)).toEqual({ formId: 'round.answer', state: 'round-1', place, language: 'da' });
    const direct: Place = { conversationId: 'T0001:U0001', kind: 'direct' };
    expect(formMetadata(formModal(fullForm, direct).private_metadata!)).toEqual({ formId: 'round.answer', state: 'round-1', place: direct, language: 'da' });
    expect(formMetadata('not json')).toBeNull();
    expect(formMetadata(JSON.stringify({ formId: 'x', state: 's' }))).toBeNull();
  });

  it('shows the intro first, escaped, then one input block per field in order', () => {
    const types = view.blocks.map((b) => b.type);
    expect(types.slice(-4)).toEqual(['input', 'input', 'input', 'input']);
    expect(types.slice(0, -4).every((t) => t !== 'input')).toBe(true);
    const intro = mrkdwnTexts(view.blocks).join('\n');
    expect(intro).toContain('*Det tog du med dig sidst*');
    expect(intro).toContain('Pauser &lt;3');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['answer', 'language', 'members', 'share']);
  });

  it('names each element’s kind in its action_id', () => {
    const kinds = Object.fromEntries(fullForm.fields.map((f) => [f.id, elementOf(view, f.id)]));
    expect(kinds['answer']).toMatchObject({ type: 'plain_text_input', action_id: 'text' });
    expect(kinds['language']).toMatchObject({ type: 'static_select', action_id: 'choice' });
    expect(kinds['members']).toMatchObject({ type: 'multi_static_select', action_id: 'multi_choice' });
    expect(kinds['share']).toMatchObject({ type: 'checkboxes', action_id: 'checkbox' });
    expect(inputBlock(view, 'answer')['label']).toMatchObject({ type: 'plain_text', text: 'Dit svar' });
    expect(inputBlock(view, 'answer')['hint']).toMatchObject({ type: 'plain_text', text: 'Højst 3.000 tegn' });
    expect(elementOf(view, 'answer')['multiline']).toBe(true);
    expect(elementOf(view, 'language')['options']).toEqual([
      { text: { type: 'plain_text', text: 'Dansk', emoji: true }, value: 'da' },
      { text: { type: 'plain_text', text: 'Engelsk', emoji: true }, value: 'en' },
    ]);
  });

  it('caps a text field’s max_length at 3000 and leaves it out when the field has none', () => {
    const withMax = (maxLength?: number) => elementOf(formModal({ ...fullForm, fields: [{ type: 'text', id: 't', label: 'T', ...(maxLength ? { maxLength } : {}) }] }, place), 't');
    expect(withMax(5000)['max_length']).toBe(3000);
    expect(withMax(200)['max_length']).toBe(200);
    expect(withMax()).not.toHaveProperty('max_length');
  });

  it('marks optional fields optional; a checkbox is always optional (unticked is an answer)', () => {
    expect(inputBlock(view, 'answer')['optional']).toBe(true);
    expect(inputBlock(view, 'members')['optional']).toBe(true);
    expect(inputBlock(view, 'share')['optional']).toBe(true);
    expect(inputBlock(view, 'language')['optional'] ?? false).toBe(false);
    const required = formModal(blankForm, place);
    expect(inputBlock(required, 'answer')['optional']).toBe(false);
    expect(inputBlock(required, 'members')['optional']).toBe(false);
    expect(inputBlock(required, 'share')['optional']).toBe(true);
  });

  it('sets initial values when the field has them', () => {
    expect(elementOf(view, 'answer')['initial_value']).toBe('før');
    expect(elementOf(view, 'language')['initial_option']).toEqual({ text: { type: 'plain_text', text: 'Engelsk', emoji: true }, value: 'en' });
    expect(elementOf(view, 'members')['initial_options']).toEqual([{ text: { type: 'plain_text', text: 'Carl', emoji: true }, value: 'p2' }]);
    expect(elementOf(view, 'share')['initial_options']).toEqual(elementOf(view, 'share')['options']);
  });

  it('leaves initial values out when the field has none (Slack refuses empty ones)', () => {
    const blank = formModal(blankForm, place);
    expect(elementOf(blank, 'answer')).not.toHaveProperty('initial_value');
    expect(elementOf(blank, 'language')).not.toHaveProperty('initial_option');
    expect(elementOf(blank, 'members')).not.toHaveProperty('initial_options');
    expect(elementOf(blank, 'share')).not.toHaveProperty('initial_options');
    // Empty or false initial values count as none, too.
    const empty = formModal(
      {
        ...fullForm,
        fields: [
          { type: 'text', id: 'answer', label: 'Svar', initial: '' },
          { type: 'choice', id: 'language', label: 'Sprog', options: [{ value: 'da', label: 'Dansk' }], initial: 'xx' },
          { type: 'multi_choice', id: 'members', label: 'Medlemmer', options: [{ value: 'p1', label: 'Bo' }], initial: [] },
          { type: 'checkbox', id: 'share', label: 'Del', initial: false },
        ],
      },
      place,
    );
    expect(elementOf(empty, 'answer')).not.toHaveProperty('initial_value');
    expect(elementOf(empty, 'language')).not.toHaveProperty('initial_option');
    expect(elementOf(empty, 'members')).not.toHaveProperty('initial_options');
    expect(elementOf(empty, 'share')).not.toHaveProperty('initial_options');
    expect(viewProblems(empty, 'modal')).toEqual([]);
  });

  it('caps the view at 100 blocks, cutting the intro, never a field', () => {
    const intro: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: 'text', text: `intro ${i}` }));
    const big = formModal({ ...fullForm, intro }, place);
    expect(big.blocks).toHaveLength(100);
    expect(big.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['answer', 'language', 'members', 'share']);
    expect(sectionTexts(big.blocks.slice(0, 96))).toEqual(intro.slice(0, 96).map((b) => (b as { text: string }).text));
    expect(viewProblems(big, 'modal')).toEqual([]);
  });

  it('never exceeds 100 blocks, even for a form with more than 100 fields', () => {
    const fields: Field[] = Array.from({ length: 101 }, (_, i) => ({ type: 'checkbox', id: `f${i}`, label: `Felt ${i}` }));
    const big = formModal(
      {
        ...fullForm,
        intro: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
        fields,
      },
      place,
    );
    expect(big.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('a modal’s values come back as the form’s values', () => {
  const view = formModal(fullForm, place);

  it('answered: string, string, string[] and boolean', () => {
    const state = submitted(view, { answer: 'Et nyt svar <3', language: 'da', members: ['p1', 'p3'], share: false });
    expect(formValues(state)).toEqual({ answer: 'Et nyt svar <3', language: 'da', members: ['p1', 'p3'], share: false });
  });

  it('left as opened: the initial values', () => {
    expect(formValues(submitted(view, {}))).toEqual({ answer: 'før', language: 'en', members: ['p2'], share: true });
  });

  it('blank form left empty: empty text, no choice, no members, unticked', () => {
    const blank = formModal(blankForm, place);
    expect(formValues(submitted(blank, {}))).toEqual({ answer: '', language: '', members: [], share: false });
    expect(formValues(submitted(blank, { share: true }))['share']).toBe(true);
  });

  it('reads state.values exactly as Slack sends them (hand-written)', () => {
    const state = viewSubmissionSchema.shape.view.shape.state.parse({
      values: {
        answer: { text: { type: 'plain_text_input', value: null } },
        language: { choice: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Dansk' }, value: 'da' } } },
        members: { multi_choice: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Bo' }, value: 'p1' }] } },
        share: { checkbox: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Del' }, value: 'yes' }] } },
      },
    });
    expect(formValues(state)).toEqual({ answer: '', language: 'da', members: ['p1'], share: true });
  });
});

describe('messageModal, loadingModal and homeView', () => {
  const message: Message = {
    text: 'Gemt',
    blocks: [
      { type: 'header', text: 'Gemt' },
      { type: 'text', text: 'Dit svar er gemt <3' },
    ],
  };

  it('messageModal is a modal with the app’s name, a localised close and no submit', () => {
    const da = messageModal(message, 'da');
    expect(da.type).toBe('modal');
    expect(da.title).toMatchObject({ type: 'plain_text', text: translate('da', 'platform.app_name') });
    expect(da.close?.text).toBe('Luk');
    expect(da).not.toHaveProperty('submit');
    expect(messageModal(message, 'en').close?.text).toBe('Close');
    expect(mrkdwnTexts(da.blocks)).toEqual(['Dit svar er gemt &lt;3']);
    expect(viewProblems(da, 'modal')).toEqual([]);
    expect(blockProblems(da.blocks, 100)).toEqual([]);
  });

  it('messageModal caps its blocks at 100', () => {
    const many = messageModal({ text: '', blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `${i}` })) }, 'da');
    expect(many.blocks).toHaveLength(100);
    expect(viewProblems(many, 'modal')).toEqual([]);
  });

  it('loadingModal says “one moment” in the person’s language', () => {
    for (const [language, close] of [
      ['da', 'Luk'],
      ['en', 'Close'],
    ] as const) {
      const view = loadingModal(language);
      expect(view.type).toBe('modal');
      expect(view.close?.text).toBe(close);
      expect(mrkdwnTexts(view.blocks)).toEqual([escapeMrkdwn(translate(language, 'platform.loading'))]);
      expect(viewProblems(view, 'modal')).toEqual([]);
    }
  });

  it('homeView is a home view with the message’s blocks, capped at 100', () => {
    const home = homeView(message);
    expect(home.type).toBe('home');
    expect(home.blocks.map((b) => b.type)).toEqual(['header', 'section']);
    expect(viewProblems(home, 'home')).toEqual([]);
    const many = homeView({ text: '', blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `${i}` })) });
    expect(many.blocks).toHaveLength(100);
  });
});

describe('placeOf, mentionText and coreAction', () => {
  it('a channel or private channel is a group, keyed by workspace', () => {
    expect(placeOf('T0001', 'C0123', 'ledergruppen')).toEqual({ conversationId: 'T0001:C0123', kind: 'group', name: 'ledergruppen' });
    expect(placeOf('T0001', 'G0456')).toEqual({ conversationId: 'T0001:G0456', kind: 'group' });
  });

  it('a direct message is direct, and carries no channel name', () => {
    expect(placeOf('T0001', 'D0789', 'directmessage')).toEqual({ conversationId: 'T0001:D0789', kind: 'direct' });
  });

  it('the same channel id in two workspaces is two places', () => {
    expect(placeOf('T0001', 'C0123').conversationId).not.toBe(placeOf('T0002', 'C0123').conversationId);
  });

  it('mentionText strips the bot’s mention, with or without a label', () => {
    expect(mentionText('<@U0BOT> tjekind start', 'U0BOT')).toBe('tjekind start');
    expect(mentionText('<@U0BOT|lederrum> tjekind start', 'U0BOT')).toBe('tjekind start');
    expect(mentionText('  <@U0BOT>   hjælp  ', 'U0BOT')).toBe('hjælp');
    expect(mentionText('tjekind start', 'U0BOT')).toBe('tjekind start');
  });

  it('mentionText keeps other people as @name, the name looked up where known', () => {
    expect(mentionText('<@U0BOT> hr tildel <@U1|carl.n>', 'U0BOT')).toBe('hr tildel @carl.n');
    expect(mentionText('hr tildel <@U1|carl.n>', 'U0BOT', new Map([['U1', 'Carl']]))).toBe('hr tildel @Carl');
    expect(mentionText('hr tildel <@U1>', undefined)).toBe('hr tildel @U1');
  });

  it('mentionText gives channels, links and special mentions their labels and unescapes the rest', () => {
    expect(mentionText('aftale <#C1|ledergruppen> <https://x.dk/a?b=1&amp;c=2> <https://y.dk|her> <!here> <!subteam^S1|@ledere>', 'U0BOT')).toBe(
      'aftale #ledergruppen https://x.dk/a?b=1&c=2 her @here @ledere',
    );
    expect(mentionText('A &amp; B &lt;3 &gt; C', 'U0BOT')).toBe('A & B <3 > C');
  });

  it('mentionedUsers names each person once, in order, never the bot', () => {
    expect(mentionedUsers('<@U0BOT> hr tildel <@U2|bo> <@U1> <@U2>', 'U0BOT')).toEqual([{ userId: 'U2', name: 'bo' }, { userId: 'U1' }]);
    expect(mentionedUsers('hr tildel Bo', 'U0BOT')).toEqual([]);
  });

  it('coreAction takes the index suffix off an action_id and leaves a bare one alone', () => {
    expect(coreAction('round.answer|0')).toBe('round.answer');
    expect(coreAction('round.pass|12')).toBe('round.pass');
    expect(coreAction('round.answer')).toBe('round.answer');
  });
});

describe('a choice with nothing chosen', () => {
  const options = [
    { value: '0', label: 'Aldrig' },
    { value: '4', label: 'Meget ofte' },
  ];
  const modal = (field: Field) => formModal({ id: 'poll.answer', language: 'da', state: 'p1', title: 'Puls', submitLabel: 'Send', intro: [], fields: [field] }, place);

  it('has no initial option, shows the placeholder, and is a required input', () => {
    const view = modal({ type: 'choice', id: 'q0', label: '1. Oprevet', options, placeholder: 'Vælg et svar' });
    expect(elementOf(view, 'q0')).not.toHaveProperty('initial_option');
    expect(elementOf(view, 'q0')).toMatchObject({ type: 'static_select', placeholder: { type: 'plain_text', text: 'Vælg et svar' } });
    expect(inputBlock(view, 'q0')).toMatchObject({ optional: false });
    expect(viewProblems(view, 'modal')).toEqual([]);
  });

  it('marks an optional choice optional', () => {
    expect(inputBlock(modal({ type: 'choice', id: 'q1', label: 'Dag', options, optional: true }), 'q1')).toMatchObject({ optional: true });
  });
});
