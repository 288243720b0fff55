// A neutral message as one or more chat.postMessage calls (ARCHITECTURE rule 3: pure). Slack
// refuses a message of more than 50 blocks (invalid_blocks) and, well before its 40,000-character
// text limit, a very heavy one (msg_too_long), so a long message becomes several, in order, each
// of at most 50 blocks and 12,000 characters of block text (four full sections of member text; a
// single block holds at most 4,000, a code block). Nothing is dropped: every block lands in
// exactly one part.
import type { KnownBlock } from '@slack/types';
import type { Message } from '../../src/core/index.ts';
import { codePoints, cutText, partText } from '../parts.ts';
import { blockOf } from './render.ts';

export const PART_MAX_BLOCKS = 50;
/** Characters of block text per message: well under the 40,000 at which Slack answers msg_too_long. */
export const PART_MAX_CHARS = 12_000;
/** Slack's limit for a message's top-level text, shown in notifications. */
export const TEXT_MAX = 3000;

/** chat.postMessage / chat.update / response_url arguments for one part of a message. */
export interface SlackMessageArgs {
  text: string;
  blocks: KnownBlock[];
}

/** Characters of text a block carries (every `text` in it, as Slack counts them against its limits). */
export function textWeight(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textWeight(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  return Object.entries(value).reduce((sum, [key, item]) => sum + (key === 'text' && typeof item === 'string' ? codePoints(item) : textWeight(item)), 0);
}

/** Groups blocks greedily, in order, so no group passes the block count or the character budget. */
export function groupBlocks<T>(blocks: readonly T[], maxBlocks = PART_MAX_BLOCKS, maxChars = PART_MAX_CHARS): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  for (const block of blocks) {
    const size = textWeight(block);
    if (current.length > 0 && (current.length >= maxBlocks || weight + size > maxChars)) {
      groups.push(current);
      current = [];
      weight = 0;
    }
    current.push(block);
    weight += size;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

/**
 * The parts of a message, in order. The first carries the message's text (cut to 3000), the
 * others its first line and "(2/3)": the content itself is in the blocks.
 */
export function messageParts(message: Message): SlackMessageArgs[] {
  const groups = groupBlocks(message.blocks.flatMap((block, i) => blockOf(block, i)));
  return groups.map((blocks, i) => ({ text: cutText(partText(message.text, i, groups.length), TEXT_MAX), blocks }));
}

/** Sends each part of the message in turn, in order (an ephemeral reply, a DM, a notice). */
export async function sendParts(message: Message, send: (part: SlackMessageArgs) => Promise<unknown>): Promise<void> {
  for (const part of messageParts(message)) await send(part);
}
