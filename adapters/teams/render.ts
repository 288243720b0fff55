// Pure renderers from the core's messages and forms to Adaptive Cards 1.5 (ARCHITECTURE rule 3).
// Teams has no modals: a form is a card in the member's personal chat, and after a submission
// the same card is replaced by one that shows what was saved (a deliberate degradation).
import type { Block, Field, Form, FormValues, Language, Message, Place } from '../../src/core/index.ts';
import { translate } from '../../src/core/index.ts';
import { fetchableByPlatform } from '../pictures.ts';
import { teamsMarkdown as md, teamsPlain as plain } from './text.ts';

export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

type Element = Record<string, unknown> & { type: string };
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Element[];
  actions?: Element[];
  msteams?: { width: 'Full' };
}

/** What a card's buttons and submit carry back to the bot, under one key so other data is ignored. */
export type CardData = { kind: 'button'; action: string; value: string } | { kind: 'form'; form: Form; place: Place; to: { id: string; name: string } };

export const DATA_KEY = 'lederrum';

function card(body: Element[], actions: Element[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

function submit(title: string, data: CardData, style?: 'positive' | 'destructive'): Element {
  return { type: 'Action.Submit', title: plain(title), data: { [DATA_KEY]: data }, ...(style ? { style } : {}) };
}

/**
 * A card's TextBlock links only what is written as a Markdown link, so a bare address (a signed
 * download link) becomes one. An address already inside a Markdown link is left as it is.
 */
export function linked(text: string): string {
  return text.replace(/(\]\()?(https?:\/\/[^\s<>()[\]]+)/g, (whole, inLink: string | undefined, url: string) => {
    if (inLink) return whole;
    const trailing = /[.,;:!?]+$/.exec(url)?.[0] ?? '';
    const bare = url.slice(0, url.length - trailing.length);
    return `[${bare}](${bare})${trailing}`;
  });
}

/** A TextBlock of the core's text, in the Markdown Teams renders (text.ts), bare addresses linked. */
function textBlock(text: string, style: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text: linked(md(text)), wrap: true, ...style };
}

export function elementsOf(block: Block): Element[] {
  switch (block.type) {
    case 'header':
      return [textBlock(block.text, { size: 'Large', weight: 'Bolder' })];
    case 'text':
      return [textBlock(block.text)];
    case 'section':
      return [...(block.title ? [textBlock(block.title, { weight: 'Bolder', spacing: 'Medium' })] : []), textBlock(block.text, { spacing: block.title ? 'Small' : 'Default' })];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: md(f.label), value: md(f.value) })) }];
    case 'buttons':
      return [
        {
          type: 'ActionSet',
          actions: block.buttons.map((b) =>
            submit(b.label, { kind: 'button', action: b.action, value: b.value }, b.style === 'primary' ? 'positive' : b.style === 'danger' ? 'destructive' : undefined),
          ),
        },
      ];
    case 'context':
      return [textBlock(block.text, { isSubtle: true, size: 'Small' })];
    case 'code':
      // A CodeBlock needs Teams' newest clients; monospace TextBlocks show everywhere, one per
      // line, since a TextBlock runs single lines together.
      return block.text.split('\n').map((line, i) => ({ type: 'TextBlock', text: line === '' ? ' ' : line, fontType: 'Monospace', wrap: true, spacing: i === 0 ? 'Default' : 'None' }));
    case 'image':
      // Teams fetches the picture from the address itself; where it cannot, the chart as text. Shown
      // at its own width (the PNG has twice the pixels, for sharp screens), and opened large on a click.
      if (!fetchableByPlatform(block.url)) return elementsOf({ type: 'code', text: block.fallback });
      // Its title above it, as Slack shows an image block's: what the bars do not show (answers, mean) is said there.
      return [
        { type: 'TextBlock', text: block.title, isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' },
        { type: 'Image', url: block.url, altText: block.alt, width: `${block.width}px`, msteams: { allowExpand: true }, spacing: 'Small' },
      ];
  }
}

/** A message as a card; a message of plain text only is better sent as text. */
export function messageCard(message: Message): AdaptiveCard {
  return card(message.blocks.flatMap(elementsOf));
}

export function isPlainText(message: Message): boolean {
  return message.blocks.every((b) => b.type === 'text');
}

/**
 * What Teams shows under a required input left empty, in the form reader's language: without an
 * errorMessage a client that checks isRequired marks the field but says nothing of what to do.
 */
function required(field: Field, language: Language): { isRequired: true; errorMessage: string } | { isRequired: false } {
  if (field.type === 'checkbox' || field.optional) return { isRequired: false };
  const key = field.type === 'text' ? 'platform.required_text' : field.type === 'choice' ? 'platform.required_choice' : 'platform.required_choices';
  return { isRequired: true, errorMessage: translate(language, key) };
}

function input(field: Field, value: FormValues[string], error: string | undefined, language: Language): Element[] {
  const common = { id: field.id, label: plain(field.label), ...required(field, language) };
  let element: Element;
  switch (field.type) {
    case 'text': {
      const current = typeof value === 'string' ? value : field.initial;
      element = {
        type: 'Input.Text',
        ...common,
        isMultiline: field.multiline ?? false,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(current ? { value: current } : {}),
        ...(field.hint ? { placeholder: plain(field.hint) } : {}),
      };
      break;
    }
    case 'choice': {
      const current = typeof value === 'string' ? value : field.initial;
      // No value means nothing is chosen (the placeholder shows), never a silent first option.
      element = {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: field.options.map((o) => ({ title: plain(o.label), value: o.value })),
        ...(current ? { value: current } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder) } : {}),
      };
      break;
    }
    case 'multi_choice': {
      const current = Array.isArray(value) ? value : field.initial;
      element = {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: true,
        style: 'expanded',
        choices: field.options.map((o) => ({ title: plain(o.label), value: o.value })),
        ...(current && current.length > 0 ? { value: current.join(',') } : {}),
      };
      break;
    }
    case 'checkbox': {
      const current = typeof value === 'boolean' ? value : (field.initial ?? false);
      element = { type: 'Input.Toggle', id: field.id, title: plain(field.label), value: current ? 'true' : 'false', valueOn: 'true', valueOff: 'false' };
      break;
    }
  }
  return error ? [element, textBlock(error, { color: 'Attention', spacing: 'None' })] : [element];
}

/**
 * The form as a card for one person; `language` is for the words Teams shows around the fields. Its submit carries the form itself, so a refused submission
 * can be shown again with the person's own words in it, and nothing typed is lost.
 */
export function formCard(form: Form, place: Place, addressee: { id: string; name: string }, values: FormValues = {}, errors: Record<string, string> = {}): AdaptiveCard {
  // The card speaks the form's language throughout, its required-field messages included.
  const { language } = form;
  const body: Element[] = [
    textBlock(form.title, { size: 'Large', weight: 'Bolder' }),
    ...form.intro.flatMap(elementsOf),
    ...form.fields.flatMap((field) => input(field, values[field.id], errors[field.id], language)),
  ];
  const unplaced = Object.entries(errors).filter(([id]) => !form.fields.some((f) => f.id === id));
  for (const [, text] of unplaced) body.push(textBlock(text, { color: 'Attention' }));
  return card(body, [submit(form.submitLabel, { kind: 'form', form, place, to: addressee }, 'positive')]);
}

/** The button on a card that shows something kept nowhere: the adapter, not the core, clears it. */
export const CLEAR_CARD_ACTION = 'teams.clear_card';

/**
 * What replaces a submitted form card: the bot's answer, and the words that were saved. Teams keeps
 * the card in the person's chat, so an anonymous answer is never echoed into it; a reply meant to be
 * kept nowhere (an own poll score) comes with a button that removes it from the chat again.
 */
export function savedCard(message: Message, form: Form, values: FormValues, keepNoCopy = false): AdaptiveCard {
  // The card stays the form's, in the form's language: its own words follow it, not the reader's settings.
  const { language } = form;
  const saved = form.anonymous
    ? []
    : form.fields
        .filter((f) => f.type === 'text' && typeof values[f.id] === 'string' && (values[f.id] as string).length > 0)
        .map((f) => ({ type: 'section' as const, title: f.label, text: values[f.id] as string }));
  // The "edit with the button in the group" note is about rounds; a poll answer cannot be edited.
  const note = form.anonymous ? [] : [textBlock(translate(language, 'platform.saved_card_note'), { isSubtle: true, size: 'Small' })];
  const clear = keepNoCopy ? [textBlock(translate(language, 'platform.clear_card_hint'), { isSubtle: true, size: 'Small' })] : [];
  return card(
    [textBlock(form.title, { size: 'Medium', weight: 'Bolder' }), ...message.blocks.flatMap(elementsOf), ...saved.flatMap(elementsOf), ...note, ...clear],
    keepNoCopy ? [submit(translate(language, 'platform.clear_card'), { kind: 'button', action: CLEAR_CARD_ACTION, value: '' })] : [],
  );
}

/** What a cleared card says: that the result is gone from the chat, and nothing of it. */
export function clearedCard(language: Language): AdaptiveCard {
  return card([textBlock(translate(language, 'platform.cleared_card'))]);
}
