// A message past Slack's limits becomes several chat.postMessage calls, in order, losing nothing:
// each part at most 50 blocks and 12,000 characters of block text, each valid Block Kit, each text
// within 3000 characters. Pure: neutral message in, parts out.
import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../src/core/index.ts';
import { messageParts, PART_MAX_CHARS, textWeight } from '../../adapters/slack/split.ts';
import { codePoints } from '../../adapters/parts.ts';
import { blockProblems, chars, LONE_SURROGATE, memberText, mrkdwnTexts, sectionTexts, unescapeMrkdwn } from './block-kit-limits.ts';

function checked(message: Message) {
  const parts = messageParts(message);
  for (const [i, part] of parts.entries()) {
    expect(blockProblems(part.blocks, 50), `part ${i + 1}`).toEqual([]);
    expect(chars(part.text)).toBeLessThanOrEqual(3000);
    expect(part.text.trim()).not.toBe('');
    expect(textWeight(part.blocks)).toBeLessThanOrEqual(PART_MAX_CHARS);
  }
  return parts;
}

describe('messageParts', () => {
  it('a message that fits is one part, as before', () => {
    const parts = checked({
      text: 'Tjek-ind #1',
      blocks: [
        { type: 'header', text: 'Tjek-ind #1' },
        { type: 'text', text: 'Hej' },
      ],
    });
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text).toBe('Tjek-ind #1');
  });

  it('120 blocks become parts of at most 50, every block once and in order', () => {
    const blocks: Block[] = Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `linje ${i}` }));
    const parts = checked({ text: 'Overskrift\nmere', blocks });
    expect(parts.map((p) => p.blocks.length)).toEqual([50, 50, 20]);
    expect(parts.flatMap((p) => sectionTexts(p.blocks))).toEqual(blocks.map((b) => (b as { text: string }).text));
    // The first part carries the message's text; the others say which part they are.
    expect(parts.map((p) => p.text)).toEqual(['Overskrift\nmere', 'Overskrift (2/3)', 'Overskrift (3/3)']);
  });

  it('a single text of 40,000 characters becomes valid parts that hold all of it, in order', () => {
    const text = `a${memberText(39_999)}`;
    const parts = checked({ text, blocks: [{ type: 'text', text }] });
    expect(parts.length).toBeGreaterThan(3);
    const shown = parts
      .flatMap((p) => mrkdwnTexts(p.blocks))
      .map(unescapeMrkdwn)
      .join('');
    expect(shown.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const part of parts) for (const t of mrkdwnTexts(part.blocks)) expect(LONE_SURROGATE.test(t)).toBe(false);
    expect(chars(parts[0]!.text)).toBe(3000);
  });

  it('a heavy message (20 texts of 7,000 characters) is split by weight, not only by count', () => {
    const blocks: Block[] = Array.from({ length: 20 }, (_, i) => ({ type: 'text', text: `T${i}: ${memberText(7000)}` }));
    const parts = checked({ text: 'x', blocks });
    expect(parts.every((p) => p.blocks.length < 50)).toBe(true);
    const all = parts.flatMap((p) => mrkdwnTexts(p.blocks)).join('');
    let at = -1;
    for (let i = 0; i < 20; i++) {
      const next = all.indexOf(`T${i}:`);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
  });

  it('60 chart images become parts of at most 50 blocks, every image once and in order', () => {
    const images: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'image',
      url: `https://l.example/charts/${i}/chart.png`,
      alt: `Spørgsmål ${i}`,
      title: `Spørgsmål ${i}`,
      width: 640,
      height: 300,
      fallback: 'x',
    }));
    const parts = checked({ text: 'Resultater', blocks: [{ type: 'header', text: 'Resultater' }, ...images] });
    expect(parts.map((p) => p.blocks.length)).toEqual([50, 11]);
    const urls = parts.flatMap((p) => p.blocks.filter((b) => b.type === 'image').map((b) => (b as { image_url: string }).image_url));
    expect(urls).toEqual(images.map((b) => (b as { url: string }).url));
  });

  it('keeps buttons with unique block_ids across parts', () => {
    const buttons: Block = { type: 'buttons', buttons: [{ action: 'a', value: 'v', label: 'A' }] };
    const blocks: Block[] = Array.from({ length: 60 }, (_, i) => (i % 10 === 0 ? buttons : { type: 'text', text: `t${i}` }));
    const parts = checked({ text: 'x', blocks });
    expect(
      blockProblems(
        parts.flatMap((p) => p.blocks),
        1000,
      ),
    ).toEqual([]);
    expect(parts.flatMap((p) => p.blocks).filter((b) => b.type === 'actions')).toHaveLength(6);
  });
});

describe('codePoints', () => {
  it('counts characters as Slack does: an emoji or other astral character is one, a lone or reversed surrogate one each', () => {
    expect(codePoints('')).toBe(0);
    expect(codePoints('æøå')).toBe(3);
    expect(codePoints('😀a😀')).toBe(3);
    expect(codePoints('a\ud800b')).toBe(3);
    expect(codePoints('\udc00\ud800')).toBe(2);
    const text = memberText(5000);
    expect(codePoints(text)).toBe([...text].length);
  });
});
