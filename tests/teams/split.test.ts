// A message whose activity would pass what Teams accepts (about 28 KB) becomes several activities,
// in order, each at most 24 KB of JSON, losing nothing; a single long text is split at line breaks
// or spaces, never inside a character. Pure: neutral message in, activities out.
import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../src/core/index.ts';
import { ACTIVITY_BUDGET, activitiesOf, activityOf, sizeOf, splitText } from '../../adapters/teams/split.ts';
import { teamsMarkdown } from '../../adapters/teams/text.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEAMS_LIMIT = 28 * 1024;

/** Every text an activity shows, in order: its text, or its card's TextBlocks. */
function textsOf(activity: Record<string, any>): string[] {
  if (typeof activity['text'] === 'string') return [activity['text']];
  const body = activity['attachments'][0].content.body as Array<{ type: string; text?: string }>;
  return body.filter((e) => e.type === 'TextBlock').map((e) => e.text!);
}

function words(length: number, seed: string): string {
  const pool = [`${seed}`, 'møde', 'næste', 'skridt\n', '😀', 'tak.', '"citat"', 'R&D'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${pool[i % pool.length]} `;
  return text.slice(0, length);
}

describe('activitiesOf', () => {
  it('a message that fits is the one activity it was', () => {
    const message: Message = {
      text: 'h',
      blocks: [
        { type: 'header', text: 'h' },
        { type: 'text', text: 'hej' },
      ],
    };
    expect(activitiesOf(message)).toEqual([activityOf(message)]);
  });

  it('a card that would be 35 KB becomes several under 28 KB, all text present and in order', () => {
    const sections: Block[] = Array.from({ length: 10 }, (_, i) => ({ type: 'section', title: `Person ${i}`, text: words(3400, `MARK${i}`) }));
    const message: Message = { text: 'Tjek-ind #3 er afsluttet\nmere', blocks: [{ type: 'header', text: 'Tjek-ind #3 er afsluttet' }, ...sections, { type: 'context', text: 'Tak.' }] };
    expect(sizeOf(activityOf(message))).toBeGreaterThan(35_000);
    const parts = activitiesOf(message);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(sizeOf(part)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
      expect(sizeOf(part)).toBeLessThan(TEAMS_LIMIT);
      for (const text of textsOf(part)) expect(LONE_SURROGATE.test(text)).toBe(false);
    }
    const shown = parts.flatMap(textsOf);
    // As Teams shows them: each line its own paragraph (text.ts).
    const expected = ['Tjek-ind #3 er afsluttet', ...sections.flatMap((s) => [(s as { title: string }).title, (s as { text: string }).text]), 'Tak.'].map(teamsMarkdown);
    expect(shown).toEqual(expected);
    expect(parts.map((p) => p['summary'])).toEqual(parts.map((_, i) => (i === 0 ? 'Tjek-ind #3 er afsluttet mere' : `Tjek-ind #3 er afsluttet (${i + 1}/${parts.length})`)));
  });

  it('one text of 60,000 characters is split at spaces or line breaks into plain-text activities, nothing lost', () => {
    const text = words(60_000, 'ord');
    const parts = activitiesOf({ text, blocks: [{ type: 'text', text }] });
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part).toMatchObject({ type: 'message', textFormat: 'markdown' });
      expect(sizeOf(part)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
      expect(LONE_SURROGATE.test(part['text'] as string)).toBe(false);
    }
    // Joined as the pieces were cut (each block is a paragraph of its part), the text comes back.
    expect(
      parts
        .map((p) => p['text'] as string)
        .join('\n\n')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
  });

  it('many chart images fill cards up to the budget, every image once and in order; an image Teams cannot fetch is split as its text', () => {
    const images: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'image',
      url: `https://lederrum.example.org/charts/${'p'.repeat(25)}.${i}.da.${'d'.repeat(16)}.1790000000000.${'s'.repeat(43)}/chart.png`,
      alt: words(600, `ALT${i}`),
      title: `Spørgsmål ${i}`,
      width: 640,
      height: 300,
      fallback: 'x',
    }));
    const parts = activitiesOf({ text: 'Resultater', blocks: images });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(sizeOf(part)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
    const urls = parts.flatMap((p) => (p['attachments'] as Array<{ content: { body: Array<{ type: string; url?: string }> } }>)[0]!.content.body.filter((e) => e.type === 'Image').map((e) => e.url));
    expect(urls).toEqual(images.map((b) => (b as { url: string }).url));

    const fallback = words(40_000, 'CHART');
    const local = activitiesOf({ text: 'Resultater', blocks: [{ type: 'image', url: 'http://localhost:3000/c.png', alt: 'a', title: 't', width: 1, height: 1, fallback }] });
    expect(local.length).toBeGreaterThan(1);
    for (const part of local) expect(sizeOf(part)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
    expect(local.flatMap(textsOf).join('').replace(/\s/g, '')).toBe(fallback.replace(/\s/g, ''));
  });

  it('splitText never cuts a character in half, prefers a line break, and gives the text back whole', () => {
    const emoji = '😀'.repeat(5000);
    const pieces = splitText(emoji, 1000);
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(LONE_SURROGATE.test(piece)).toBe(false);
    const lines = `${'a'.repeat(700)}\n${'b b '.repeat(200)}`;
    const [first] = splitText(lines, 1000);
    expect(first).toBe(`${'a'.repeat(700)}\n`);
    expect(splitText(lines, 1000).join('')).toBe(lines);
  });
});
