// A message too big for one platform message is posted as several, in order. The core still gets
// one opaque ref for it: the parts' platform refs joined by a space. Neither a Slack ts
// ("1712345678.000100") nor a Teams activity id ("1712345678901", "1:1AbC…", "f:…", a GUID) holds
// a space, and a post that was not split keeps its platform ref unchanged. Only adapters read it.
import type { Message } from '../src/core/index.ts';

const SEPARATOR = ' ';

/** One ref for the core, from the parts' refs in order. */
export function joinRefs(refs: readonly string[]): string {
  return refs.join(SEPARATOR);
}

/** The parts' refs, in order, from a ref the core kept (one part for a post that was not split). */
export function refsOf(ref: string): string[] {
  const refs = ref.split(SEPARATOR).filter((r) => r !== '');
  return refs.length > 0 ? refs : [ref];
}

/** Where a thread hangs: the first part, the one that opens the message. */
export function firstRef(ref: string): string {
  return refsOf(ref)[0]!;
}

/** What a part shows once an edit needs fewer parts than were posted: nothing stale, nothing to translate. */
export const SURPLUS_PART: Message = { text: '—', blocks: [{ type: 'text', text: '—' }] };

/**
 * The notification text of part `index` (0-based) of `count`: the whole text (to be cut by the
 * renderer) on the first, its first line with "(2/3)" on the others, so each stays readable.
 */
export function partText(text: string, index: number, count: number): string {
  if (count <= 1 || index === 0) return text;
  const first = cutText(text.split('\n', 1)[0]!.trim(), 150);
  return `${first} (${index + 1}/${count})`.trim();
}

/** At most `max` characters (code points, never half a surrogate pair), ending in "…" when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Characters (code points) in the text, as Slack and Teams count them, without splitting it into an array. */
export function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
