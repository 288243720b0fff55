// The Slack renderers are pure: neutral message in, Block Kit out. These check the blocks Slack
// receives against its documented limits, and that nothing a member wrote can ping, link or be cut.
import { describe, expect, it } from 'vitest';
import type { Block, Language, Message } from '../../src/core/index.ts';
import { translate } from '../../src/core/index.ts';
import { ACTIONS, answerForm, roundMessage, summaryMessage } from '../../src/core/checkins/messages.ts';
import { MAX_ANSWER_LENGTH } from '../../src/core/checkins/rules.ts';
import { blockOf, escapeMrkdwn, formModal } from '../../adapters/slack/render.ts';
import { messageParts } from '../../adapters/slack/split.ts';
import { coreAction, formMetadata, formValues } from '../../adapters/slack/parse.ts';
import { viewProblems } from '../support/fake-slack/validate.ts';
import { chars, LONE_SURROGATE, blockProblems, mrkdwnTexts, unescapeMrkdwn, sectionTexts, one, group, place, memberText, elementOf, submitted, type Json } from './block-kit-limits.ts';

describe('blockOf: each neutral block becomes valid Block Kit', () => {
  it('header → a plain_text header', () => {
    const [block] = blockOf({ type: 'header', text: 'Tjek-ind #1 · Siden sidst' }, 0);
    expect(block).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Tjek-ind #1 · Siden sidst', emoji: true } });
  });

  it('a header of 150 characters is kept whole; a longer one is cut to 150 ending in “…”', () => {
    const exact = 'h'.repeat(150);
    expect(blockOf({ type: 'header', text: exact }, 0)).toEqual([{ type: 'header', text: { type: 'plain_text', text: exact, emoji: true } }]);
    const header = one(blockOf({ type: 'header', text: 'H'.repeat(200) }, 0)) as { text: { text: string } };
    expect(chars(header.text.text)).toBe(150);
    expect(header.text.text).toBe(`${'H'.repeat(149)}…`);
    // Counted in characters: 200 emoji become 149 emoji and "…", never half an emoji.
    const emoji = one(blockOf({ type: 'header', text: '😀'.repeat(200) }, 0)) as { text: { text: string } };
    expect(emoji.text.text).toBe(`${'😀'.repeat(149)}…`);
  });

  it('text → one mrkdwn section', () => {
    expect(blockOf({ type: 'text', text: 'Skriv `tjekind start`\nnæste linje' }, 0)).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Skriv `tjekind start`\nnæste linje' } }]);
  });

  it('section → mrkdwn sections, the title in bold before the text', () => {
    const blocks = blockOf({ type: 'section', title: 'Bo', text: 'Et svar' }, 0);
    const texts = sectionTexts(blocks);
    expect(texts[0]).toMatch(/^\*Bo\*/);
    expect(texts.join('\n')).toContain('Et svar');
    expect(texts.join('\n').indexOf('*Bo*')).toBeLessThan(texts.join('\n').indexOf('Et svar'));
    expect(blockProblems(blocks, 50)).toEqual([]);
  });

  it('section without a title → only its text, no bold line', () => {
    const blocks = blockOf({ type: 'section', text: 'Et svar' }, 0);
    expect(sectionTexts(blocks)).toEqual(['Et svar']);
  });

  it('fields → sections of at most 10 fields, in order, label in bold above the value', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Navn ${i}`, value: `med ${i} af 23` }));
    const blocks = blockOf({ type: 'fields', fields }, 0);
    expect(blocks).toHaveLength(3);
    const rendered = blocks.map((b) => {
      expect(b.type).toBe('section');
      return (b as { fields: Array<{ type: string; text: string }> }).fields;
    });
    expect(rendered.map((f) => f.length)).toEqual([10, 10, 3]);
    expect(rendered.flat().map((f) => f.type)).toEqual(Array(23).fill('mrkdwn'));
    expect(rendered.flat().map((f) => f.text)).toEqual(fields.map((f) => `*${f.label}*\n${f.value}`));
    expect(blockProblems(blocks, 50)).toEqual([]);
  });

  it('fields: exactly 10 fields stay in one section', () => {
    const fields = Array.from({ length: 10 }, (_, i) => ({ label: `L${i}`, value: `V${i}` }));
    const blocks = blockOf({ type: 'fields', fields }, 0);
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as { fields: unknown[] }).fields).toHaveLength(10);
  });

  it('buttons → one actions block; unique action_ids that coreAction maps back to the neutral actions', () => {
    const block: Block = {
      type: 'buttons',
      buttons: [
        { action: 'round.answer', value: 'r1', label: 'Svar', style: 'primary' },
        { action: 'round.pass', value: 'r1', label: 'Spring over' },
        { action: 'round.answer', value: 'r2', label: 'Svar igen', style: 'danger' },
      ],
    };
    const blocks = blockOf(block, 3);
    const actions = one(blocks) as { type: string; elements: Json[] };
    expect(actions.type).toBe('actions');
    const ids = actions.elements.map((e) => String(e['action_id']));
    expect(new Set(ids).size).toBe(3);
    expect(ids.map(coreAction)).toEqual(['round.answer', 'round.pass', 'round.answer']);
    expect(actions.elements.map((e) => e['value'])).toEqual(['r1', 'r1', 'r2']);
    expect(actions.elements.map((e) => e['style'])).toEqual(['primary', undefined, 'danger']);
    expect(actions.elements[1]).not.toHaveProperty('style');
    expect(actions.elements[0]).toMatchObject({ type: 'button', text: { type: 'plain_text', text: 'Svar' } });
    expect(blockProblems(blocks, 50)).toEqual([]);
  });

  it('buttons: a label longer than 75 characters is cut to 75 ending in “…”', () => {
    const actions = one(blockOf({ type: 'buttons', buttons: [{ action: 'a', value: 'v', label: 'x'.repeat(100) }] }, 0)) as { elements: Array<{ text: { text: string } }> };
    const label = actions.elements[0]!.text.text;
    expect(chars(label)).toBe(75);
    expect(label).toBe(`${'x'.repeat(74)}…`);
  });

  it('buttons: two button blocks in one message get different block_ids', () => {
    const buttons: Block = { type: 'buttons', buttons: [{ action: 'a', value: 'v', label: 'A' }] };
    const { blocks } = messageArgs({ text: 'x', blocks: [buttons, { type: 'text', text: 'mellem' }, buttons] });
    expect(blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(blockProblems(blocks, 50)).toEqual([]);
  });

  it('code → a rich-text preformatted block, its text as written (no mrkdwn to escape), cut to 4000', () => {
    const text = '# Dine aftaler\n- [ ] <b>*Gå*</b> & hvil';
    expect(blockOf({ type: 'code', text }, 0)).toEqual([{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text }] }] }]);
    const long = blockOf({ type: 'code', text: 'x'.repeat(5000) }, 0);
    expect(blockProblems(long, 50)).toEqual([]);
    expect(blockProblems([{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'x'.repeat(4001) }] }] }], 50)).toHaveLength(1);
  });

  it('image → an image block (address, alt text cut to 2000, title); at an address Slack cannot fetch, the chart as text', () => {
    const chart: Block = {
      type: 'image',
      url: 'https://lederrum.example.org/charts/g.sig/chart.png',
      alt: `Trivsel: ${'Enig 8; '.repeat(400)}`,
      title: 'Trivsel',
      width: 640,
      height: 320,
      fallback: 'Enig ███ 8',
    };
    const [image] = blockOf(chart, 0) as unknown as Json[];
    expect(image).toMatchObject({ type: 'image', image_url: 'https://lederrum.example.org/charts/g.sig/chart.png', title: { type: 'plain_text', text: 'Trivsel' } });
    expect(chars(image!['alt_text'] as string)).toBe(2000);
    expect(blockProblems([image], 50)).toEqual([]);
    // The playground's own address (PUBLIC_URL unset) or plain http: Slack would refuse the whole message.
    for (const url of ['http://localhost:3000/charts/g/chart.png', 'https://127.0.0.1/c.png', 'http://lederrum.example.org/c.png', 'https://10.0.0.5/c.png'])
      expect(blockOf({ ...chart, url } as Block, 0)).toEqual(blockOf({ type: 'code', text: 'Enig ███ 8' }, 0));
    expect(blockProblems([{ type: 'image', image_url: 'http://localhost/c.png', alt_text: 'x' }], 50)).toHaveLength(1);
  });

  it('context → a context block with one mrkdwn element', () => {
    expect(blockOf({ type: 'context', text: 'Kun antal' }, 0)).toEqual([{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Kun antal' }] }]);
  });
});

describe('member text in mrkdwn', () => {
  const evil = '<!channel> hej <@U123> & <!here> <https://evil.example|klik> >';
  const escaped = '&lt;!channel&gt; hej &lt;@U123&gt; &amp; &lt;!here&gt; &lt;https://evil.example|klik&gt; &gt;';

  it('escapeMrkdwn turns &, < and > into entities (& first, so nothing is escaped twice)', () => {
    expect(escapeMrkdwn(evil)).toBe(escaped);
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  const cases: Array<{ name: string; block: Block }> = [
    { name: 'text', block: { type: 'text', text: evil } },
    { name: 'section', block: { type: 'section', title: evil, text: evil } },
    { name: 'fields', block: { type: 'fields', fields: [{ label: evil, value: evil }] } },
    { name: 'context', block: { type: 'context', text: evil } },
  ];
  for (const { name, block } of cases) {
    it(`${name}: <!channel>, <@U123> and links written by a member cannot ping or link anyone`, () => {
      const texts = mrkdwnTexts(blockOf(block, 0));
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toMatch(/[<>]/);
        expect(text).toContain(escaped);
        // Every & is the start of one of the three entities.
        expect(text).not.toMatch(/&(?!(amp|lt|gt);)/);
      }
    });
  }

  it('header and button labels are plain_text, which Slack never parses for mentions', () => {
    const header = one(blockOf({ type: 'header', text: evil }, 0)) as { text: Json };
    expect(header.text).toMatchObject({ type: 'plain_text', text: evil });
    const actions = one(blockOf({ type: 'buttons', buttons: [{ action: 'a', value: 'v', label: '<!channel>' }] }, 0)) as { elements: Array<{ text: Json }> };
    expect(actions.elements[0]!.text).toMatchObject({ type: 'plain_text', text: '<!channel>' });
  });

  it('a 7,000-character text is split over sections of at most 3,000 characters, and no character is lost', () => {
    const text = memberText(7000);
    expect(text.length).toBe(7000);
    const chunks = sectionTexts(blockOf({ type: 'text', text }, 0));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3000);
      expect(chunk.trim().length).toBeGreaterThan(0);
    }
    const original = escapeMrkdwn(text);
    // Only whitespace at the split points may go; everything else is there, in order.
    expect(chunks.join('').replace(/\s/g, '')).toBe(original.replace(/\s/g, ''));
    expect(chunks.join(' ').replace(/\s+/g, ' ').trim()).toBe(original.replace(/\s+/g, ' ').trim());
  });

  it('a section is split only when its escaped text, bold title included, passes 3,000 characters', () => {
    const exactly = `${'&'.repeat(599)}${'b'.repeat(5)}`; // 599 × 5 + 5 = 3,000 escaped
    expect(sectionTexts(blockOf({ type: 'text', text: exactly }, 0))).toEqual([escapeMrkdwn(exactly)]);
    expect(sectionTexts(blockOf({ type: 'text', text: `${exactly}b` }, 0))).toHaveLength(2);
    const titled = 'c'.repeat(3000 - '*Bo*\n'.length);
    expect(sectionTexts(blockOf({ type: 'section', title: 'Bo', text: titled }, 0))).toEqual([`*Bo*\n${titled}`]);
    expect(sectionTexts(blockOf({ type: 'section', title: 'Bo', text: `${titled}c` }, 0))).toHaveLength(2);
    // Trailing whitespace goes, as Slack would trim it; a text of only whitespace still shows.
    expect(sectionTexts(blockOf({ type: 'text', text: 'hej  \n' }, 0))).toEqual(['hej']);
    expect(sectionTexts(blockOf({ type: 'text', text: '  ' }, 0))).toEqual([' ']);
  });

  it('a long section keeps its bold title once, and all of its text', () => {
    const text = memberText(7000);
    const chunks = sectionTexts(blockOf({ type: 'section', title: 'Bo', text }, 0));
    expect(chunks[0]).toMatch(/^\*Bo\*/);
    expect(chunks.filter((c) => c.includes('*Bo*'))).toHaveLength(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
    const body = chunks.join('').replace(/^\*Bo\*/, '');
    expect(body.replace(/\s/g, '')).toBe(escapeMrkdwn(text).replace(/\s/g, ''));
  });

  it('a long text without any whitespace is still split, losing nothing', () => {
    const text = 'x'.repeat(7000);
    const chunks = sectionTexts(blockOf({ type: 'text', text }, 0));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
    expect(chunks.join('')).toBe(text);
  });

  it('a split never falls inside an escape: each section reads on its own', () => {
    // 1,500 "&" with no space become 7,500 characters of "&amp;"; each section must hold whole entities.
    for (const text of ['&'.repeat(1500), 'R&D/'.repeat(900), '<'.repeat(1800)]) {
      const chunks = sectionTexts(blockOf({ type: 'text', text }, 0));
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(escapeMrkdwn(text));
      for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
      // A section ending in half an entity ("…&a") would show its pieces as text.
      const broken = chunks.filter((chunk) => escapeMrkdwn(unescapeMrkdwn(chunk)) !== chunk).map((chunk) => `…${chunk.slice(-6)}`);
      expect(broken, `sections split inside an escape, for ${JSON.stringify(text.slice(0, 8))}…`).toEqual([]);
    }
  });

  it('a split never falls inside a character (an emoji is not cut in half)', () => {
    const text = `a${'😀'.repeat(3500)}`;
    const chunks = sectionTexts(blockOf({ type: 'text', text }, 0));
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
    expect(
      chunks.map((chunk) => LONE_SURROGATE.test(chunk)),
      'sections holding half an emoji',
    ).toEqual(chunks.map(() => false));
  });

  it('an empty text still gives a section Slack accepts (it refuses empty text)', () => {
    const block = one(blockOf({ type: 'text', text: '' }, 0)) as { text: { text: string } };
    expect(block.text.text.length).toBeGreaterThan(0);
  });
});

/**
 * What Slack receives for a message: every part checked against Slack's limits, the first part's
 * text, and all parts' blocks in order (split.test.ts checks the splitting itself).
 */
function messageArgs(message: Message) {
  const parts = messageParts(message);
  for (const part of parts) {
    expect(blockProblems(part.blocks, 50)).toEqual([]);
    expect(chars(part.text)).toBeLessThanOrEqual(3000);
  }
  return { text: parts[0]!.text, blocks: parts.flatMap((part) => part.blocks) };
}

describe('messageParts', () => {
  it('keeps the plain-text fallback and renders the blocks in order', () => {
    const message: Message = {
      text: 'Tjek-ind #1',
      blocks: [
        { type: 'header', text: 'Tjek-ind #1' },
        { type: 'context', text: 'Kun antal' },
      ],
    };
    const args = one(messageParts(message)) as { text: string; blocks: Array<{ type: string }> };
    expect(args.text).toBe('Tjek-ind #1');
    expect(args.blocks.map((b) => b.type)).toEqual(['header', 'context']);
  });
});

describe('the core’s check-in messages rendered for Slack', () => {
  const languages: Language[] = ['da', 'en'];
  const kinds = ['since_last', 'take_away'] as const;

  for (const language of languages) {
    for (const kind of kinds) {
      it(`roundMessage (${language}, ${kind}, open) is valid Block Kit with its four buttons, the facilitator's labelled`, () => {
        const args = messageArgs(roundMessage(group(language), { sequence: 12 }, { id: 'round-7', kind, status: 'open' }));
        expect(blockProblems(args.blocks, 50)).toEqual([]);
        expect(args.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
        expect((args.blocks[0] as { text: { text: string } }).text.text).toContain('#12');
        const actions = one(args.blocks.filter((b) => b.type === 'actions')) as { elements: Json[] };
        const expected = kind === 'since_last' ? [ACTIONS.answer, ACTIONS.pass, ACTIONS.startTakeAway, ACTIONS.status] : [ACTIONS.answer, ACTIONS.pass, ACTIONS.closeCheckin, ACTIONS.status];
        expect(actions.elements.map((e) => coreAction(String(e['action_id'])))).toEqual(expected);
        expect(actions.elements.map((e) => e['value'])).toEqual(['round-7', 'round-7', 'round-7', 'round-7']);
        // A channel message is the same for everyone: the facilitator's buttons say whose they are.
        expect(actions.elements.map((e) => (e['text'] as { text: string }).text.endsWith('(facilitator)'))).toEqual([false, false, true, true]);
        expect(args.text.length).toBeGreaterThan(0);
      });

      it(`roundMessage (${language}, ${kind}, closed) has no buttons`, () => {
        const args = messageArgs(roundMessage(group(language), { sequence: 12 }, { id: 'round-7', kind, status: 'closed' }));
        expect(blockProblems(args.blocks, 50)).toEqual([]);
        expect(args.blocks.some((b) => b.type === 'actions')).toBe(false);
      });

      it(`answerForm (${language}, ${kind}) with a full-length answer opens as a valid modal`, () => {
        const existing = { text: memberText(MAX_ANSWER_LENGTH), passed: false, shared: true };
        const lastTakeaway = memberText(MAX_ANSWER_LENGTH);
        const form = answerForm(group(language), { id: 'round-7', kind }, existing, lastTakeaway);
        const view = formModal(form, place);
        expect(viewProblems(view, 'modal')).toEqual([]);
        expect(blockProblems(view.blocks, 100)).toEqual([]);
        expect(chars(view.title.text)).toBeLessThanOrEqual(24);
        expect(view.close?.text).toBe(language === 'da' ? 'Luk' : 'Close');
        expect(formMetadata(view.private_metadata!)).toEqual({ formId: form.id, state: 'round-7', place, language });
        // The text input shows the answer as written: plain text, not escaped.
        const answer = elementOf(view, 'answer');
        expect(answer).toMatchObject({ action_id: 'text', max_length: MAX_ANSWER_LENGTH, initial_value: existing.text });
        // Member text in the intro cannot ping anyone and comes through whole.
        for (const text of mrkdwnTexts(view.blocks)) expect(text).not.toMatch(/[<>]/);
        if (kind === 'since_last') {
          const intro = mrkdwnTexts(view.blocks).join('').replace(/\s/g, '');
          expect(intro).toContain(escapeMrkdwn(lastTakeaway).replace(/\s/g, ''));
        }
        const fieldIds = form.fields.map((f) => f.id);
        expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(fieldIds);
        // And what the member submits comes back as the core's values.
        const values = formValues(submitted(view, { answer: 'Nyt svar', pass: false }));
        expect(values['answer']).toBe('Nyt svar');
        expect(values['pass']).toBe(false);
        if (kind === 'take_away') expect(values['share']).toBe(true);
      });
    }
  }

  it('answerForm with no earlier answer opens without initial values', () => {
    const view = formModal(answerForm(group('da'), { id: 'round-7', kind: 'take_away' }, null, null), place);
    expect(elementOf(view, 'answer')).not.toHaveProperty('initial_value');
    expect(elementOf(view, 'pass')).not.toHaveProperty('initial_options');
    expect(elementOf(view, 'share')).not.toHaveProperty('initial_options');
    expect(viewProblems(view, 'modal')).toEqual([]);
  });

  const names: Record<string, string> = { p1: 'Anna <!channel>', p2: 'Bo', p3: 'Carl & Co' };

  for (const language of languages) {
    it(`summaryMessage (${language}) with long shared takeaways is valid Block Kit and loses no word`, () => {
      const shared = [
        { personId: 'p1', text: memberText(MAX_ANSWER_LENGTH) },
        { personId: 'p3', text: '&'.repeat(MAX_ANSWER_LENGTH) },
      ];
      const message = summaryMessage(group(language), { sequence: 4 }, { present: ['p1', 'p2', 'p3'], total: 4, shared }, (id) => names[id] ?? id);
      const args = messageArgs(message);
      expect(blockProblems(args.blocks, 50)).toEqual([]);
      const texts = mrkdwnTexts(args.blocks);
      for (const text of texts) expect(text).not.toMatch(/[<>]/);
      const all = texts.join('').replace(/\s/g, '');
      for (const item of shared) expect(all).toContain(escapeMrkdwn(item.text).replace(/\s/g, ''));
      expect(all).toContain('*Anna&lt;!channel&gt;*');
      expect(all).toContain(escapeMrkdwn(translate(language, 'summary.thanks')).replace(/\s/g, ''));
    });

    it(`summaryMessage (${language}) with nothing shared is valid Block Kit`, () => {
      const message = summaryMessage(group(language), { sequence: 4 }, { present: [], total: 3, shared: [] }, (id) => id);
      const args = messageArgs(message);
      expect(blockProblems(args.blocks, 50)).toEqual([]);
      expect(mrkdwnTexts(args.blocks).join('\n')).toContain(escapeMrkdwn(translate(language, 'summary.nothing_shared')));
    });
  }

  it('a summary with 24 short shared takeaways keeps every takeaway and the closing thanks', () => {
    // 4 blocks of frame + a title and a text block per takeaway: 24 takeaways already pass 50.
    const shared = Array.from({ length: 24 }, (_, i) => ({ personId: `p${i}`, text: `Takeaway nummer ${i}.` }));
    const message = summaryMessage(group('da'), { sequence: 9 }, { present: shared.map((s) => s.personId), total: 24, shared }, (id) => `Navn ${id}`);
    const args = messageArgs(message);
    expect(blockProblems(args.blocks, 50)).toEqual([]);
    const all = mrkdwnTexts(args.blocks).join('\n');
    expect(
      shared.filter((item) => !all.includes(item.text)).map((item) => item.personId),
      'takeaways missing from the summary',
    ).toEqual([]);
    expect(all).toContain(translate('da', 'summary.thanks'));
  });
});
