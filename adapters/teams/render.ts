// Pure renderers from the core's messages and forms to Adaptive Cards 1.5 (ARCHITECTURE rule 3).
// Teams has no modals: a form is a card in the member's personal chat, and after a submission
// the same card is replaced by one that shows what was saved (a deliberate degradation).
import type { Block, Field, Form, FormValues, Language, Message, Place } from '../../src/core/index.ts';
import { translate } from '../../src/core/index.ts';

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
  return { type: 'Action.Submit', title, data: { [DATA_KEY]: data }, ...(style ? { style } : {}) };
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

export function elementsOf(block: Block): Element[] {
  switch (block.type) {
    case 'header':
      return [{ type: 'TextBlock', text: block.text, size: 'Large', weight: 'Bolder', wrap: true }];
    case 'text':
      return [{ type: 'TextBlock', text: linked(block.text), wrap: true }];
    case 'section':
      return [
        ...(block.title ? [{ type: 'TextBlock', text: block.title, weight: 'Bolder', wrap: true, spacing: 'Medium' }] : []),
        { type: 'TextBlock', text: linked(block.text), wrap: true, spacing: block.title ? 'Small' : 'Default' },
      ];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: f.value })) }];
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
      return [{ type: 'TextBlock', text: linked(block.text), isSubtle: true, size: 'Small', wrap: true }];
    case 'code':
      // A CodeBlock needs Teams' newest clients; a monospace TextBlock shows everywhere.
      return [{ type: 'TextBlock', text: block.text, fontType: 'Monospace', wrap: true }];
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
  const common = { id: field.id, label: field.label, ...required(field, language) };
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
        ...(field.hint ? { placeholder: field.hint } : {}),
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
        choices: field.options.map((o) => ({ title: o.label, value: o.value })),
        ...(current ? { value: current } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
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
        choices: field.options.map((o) => ({ title: o.label, value: o.value })),
        ...(current && current.length > 0 ? { value: current.join(',') } : {}),
      };
      break;
    }
    case 'checkbox': {
      const current = typeof value === 'boolean' ? value : (field.initial ?? false);
      element = { type: 'Input.Toggle', id: field.id, title: field.label, value: current ? 'true' : 'false', valueOn: 'true', valueOff: 'false' };
      break;
    }
  }
  return error ? [element, { type: 'TextBlock', text: error, color: 'Attention', wrap: true, spacing: 'None' }] : [element];
}

/**
 * The form as a card for one person; `language` is for the words Teams shows around the fields. Its submit carries the form itself, so a refused submission
 * can be shown again with the person's own words in it, and nothing typed is lost.
 */
export function formCard(form: Form, place: Place, addressee: { id: string; name: string }, language: Language, values: FormValues = {}, errors: Record<string, string> = {}): AdaptiveCard {
  const body: Element[] = [
    { type: 'TextBlock', text: form.title, size: 'Large', weight: 'Bolder', wrap: true },
    ...form.intro.flatMap(elementsOf),
    ...form.fields.flatMap((field) => input(field, values[field.id], errors[field.id], language)),
  ];
  const unplaced = Object.entries(errors).filter(([id]) => !form.fields.some((f) => f.id === id));
  for (const [, text] of unplaced) body.push({ type: 'TextBlock', text, color: 'Attention', wrap: true });
  return card(body, [submit(form.submitLabel, { kind: 'form', form, place, to: addressee }, 'positive')]);
}

/** The button on a card that shows something kept nowhere: the adapter, not the core, clears it. */
export const CLEAR_CARD_ACTION = 'teams.clear_card';

/**
 * What replaces a submitted form card: the bot's answer, and the words that were saved. Teams keeps
 * the card in the person's chat, so an anonymous answer is never echoed into it; a reply meant to be
 * kept nowhere (an own poll score) comes with a button that removes it from the chat again.
 */
export function savedCard(message: Message, form: Form, values: FormValues, language: Language, keepNoCopy = false): AdaptiveCard {
  const saved = form.anonymous
    ? []
    : form.fields
        .filter((f) => f.type === 'text' && typeof values[f.id] === 'string' && (values[f.id] as string).length > 0)
        .map((f) => ({ type: 'section' as const, title: f.label, text: values[f.id] as string }));
  // The "edit with the button in the group" note is about rounds; a poll answer cannot be edited.
  const note = form.anonymous ? [] : [{ type: 'TextBlock', text: translate(language, 'platform.saved_card_note'), isSubtle: true, size: 'Small', wrap: true }];
  const clear = keepNoCopy ? [{ type: 'TextBlock', text: translate(language, 'platform.clear_card_hint'), isSubtle: true, size: 'Small', wrap: true }] : [];
  return card(
    [{ type: 'TextBlock', text: form.title, size: 'Medium', weight: 'Bolder', wrap: true }, ...message.blocks.flatMap(elementsOf), ...saved.flatMap(elementsOf), ...note, ...clear],
    keepNoCopy ? [submit(translate(language, 'platform.clear_card'), { kind: 'button', action: CLEAR_CARD_ACTION, value: '' })] : [],
  );
}

/** What a cleared card says: that the result is gone from the chat, and nothing of it. */
export function clearedCard(language: Language): AdaptiveCard {
  return card([{ type: 'TextBlock', text: translate(language, 'platform.cleared_card'), wrap: true }]);
}
