// Contract tests for the pure Adaptive Card renderers and the activity parsing around them.
import { describe, expect, it } from 'vitest';
import { CLEAR_CARD_ACTION, clearedCard, formCard, linked, messageCard, savedCard, CARD_VERSION, DATA_KEY, isPlainText } from '../../adapters/teams/render.ts';
import { cardData, commandOf, commandText, formValues, groupConversationId } from '../../adapters/teams/parse.ts';
import { activityOf } from '../../adapters/teams/send.ts';
import type { Form, Message } from '../../src/core/index.ts';

const FORM: Form = {
  id: 'round.answer',
  language: 'da',
  state: 'round-1',
  title: 'Siden sidst',
  submitLabel: 'Gem',
  intro: [{ type: 'section', title: 'Det tog du med dig sidst', text: 'Planlægge pauser.' }],
  fields: [
    { type: 'text', id: 'answer', label: 'Dit svar', multiline: true, maxLength: 3000, optional: true, hint: 'Højst 3.000 tegn.' },
    {
      type: 'choice',
      id: 'language',
      label: 'Sprog',
      options: [
        { value: 'da', label: 'Dansk' },
        { value: 'en', label: 'Engelsk' },
      ],
      initial: 'da',
    },
    {
      type: 'multi_choice',
      id: 'members',
      label: 'Medlemmer',
      options: [
        { value: 'p1', label: 'Jonas' },
        { value: 'p2', label: 'Sara' },
      ],
      initial: ['p2'],
    },
    { type: 'checkbox', id: 'share', label: 'Del med gruppen' },
  ],
};
const PLACE = { conversationId: '19:abc@thread.tacv2', kind: 'group' as const };
const TO = { id: '29:mia', name: 'Mia Holm' };

function elements(card: { body: Array<Record<string, unknown>> }) {
  return card.body;
}

describe('Adaptive Cards 1.5', () => {
  it('renders a message with every block kind, and its buttons as Action.Submit carrying the core action', () => {
    const message: Message = {
      text: 'x',
      blocks: [
        { type: 'header', text: 'Tjek-ind #1' },
        { type: 'text', text: 'Hvad er sket siden sidst?' },
        { type: 'fields', fields: [{ label: 'Mia', value: 'med 1 af 1' }] },
        {
          type: 'buttons',
          buttons: [
            { action: 'round.answer', value: 'r1', label: 'Svar', style: 'primary' },
            { action: 'round.pass', value: 'r1', label: 'Meld pas' },
          ],
        },
        { type: 'context', text: 'Kun antal.' },
      ],
    };
    const card = messageCard(message);
    expect(card.version).toBe(CARD_VERSION);
    expect(CARD_VERSION).toBe('1.5');
    expect(elements(card).map((e) => e['type'])).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'ActionSet', 'TextBlock']);
    const actions = elements(card)[3]!['actions'] as Array<{ type: string; title: string; data: Record<string, unknown>; style?: string }>;
    expect(actions.map((a) => a.type)).toEqual(['Action.Submit', 'Action.Submit']);
    expect(actions[0]!.data[DATA_KEY]).toEqual({ kind: 'button', action: 'round.answer', value: 'r1' });
    expect(actions[0]!.style).toBe('positive');
    expect(cardData(actions[1]!.data)).toEqual({ kind: 'button', action: 'round.pass', value: 'r1' });
  });

  it('renders a code block as monospace TextBlocks, one per line, so exports and charts keep their columns and lines', () => {
    const card = messageCard({ text: 'x', blocks: [{ type: 'code', text: 'Enig   ███ 3\n\nUenig  █   1' }] });
    expect(elements(card)).toEqual([
      { type: 'TextBlock', text: 'Enig   ███ 3', fontType: 'Monospace', wrap: true, spacing: 'Default' },
      { type: 'TextBlock', text: ' ', fontType: 'Monospace', wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: 'Uenig  █   1', fontType: 'Monospace', wrap: true, spacing: 'None' },
    ]);
  });

  it('renders an image as its title and an Image at its own width that opens large, and the chart as text where Teams cannot fetch it', () => {
    const chart = {
      type: 'image' as const,
      url: 'https://lederrum.example.org/charts/g.sig/chart.png',
      alt: 'Trivsel: Enig 8 (40 %)',
      title: 'Trivsel',
      width: 640,
      height: 320,
      fallback: 'Enig ███ 8',
    };
    const card = messageCard({ text: 'x', blocks: [chart] });
    expect(elements(card)).toEqual([
      { type: 'TextBlock', text: 'Trivsel', isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' },
      { type: 'Image', url: chart.url, altText: 'Trivsel: Enig 8 (40 %)', width: '640px', msteams: { allowExpand: true }, spacing: 'Small' },
    ]);
    expect(isPlainText({ text: 'x', blocks: [chart] })).toBe(false);
    const local = messageCard({ text: 'x', blocks: [{ ...chart, url: 'http://localhost:3000/charts/g/chart.png' }] });
    expect(elements(local)).toEqual([{ type: 'TextBlock', text: 'Enig ███ 8', fontType: 'Monospace', wrap: true, spacing: 'Default' }]);
  });

  it('sends plain text as text, anything richer as a card', () => {
    expect(isPlainText({ text: 'a', blocks: [{ type: 'text', text: 'a' }] })).toBe(true);
    expect(activityOf({ text: 'a', blocks: [{ type: 'text', text: 'a' }] })).toMatchObject({ type: 'message', text: 'a' });
    const rich = activityOf({ text: 'h', blocks: [{ type: 'header', text: 'h' }] }) as { attachments: Array<{ contentType: string }> };
    expect(rich.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('renders each form field as its Adaptive Card input, with initial values', () => {
    const body = elements(formCard(FORM, PLACE, TO));
    const inputs = body.filter((e) => String(e['type']).startsWith('Input.'));
    expect(inputs.map((e) => [e['type'], e['id']])).toEqual([
      ['Input.Text', 'answer'],
      ['Input.ChoiceSet', 'language'],
      ['Input.ChoiceSet', 'members'],
      ['Input.Toggle', 'share'],
    ]);
    expect(inputs[0]).toMatchObject({ isMultiline: true, maxLength: 3000, isRequired: false, placeholder: 'Højst 3.000 tegn.' });
    expect(inputs[1]).toMatchObject({ value: 'da', style: 'compact' });
    expect(inputs[2]).toMatchObject({ isMultiSelect: true, value: 'p2' });
    expect(inputs[3]).toMatchObject({ value: 'false', valueOn: 'true', valueOff: 'false' });
    expect(JSON.stringify(body)).toContain('Planlægge pauser.');
  });

  it("round-trips a submission: the inputs Teams sends back become the core's values", () => {
    const card = formCard(FORM, PLACE, TO);
    const submitData = (card.actions![0] as unknown as { data: Record<string, unknown> }).data;
    const data = cardData({ ...submitData, answer: 'En god uge', language: 'en', members: 'p1,p2', share: 'true' });
    expect(data?.kind).toBe('form');
    if (data?.kind !== 'form') return;
    expect(data.to).toEqual(TO);
    expect(data.place).toEqual(PLACE);
    expect(formValues({ answer: 'En god uge', language: 'en', members: 'p1,p2', share: 'true' }, data.form)).toEqual({ answer: 'En god uge', language: 'en', members: ['p1', 'p2'], share: true });
    expect(formValues({ share: 'false' }, data.form)).toEqual({ answer: '', language: '', members: [], share: false });
  });

  it("shows a refused submission again with the person's words and the reason under the field", () => {
    const card = formCard(FORM, PLACE, TO, { answer: 'x'.repeat(10), share: true }, { answer: 'Forkort det lidt.' });
    const body = elements(card);
    const at = body.findIndex((e) => e['id'] === 'answer');
    expect(body[at]!['value']).toBe('x'.repeat(10));
    expect(body[at + 1]).toMatchObject({ type: 'TextBlock', text: 'Forkort det lidt.', color: 'Attention' });
    expect(body.find((e) => e['id'] === 'share')!['value']).toBe('true');
  });

  it('replaces a saved form with the answer and what was written', () => {
    const card = savedCard({ text: 'Tak', blocks: [{ type: 'text', text: 'Tak – dit svar står i tråden.' }] }, FORM, { answer: 'En god uge', share: false });
    const text = JSON.stringify(card.body);
    expect(text).toContain('Tak – dit svar står i tråden.');
    expect(text).toContain('En god uge');
    expect(card.actions).toBeUndefined();
  });

  it('never echoes an anonymous answer into the chat Teams keeps, only the reply', () => {
    const card = savedCard({ text: 'Tak', blocks: [{ type: 'text', text: 'Tak for dit svar.' }] }, { ...FORM, anonymous: true }, { answer: 'marker-fritekst', share: false });
    const text = JSON.stringify(card.body);
    expect(text).toContain('Tak for dit svar.');
    expect(text).not.toContain('marker-fritekst');
  });

  it('offers to remove a reply kept nowhere from the chat, and the cleared card holds none of it', () => {
    const score: Message = { text: 'x', blocks: [{ type: 'text', text: 'Dit trivselsindeks (WHO-5) er 36 af 100.' }] };
    const card = savedCard(score, { ...FORM, anonymous: true }, {}, true);
    expect(JSON.stringify(card.body)).toContain('36 af 100');
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', data: { [DATA_KEY]: { kind: 'button', action: CLEAR_CARD_ACTION, value: '' } } })]);
    expect(JSON.stringify(clearedCard('da'))).not.toContain('36');
    expect(savedCard(score, { ...FORM, anonymous: true }, {}).actions).toBeUndefined();
  });
});

describe('reading what Teams sends', () => {
  it("ignores card data that is not Lederrum's or is malformed", () => {
    expect(cardData(undefined)).toBeNull();
    expect(cardData({ verb: 'other' })).toBeNull();
    expect(cardData({ [DATA_KEY]: { kind: 'button' } })).toBeNull();
    expect(cardData({ [DATA_KEY]: { kind: 'form', form: { id: 'x' }, place: PLACE, to: TO } })).toBeNull();
  });

  it('names a channel by its id without the thread suffix, and strips the bot mention from commands', () => {
    expect(groupConversationId('19:abc@thread.tacv2;messageid=1700000000000')).toBe('19:abc@thread.tacv2');
    expect(groupConversationId('19:chat@thread.v2')).toBe('19:chat@thread.v2');
    expect(commandText('<at>Lederrum</at> tjekind&nbsp;start')).toBe('tjekind start');
  });

  it('keeps the people a command @mentions, each tag with its own entity, the bot and channels left out', () => {
    const mention = (id: string, name: string, text = `<at>${name}</at>`) => ({ type: 'mention', text, mentioned: { id, name } });
    const command = commandOf({
      text: '<at>Lederrum</at> hr tildel <at>Carl Jensen</at> <at>Carl Jensen</at> <at>Ledere</at> <at>Carl</at>',
      recipient: { id: '28:bot' },
      conversation: { id: '19:chan@thread.tacv2', tenantId: 'tenant-1' },
      entities: [
        { type: 'clientInfo', locale: 'da-DK' },
        mention('28:bot', 'Lederrum'),
        mention('29:carl1', 'Carl Jensen'),
        mention('29:carl2', 'Carl Jensen'),
        mention('19:team@thread.tacv2', 'Ledere'),
        mention('29:carl1', 'Carl Jensen', '<at>Carl</at>'),
      ],
    });
    expect(command.text).toBe('hr tildel @Carl Jensen @Carl Jensen  @Carl');
    expect(command.mentions).toEqual([
      { workspace: 'teams:tenant-1', externalId: '29:carl1', displayName: 'Carl Jensen' },
      { workspace: 'teams:tenant-1', externalId: '29:carl2', displayName: 'Carl Jensen' },
    ]);
  });
});

describe('a choice with nothing chosen', () => {
  const options = [
    { value: '0', label: 'Aldrig' },
    { value: '4', label: 'Meget ofte' },
  ];
  const poll: Form = {
    id: 'poll.answer',
    language: 'da',
    state: 'p1',
    title: 'Puls',
    submitLabel: 'Send',
    intro: [],
    anonymous: true,
    fields: [
      { type: 'choice', id: 'q0', label: '1. Oprevet', options, placeholder: 'Vælg et svar' },
      { type: 'choice', id: 'q1', label: '2. Dag', options, optional: true },
    ],
  };
  const inputs = (card: { body: Array<Record<string, unknown>> }) => Object.fromEntries(card.body.filter((e) => e['type'] === 'Input.ChoiceSet').map((e) => [e['id'], e]));

  it('has no value, shows the placeholder and is required unless optional', () => {
    const { q0, q1 } = inputs(formCard(poll, PLACE, TO));
    expect(q0).not.toHaveProperty('value');
    expect(q0).toMatchObject({ placeholder: 'Vælg et svar', isRequired: true, style: 'compact' });
    expect(q1).toMatchObject({ isRequired: false });
  });

  it('re-rendered after a refusal, keeps what was chosen and leaves the missing one empty with its error', () => {
    const card = formCard(poll, PLACE, TO, { q0: '', q1: '4' }, { q0: 'Spørgsmål 1 mangler et svar.' });
    const { q0, q1 } = inputs(card);
    expect(q0).not.toHaveProperty('value');
    expect(q1).toMatchObject({ value: '4' });
    expect(JSON.stringify(card.body)).toContain('Spørgsmål 1 mangler et svar.');
  });
});

describe('links in card text', () => {
  it('makes a bare address a Markdown link (TextBlocks link nothing else), leaving written links and trailing punctuation alone', () => {
    const url = 'https://lederrum.example.org/me/p1.1767225600000.c2ln/data.json';
    expect(linked(`Hent det hele: ${url} (til maskiner).`)).toBe(`Hent det hele: [${url}](${url}) (til maskiner).`);
    expect(linked(`Se [resultaterne](${url}).`)).toBe(`Se [resultaterne](${url}).`);
    expect(linked('Ingen adresse her: 3.000 tegn.')).toBe('Ingen adresse her: 3.000 tegn.');
    const card = messageCard({
      text: url,
      blocks: [
        { type: 'text', text: `JSON: ${url}` },
        { type: 'context', text: `${url}, virker i 15 minutter` },
      ],
    });
    expect(card.body.map((e) => e['text'])).toEqual([`JSON: [${url}](${url})`, `[${url}](${url}), virker i 15 minutter`]);
  });
});
