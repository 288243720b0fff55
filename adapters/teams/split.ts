// A neutral message as one or more Bot Framework activities (ARCHITECTURE rule 3: pure). Teams
// refuses an activity of more than about 28 KB (HTTP 413, MessageSizeTooBig), so a message whose
// activity would be bigger becomes several, in order, each at most 24 KB of JSON: room for what
// the SDK adds around it (addresses, ids, service URL). A block too big on its own is split by its
// text, at a line break or a space where there is one, never inside a character. Nothing is lost.
import type { Block, Message } from '../../src/core/index.ts';
import { cutText, partText } from '../parts.ts';
import { CARD_CONTENT_TYPE, elementsOf, isPlainText, messageCard, type AdaptiveCard } from './render.ts';
import { teamsMarkdown, teamsPlain } from './text.ts';

export type Activity = Record<string, unknown>;

/** Bytes of JSON per activity; Teams refuses about 28 KB. */
export const ACTIVITY_BUDGET = 24_000;
/** Bytes of JSON-escaped text per block of a split text; a rendered Markdown link can double a URL. */
export const TEXT_CHUNK = 6_000;

export function cardAttachment(card: AdaptiveCard) {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

/** One activity for a message, whatever its size: plain text as text, anything richer as a card. */
export function activityOf(message: Message): Activity {
  if (isPlainText(message)) return { type: 'message', text: teamsMarkdown(message.text), textFormat: 'markdown' };
  return { type: 'message', summary: cutText(teamsPlain(message.text), 200), attachments: [cardAttachment(messageCard(message))] };
}

export const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Bytes a character takes in JSON (escapes count). */
const weightOf = (char: string): number => Buffer.byteLength(JSON.stringify(char), 'utf8') - 2;

/**
 * The text in pieces of at most `max` bytes of JSON each, which joined give the text back. A piece
 * ends after the last line break in its second half, else after the last space, else where the
 * budget ends; it is cut between characters, never between the halves of a surrogate pair.
 */
export function splitText(text: string, max = TEXT_CHUNK): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let budget = max;
    while (end < chars.length && (end === start || budget - weightOf(chars[end]!) >= 0)) budget -= weightOf(chars[end++]!);
    if (end < chars.length) {
      const half = start + Math.floor((end - start) / 2);
      const at = (sep: string) => chars.lastIndexOf(sep, end - 1);
      const line = at('\n');
      const space = at(' ');
      if (line > half) end = line + 1;
      else if (space > half) end = space + 1;
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** The block as blocks whose cards stay well under the budget: long texts split, many facts in groups. */
export function splitBlock(block: Block, max = TEXT_CHUNK): Block[] {
  if (sizeOf(elementsOf(block)) <= max * 1.5) return [block];
  switch (block.type) {
    case 'header':
    case 'text':
    case 'context':
    case 'code':
      return splitText(block.text, max).map((text) => ({ ...block, text }));
    case 'section':
      return splitText(block.text, max).map((text, i) => (i === 0 && block.title !== undefined ? { type: 'section', title: block.title, text } : { type: 'section', text }));
    case 'fields': {
      if (block.fields.length < 2) return [block];
      const half = Math.ceil(block.fields.length / 2);
      return [...splitBlock({ type: 'fields', fields: block.fields.slice(0, half) }, max), ...splitBlock({ type: 'fields', fields: block.fields.slice(half) }, max)];
    }
    case 'buttons':
      return [block];
    case 'image':
      // Only a picture too big as its text can get here: the text, split.
      return splitText(block.fallback, max).map((text) => ({ type: 'code', text }));
  }
}

/** Part `index` of `count`: its blocks, and a text to show for it (the content itself when plain). */
function partOf(message: Message, blocks: Block[], index: number, count: number): Message {
  const plain = blocks.every((b) => b.type === 'text');
  return { text: plain ? blocks.map((b) => (b as { text: string }).text).join('\n\n') : partText(message.text, index, count), blocks };
}

/** The message as activities in order, each at most `budget` bytes of JSON (unless one block alone is more). */
export function activitiesOf(message: Message, budget = ACTIVITY_BUDGET): Activity[] {
  const whole = activityOf(message);
  if (sizeOf(whole) <= budget) return [whole];
  const source: Block[] = message.blocks.length > 0 ? message.blocks : [{ type: 'text', text: message.text }];
  const blocks = source.flatMap((block) => splitBlock(block));
  const groups: Block[][] = [];
  let current: Block[] = [];
  for (const block of blocks) {
    // Measured as a later part: its text is the longer one ("… (2/3)"), or the content when plain.
    if (current.length > 0 && sizeOf(activityOf(partOf(message, [...current, block], 1, 2))) > budget) {
      groups.push(current);
      current = [];
    }
    current.push(block);
  }
  groups.push(current);
  return groups.map((group, i) => activityOf(partOf(message, group, i, groups.length)));
}
