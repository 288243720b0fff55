// Neutral outbound messages and forms. Adapters render these to Block Kit, Adaptive Cards
// or HTML; the core never knows which.
import type { Language } from './domain.ts';

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'section'; title?: string; text: string }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'context'; text: string }
  /** Preformatted text shown as written, in a fixed-width font: exports and charts. */
  | { type: 'code'; text: string }
  /**
   * A picture (a chart) the platform fetches from `url`, shown `width` × `height` points. `alt`
   * names what it shows with its key figures, for screen readers; `fallback` is the same chart as
   * fixed-width text, shown instead wherever the picture cannot be (a platform that cannot fetch
   * the address, a notification, a stored copy). Nothing is in the picture that is not in the text.
   */
  | { type: 'image'; url: string; alt: string; title: string; width: number; height: number; fallback: string };

export interface Button {
  /** What the core does when pressed, e.g. "round.answer". */
  action: string;
  /** Opaque to the adapter: handed back in the button-pressed event. */
  value: string;
  label: string;
  style?: 'primary' | 'danger';
  /**
   * Only the group's facilitator may press it. Where a platform renders a message per viewer (the
   * playground), members do not see it; where everyone sees the same message (a Slack or Teams
   * channel), its label says whose it is and a member who presses it is answered kindly.
   */
  forFacilitator?: true;
}

export interface Message {
  /** Plain-text version for notifications and platforms without rich layout. */
  text: string;
  blocks: Block[];
}

export type Field =
  | {
      type: 'text';
      id: string;
      label: string;
      multiline?: boolean;
      maxLength?: number;
      optional?: boolean;
      initial?: string;
      hint?: string;
    }
  | {
      type: 'choice';
      id: string;
      label: string;
      options: Array<{ value: string; label: string }>;
      /** Undefined: nothing is chosen until the person chooses (never a silent first option). */
      initial?: string;
      /** Shown while nothing is chosen, e.g. "Choose an answer". */
      placeholder?: string;
      /** Required unless optional, as for text. */
      optional?: boolean;
    }
  | {
      type: 'multi_choice';
      id: string;
      label: string;
      options: Array<{ value: string; label: string }>;
      initial?: string[];
      optional?: boolean;
    }
  | { type: 'checkbox'; id: string; label: string; initial?: boolean };

export interface Form {
  /** Which core handler receives the submission, e.g. "round.answer". */
  id: string;
  /**
   * The one language the form speaks, chosen where its content is written (a round's form the
   * group's, a personal form the person's): the platform's own words around it (Cancel, Close,
   * "saved") follow it, so a form never mixes two languages.
   */
  language: Language;
  /** Opaque state handed back on submit (e.g. the round id). */
  state: string;
  title: string;
  submitLabel: string;
  /** Read-only context shown above the fields (e.g. your takeaway from last time). */
  intro: Block[];
  fields: Field[];
  /**
   * What is entered belongs to nobody (a poll answer): a platform must keep no copy of it beside
   * the person, e.g. no "what you saved" echo in their chat history.
   */
  anonymous?: boolean;
}

export type FormValues = Record<string, string | string[] | boolean | undefined>;

/** What the core answers the person who caused an event. Everything else goes through the Deliverer. */
export type Reply =
  | { kind: 'none' }
  /**
   * Only the actor sees it (Slack ephemeral, Teams personal chat, playground "only visible to you").
   * `keepNoCopy`: shown once and kept nowhere Lederrum controls (a respondent's own poll score) —
   * not in a message history, not in a stored card.
   */
  | { kind: 'message'; message: Message; keepNoCopy?: boolean }
  | { kind: 'form'; form: Form }
  /** The submitted form stays open and shows these messages next to its fields. */
  | { kind: 'form_errors'; errors: Record<string, string> };

export const NO_REPLY: Reply = { kind: 'none' };

export function textMessage(text: string): Message {
  return { text, blocks: [{ type: 'text', text }] };
}

/** The message as a member sees it where a platform renders per viewer: without the facilitator's buttons. */
export function withoutFacilitatorControls(message: Message): Message {
  const blocks = message.blocks.flatMap((block): Block[] => {
    if (block.type !== 'buttons') return [block];
    const buttons = block.buttons.filter((button) => !button.forFacilitator);
    return buttons.length > 0 ? [{ ...block, buttons }] : [];
  });
  return { ...message, blocks };
}

/** The plain-text version of blocks, for notifications and platforms without rich layout. */
export function plainText(blocks: Block[]): string {
  const lines = blocks.map((block) => {
    switch (block.type) {
      case 'buttons':
        return '';
      case 'fields':
        return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
      case 'section':
        return block.title ? `${block.title}\n${block.text}` : block.text;
      case 'image':
        return block.fallback;
      default:
        return block.text;
    }
  });
  return lines.filter((line) => line.length > 0).join('\n');
}
