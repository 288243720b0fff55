// Pure renderers from the core's neutral messages and forms to Block Kit (ARCHITECTURE rule 3).
// Slack's limits are respected here, once: 100 blocks per view, 3000 characters per section, 24
// per modal title, 75 per button. Long member text is split, never cut; a message of more than 50
// blocks becomes several messages (split.ts).
import type { HomeView, InputBlock, KnownBlock, ModalView, PlainTextElement, SectionBlock } from '@slack/types';
import type { Block, Field, Form, Language, Message, Place } from '../../src/core/index.ts';
import { quoteCommandHints, translate } from '../../src/core/index.ts';
import { fetchableByPlatform } from '../pictures.ts';

type SlackBlock = KnownBlock;

export const FORM_CALLBACK = 'lederrum_form';
const SECTION_MAX = 3000;
const FIELDS_PER_SECTION = 10;

/** What a modal carries back on submit: the core's form id and state, and where it was opened. */
export interface FormMetadata {
  formId: string;
  state: string;
  place: Place;
  /** The form's language: what the modal shows after the submission speaks it too (absent in modals opened before it was kept). */
  language?: Language;
}

/** Slack's mrkdwn treats &, < and > as control characters; members' words must stay words. */
export function escapeMrkdwn(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, escapeChar) : text;
}

const CONTROL = /[&<>]/;
const CONTROLS = /[&<>]/g;
/** One character, escaped when it is one of mrkdwn's control characters. */
const escapeChar = (char: string): string => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char);

/** Plain text shows no formatting: a command hint (`tjekind start`) is quoted instead. In mrkdwn Slack shows it as code. */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: cut(quoteCommandHints(text), max), emoji: true };
}

function cut(text: string, max: number): string {
  // No string of `max` UTF-16 units has more than `max` characters: most need no counting.
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Member text as mrkdwn sections of at most 3000 characters. The text is split by whole
 * characters before escaping, so no escape (&amp;) or emoji is ever cut in half, preferably at
 * a line break or space; nothing is dropped. A bold title shares the first section.
 */
function mrkdwnSections(text: string, title?: string): SectionBlock[] {
  const lead = title ? `*${escapeMrkdwn(cut(title, 200))}*\n` : '';
  const escaped = escapeMrkdwn(text);
  // Most text fits one section, as the loop below would find character by character.
  if (text !== '' && lead.length + escaped.length <= SECTION_MAX) return [{ type: 'section', text: { type: 'mrkdwn', text: `${lead}${escaped}`.trimEnd() || ' ' } }];
  const pieces = [...text].map(escapeChar);
  const chunks: string[] = [];
  let start = 0;
  while (start < pieces.length) {
    let budget = SECTION_MAX - (chunks.length === 0 ? lead.length : 0);
    let end = start;
    while (end < pieces.length && budget - pieces[end]!.length >= 0) budget -= pieces[end++]!.length;
    if (end < pieces.length) {
      const minimum = start + Math.floor((end - start) / 2);
      for (let i = end - 1; i > minimum; i--) {
        if (pieces[i] === ' ' || pieces[i] === '\n') {
          end = i + 1;
          break;
        }
      }
    }
    chunks.push(pieces.slice(start, end).join(''));
    start = end;
  }
  if (chunks.length === 0) chunks.push(title ? '' : ' ');
  return chunks.map((chunk, i) => ({ type: 'section', text: { type: 'mrkdwn', text: i === 0 ? `${lead}${chunk}`.trimEnd() || ' ' : chunk } }));
}

export function blockOf(block: Block, index: number): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: plain(block.text, 150) }];
    case 'text':
      return mrkdwnSections(block.text);
    case 'section':
      return mrkdwnSections(block.text, block.title);
    case 'fields': {
      const sections: SlackBlock[] = [];
      for (let i = 0; i < block.fields.length; i += FIELDS_PER_SECTION) {
        const fields = block.fields.slice(i, i + FIELDS_PER_SECTION).map((f) => ({
          type: 'mrkdwn' as const,
          text: cut(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, 2000),
        }));
        sections.push({ type: 'section', fields });
      }
      return sections;
    }
    case 'buttons':
      return [
        {
          type: 'actions',
          block_id: `actions_${index}`,
          elements: block.buttons.slice(0, 25).map((button, i) => ({
            type: 'button',
            // Unique within the block even if one action appears twice; parse strips the suffix.
            action_id: `${button.action}|${i}`,
            text: plain(button.label, 75),
            value: button.value,
            ...(button.style ? { style: button.style } : {}),
          })),
        },
      ];
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: cut(escapeMrkdwn(block.text), 2000) }] }];
    case 'code':
      // A rich-text preformatted block shows the text as written: no mrkdwn, no escaping needed.
      return [{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: cut(block.text, 4000) }] }] }];
    case 'image':
      // Slack fetches the picture from the address itself (and caches it); where it cannot, the chart as text.
      if (!fetchableByPlatform(block.url)) return blockOf({ type: 'code', text: block.fallback }, index);
      return [{ type: 'image', image_url: block.url, alt_text: cut(block.alt, 2000), title: plain(block.title, 2000) }];
  }
}

/**
 * Blocks for a view (a modal or App Home), which is one screen and cannot be split: at most `max`.
 * Messages are never cut here; split.ts makes several of a long one.
 */
export function blocksOf(blocks: Block[], max: number): SlackBlock[] {
  return blocks.flatMap((block, i) => blockOf(block, i)).slice(0, max);
}

function input(field: Field): InputBlock {
  // action_id names the field's kind so parse can read the value back without the form.
  const base = { type: 'input' as const, block_id: field.id, label: plain(field.label, 2000) };
  switch (field.type) {
    case 'text':
      return {
        ...base,
        optional: field.optional ?? false,
        ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: field.multiline ?? false,
          ...(field.maxLength ? { max_length: Math.min(field.maxLength, 3000) } : {}),
          ...(field.initial ? { initial_value: field.initial } : {}),
        },
      };
    case 'choice': {
      const options = field.options.slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === field.initial);
      // No initial value means nothing is chosen: Slack then shows the placeholder, not an option.
      return {
        ...base,
        optional: field.optional ?? false,
        element: {
          type: 'static_select',
          action_id: 'choice',
          options,
          ...(initial ? { initial_option: initial } : {}),
          ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
        },
      };
    }
    case 'multi_choice': {
      const options = field.options.slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.filter((o) => field.initial?.includes(o.value));
      return {
        ...base,
        optional: field.optional ?? false,
        element: { type: 'multi_static_select', action_id: 'multi_choice', options, ...(initial.length > 0 ? { initial_options: initial } : {}) },
      };
    }
    case 'checkbox': {
      const option = { text: plain(field.label, 75), value: 'yes' };
      return {
        ...base,
        optional: true,
        element: { type: 'checkboxes', action_id: 'checkbox', options: [option], ...(field.initial ? { initial_options: [option] } : {}) },
      };
    }
  }
}

/** The modal of a form: its Close button speaks the form's language, like everything in it. */
export function formModal(form: Form, place: Place): ModalView {
  const metadata: FormMetadata = { formId: form.id, state: form.state, place, language: form.language };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(translate(form.language, 'platform.close'), 24),
    // Slack takes at most 100 blocks in a view: the fields come first, then as much intro as fits.
    blocks: [...blocksOf(form.intro, Math.max(0, 100 - form.fields.length)), ...form.fields.slice(0, 100).map(input)],
  };
}

/** A modal that only shows a message: the answer to something done in a modal, or an error. */
export function messageModal(message: Message, language: Language): ModalView {
  return {
    type: 'modal',
    title: plain(translate(language, 'platform.app_name'), 24),
    close: plain(translate(language, 'platform.close'), 24),
    blocks: blocksOf(message.blocks, 100),
  };
}

/** Opened the instant a trigger arrives (it expires in 3 s), then replaced by the real form. */
export function loadingModal(language: Language): ModalView {
  return messageModal({ text: '', blocks: [{ type: 'context', text: translate(language, 'platform.loading') }] }, language);
}

export function homeView(message: Message): HomeView {
  return { type: 'home', blocks: blocksOf(message.blocks, 100) };
}
