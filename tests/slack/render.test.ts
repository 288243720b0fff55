// The Slack renderers are pure: neutral message or form in, Block Kit out. These tests check the
// structure Slack receives against its documented limits, that nothing a member wrote can ping
// or link anyone, and that a modal's values come back to the core as the values it asked for.
import { describe, expect, it } from 'vitest';
import type { Block, Field, Form, Group, Language, Message, Place } from '../../src/core/index.ts';
import { translate } from '../../src/core/index.ts';
import { ACTIONS, answerForm, roundMessage, summaryMessage } from '../../src/core/checkins/messages.ts';
import { MAX_ANSWER_LENGTH } from '../../src/core/checkins/rules.ts';
import {
  FORM_CALLBACK,
  blockOf,
  escapeMrkdwn,
  formModal,
  homeView,
  loadingModal,
  messageArgs,
  messageModal,
} from '../../adapters/slack/render.ts';
import { coreAction, formMetadata, formValues, mentionText, placeOf, viewSubmissionSchema } from '../../adapters/slack/parse.ts';
import { inputValues, type Answer } from '../support/fake-slack/index.ts';
import { viewProblems } from '../support/fake-slack/validate.ts';

// ——— Helpers: Slack's limits, written down once ———

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slack counts characters, not UTF-16 units. */
const chars = (text: string): number => [...text].length;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(where: string, object: unknown, types: string[], max: number): string | undefined {
  if (!isJson(object) || typeof object['type'] !== 'string' || !types.includes(object['type'])) return `${where}: not a ${types.join('/')} text object`;
  const text = object['text'];
  if (typeof text !== 'string' || text.length === 0) return `${where}: empty text`;
  if (chars(text) > max) return `${where}: ${chars(text)} characters, more than ${max}`;
  if (LONE_SURROGATE.test(text)) return `${where}: a character split in half`;
  return undefined;
}

function optionProblems(where: string, options: unknown): string[] {
  if (!Array.isArray(options) || options.length === 0 || options.length > 100) return [`${where}: 1–100 options`];
  return options.flatMap((o, i) => {
    if (!isJson(o) || typeof o['value'] !== 'string' || o['value'].length > 150) return [`${where}/${i}: bad value`];
    const p = textProblem(`${where}/${i}/text`, o['text'], ['plain_text'], 75);
    return p ? [p] : [];
  });
}

function elementProblems(where: string, element: unknown): string[] {
  if (!isJson(element) || typeof element['action_id'] !== 'string' || element['action_id'].length > 255) return [`${where}: no action_id`];
  const problems: string[] = [];
  switch (element['type']) {
    case 'plain_text_input': {
      const max = element['max_length'];
      if (max !== undefined && (typeof max !== 'number' || max < 1 || max > 3000)) problems.push(`${where}: max_length ${String(max)}`);
      const initial = element['initial_value'];
      if (initial !== undefined && (typeof initial !== 'string' || (typeof max === 'number' && chars(initial) > max))) {
        problems.push(`${where}: initial_value longer than max_length`);
      }
      break;
    }
    case 'static_select':
    case 'multi_static_select':
      problems.push(...optionProblems(`${where}/options`, element['options']));
      break;
    case 'checkboxes':
      if (!Array.isArray(element['options']) || element['options'].length > 10) problems.push(`${where}: 1–10 options`);
      problems.push(...optionProblems(`${where}/options`, element['options']));
      break;
    default:
      problems.push(`${where}: unexpected element ${String(element['type'])}`);
  }
  return problems;
}

/** What Slack would refuse in these blocks (as documented for Block Kit); empty when all is well. */
function blockProblems(blocks: readonly unknown[], max: number): string[] {
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`${blocks.length} blocks, more than ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `blocks/${i}`;
    if (!isJson(block)) return problems.push(`${at}: not an object`);
    const blockId = block['block_id'];
    if (blockId !== undefined) {
      if (typeof blockId !== 'string' || blockId.length === 0 || blockId.length > 255) problems.push(`${at}: bad block_id`);
      else if (blockIds.has(blockId)) problems.push(`${at}: duplicate block_id ${blockId}`);
      else blockIds.add(blockId);
    }
    const add = (p: string | undefined): void => void (p && problems.push(p));
    switch (block['type']) {
      case 'header':
        add(textProblem(`${at}/text`, block['text'], ['plain_text'], 150));
        break;
      case 'section': {
        const fields = block['fields'];
        if (block['text'] === undefined && fields === undefined) problems.push(`${at}: neither text nor fields`);
        if (block['text'] !== undefined) add(textProblem(`${at}/text`, block['text'], ['mrkdwn', 'plain_text'], 3000));
        if (fields !== undefined) {
          if (!Array.isArray(fields) || fields.length === 0 || fields.length > 10) problems.push(`${at}: 1–10 fields`);
          else fields.forEach((f, j) => add(textProblem(`${at}/fields/${j}`, f, ['mrkdwn', 'plain_text'], 2000)));
        }
        break;
      }
      case 'actions': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) {
          problems.push(`${at}: 1–25 elements`);
          break;
        }
        const actionIds = new Set<string>();
        elements.forEach((e, j) => {
          if (!isJson(e) || e['type'] !== 'button') return problems.push(`${at}/elements/${j}: not a button`);
          const actionId = e['action_id'];
          if (typeof actionId !== 'string' || actionId.length === 0 || actionId.length > 255) problems.push(`${at}/elements/${j}: bad action_id`);
          else if (actionIds.has(actionId)) problems.push(`${at}/elements/${j}: duplicate action_id ${actionId}`);
          else actionIds.add(actionId);
          add(textProblem(`${at}/elements/${j}/text`, e['text'], ['plain_text'], 75));
          if (e['value'] !== undefined && (typeof e['value'] !== 'string' || e['value'].length > 2000)) problems.push(`${at}/elements/${j}: bad value`);
          if (e['style'] !== undefined && e['style'] !== 'primary' && e['style'] !== 'danger') problems.push(`${at}/elements/${j}: bad style`);
        });
        break;
      }
      case 'context': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) problems.push(`${at}: 1–10 elements`);
        else elements.forEach((e, j) => add(textProblem(`${at}/elements/${j}`, e, ['mrkdwn', 'plain_text'], 3000)));
        break;
      }
      case 'input':
        add(textProblem(`${at}/label`, block['label'], ['plain_text'], 2000));
        if (block['hint'] !== undefined) add(textProblem(`${at}/hint`, block['hint'], ['plain_text'], 2000));
        problems.push(...elementProblems(`${at}/element`, block['element']));
        break;
      default:
        problems.push(`${at}: unexpected block type ${String(block['type'])}`);
    }
  });
  return problems;
}

/** Every mrkdwn string in the blocks, in order: what Slack parses for mentions and links. */
function mrkdwnTexts(blocks: readonly unknown[]): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isJson(value)) {
      if (value['type'] === 'mrkdwn' && typeof value['text'] === 'string') texts.push(value['text']);
      else Object.values(value).forEach(visit);
    }
  };
  visit(blocks);
  return texts;
}

function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The rendered text of a block that renders as mrkdwn sections. */
function sectionTexts(blocks: readonly unknown[]): string[] {
  return blocks.map((b) => {
    expect(b).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    return (b as { text: { text: string } }).text.text;
  });
}

/** The only item (asserted), left untyped for the test to say what it expects. */
const one = (items: readonly unknown[]): unknown => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

const group = (language: Language): Group => ({
  id: 'g1',
  platform: 'slack',
  conversationId: 'T0001:C0001',
  name: 'ledergruppen',
  language,
  timeZone: 'Europe/Copenhagen',
});

const place: Place = { conversationId: 'T0001:C0001', kind: 'group', name: 'ledergruppen' };

/** Words with spaces and line breaks, and characters Slack treats as markup, to exactly `length`. */
function memberText(length: number): string {
  const words = ['R&D', 'møde', '<!channel>', 'og', '<@U123>', 'næste', 'skridt\n', 'a>b', '😀', 'tak.'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
  return text.slice(0, length);
}

// ——— Each neutral block ———

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
    expect(blockOf({ type: 'text', text: 'Skriv `tjekind start`\nnæste linje' }, 0)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Skriv `tjekind start`\nnæste linje' } },
    ]);
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

  it('context → a context block with one mrkdwn element', () => {
    expect(blockOf({ type: 'context', text: 'Kun antal' }, 0)).toEqual([{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Kun antal' }] }]);
  });
});

// ——— Member text ———

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
    expect(chunks.map((chunk) => LONE_SURROGATE.test(chunk)), 'sections holding half an emoji').toEqual(chunks.map(() => false));
  });

  it('an empty text still gives a section Slack accepts (it refuses empty text)', () => {
    const block = one(blockOf({ type: 'text', text: '' }, 0)) as { text: { text: string } };
    expect(block.text.text.length).toBeGreaterThan(0);
  });
});

// ——— Messages ———

describe('messageArgs', () => {
  it('keeps the plain-text fallback and renders the blocks in order', () => {
    const message: Message = { text: 'Tjek-ind #1', blocks: [{ type: 'header', text: 'Tjek-ind #1' }, { type: 'context', text: 'Kun antal' }] };
    const args = messageArgs(message);
    expect(args.text).toBe('Tjek-ind #1');
    expect(args.blocks.map((b) => b.type)).toEqual(['header', 'context']);
  });

  it('caps a message at 50 blocks, keeping the first 50', () => {
    const blocks: Block[] = Array.from({ length: 60 }, (_, i) => ({ type: 'text', text: `linje ${i}` }));
    const args = messageArgs({ text: 'x', blocks });
    expect(args.blocks).toHaveLength(50);
    expect(sectionTexts(args.blocks)).toEqual(blocks.slice(0, 50).map((b) => (b as { text: string }).text));
    expect(blockProblems(args.blocks, 50)).toEqual([]);
  });

  it('counts the sections a long text is split into towards the 50', () => {
    const blocks: Block[] = Array.from({ length: 20 }, () => ({ type: 'text', text: memberText(7000) }));
    const args = messageArgs({ text: 'x', blocks });
    expect(args.blocks).toHaveLength(50);
    expect(blockProblems(args.blocks, 50)).toEqual([]);
  });
});

// ——— Forms ———

const fullForm: Form = {
  id: 'round.answer',
  state: 'round-1',
  title: 'Siden sidst',
  submitLabel: 'Gem',
  intro: [{ type: 'section', title: 'Det tog du med dig sidst', text: 'Pauser <3' }],
  fields: [
    { type: 'text', id: 'answer', label: 'Dit svar', multiline: true, maxLength: 3000, optional: true, initial: 'før', hint: 'Højst 3.000 tegn' },
    { type: 'choice', id: 'language', label: 'Sprog', options: [{ value: 'da', label: 'Dansk' }, { value: 'en', label: 'Engelsk' }], initial: 'en' },
    { type: 'multi_choice', id: 'members', label: 'Medlemmer', options: [{ value: 'p1', label: 'Bo' }, { value: 'p2', label: 'Carl' }, { value: 'p3', label: 'Dea' }], initial: ['p2'], optional: true },
    { type: 'checkbox', id: 'share', label: 'Del med gruppen', initial: true },
  ],
};

/** The same fields with neither initial values nor optional flags. */
const blankForm: Form = {
  ...fullForm,
  fields: fullForm.fields.map((field): Field => {
    const { initial: _initial, ...rest } = field;
    if ('optional' in rest) delete rest.optional;
    return rest as Field;
  }),
};

function inputBlock(view: { blocks: readonly unknown[] }, blockId: string): Json {
  const block = view.blocks.find((b) => isJson(b) && b['type'] === 'input' && b['block_id'] === blockId);
  expect(block, `input block ${blockId}`).toBeDefined();
  return block as Json;
}

const elementOf = (view: { blocks: readonly unknown[] }, blockId: string): Json => inputBlock(view, blockId)['element'] as Json;

/** Slack's view_submission state.values, read by the same schema the app reads them with. */
function submitted(view: { blocks: readonly unknown[] }, answers: Record<string, Answer>) {
  return viewSubmissionSchema.shape.view.shape.state.parse({ values: inputValues(view, answers) });
}

describe('formModal', () => {
  const view = formModal(fullForm, place, 'da');

  it('is a modal Slack accepts, with the form callback', () => {
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(FORM_CALLBACK);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(blockProblems(view.blocks, 100)).toEqual([]);
  });

  it('has the form’s title and submit label and the catalogue’s close label', () => {
    expect(view.title).toMatchObject({ type: 'plain_text', text: 'Siden sidst' });
    expect(view.submit).toMatchObject({ type: 'plain_text', text: 'Gem' });
    expect(view.close).toMatchObject({ type: 'plain_text', text: translate('da', 'platform.close') });
    expect(view.close?.text).toBe('Luk');
    expect(formModal(fullForm, place, 'en').close?.text).toBe('Close');
  });

  it('cuts title, submit and close labels to 24 characters', () => {
    const long = formModal({ ...fullForm, title: 'En meget lang titel på en formular', submitLabel: 'Gem og send til hele gruppen nu' }, place, 'da');
    for (const label of [long.title, long.submit, long.close]) {
      expect(label?.type).toBe('plain_text');
      expect(chars(label!.text)).toBeLessThanOrEqual(24);
    }
    expect(long.title.text).toBe('En meget lang titel på …');
    expect(long.submit?.text).toMatch(/^Gem og send til hele gr.*…$/);
    expect(viewProblems(long, 'modal')).toEqual([]);
  });

  it('private_metadata carries the form id, state and place back through formMetadata', () => {
    expect(formMetadata(view.private_metadata!)).toEqual({ formId: 'round.answer', state: 'round-1', place });
    const direct: Place = { conversationId: 'T0001:U0001', kind: 'direct' };
    expect(formMetadata(formModal(fullForm, direct, 'da').private_metadata!)).toEqual({ formId: 'round.answer', state: 'round-1', place: direct });
    expect(formMetadata('not json')).toBeNull();
    expect(formMetadata(JSON.stringify({ formId: 'x', state: 's' }))).toBeNull();
  });

  it('shows the intro first, escaped, then one input block per field in order', () => {
    const types = view.blocks.map((b) => b.type);
    expect(types.slice(-4)).toEqual(['input', 'input', 'input', 'input']);
    expect(types.slice(0, -4).every((t) => t !== 'input')).toBe(true);
    const intro = mrkdwnTexts(view.blocks).join('\n');
    expect(intro).toContain('*Det tog du med dig sidst*');
    expect(intro).toContain('Pauser &lt;3');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['answer', 'language', 'members', 'share']);
  });

  it('names each element’s kind in its action_id', () => {
    const kinds = Object.fromEntries(fullForm.fields.map((f) => [f.id, elementOf(view, f.id)]));
    expect(kinds['answer']).toMatchObject({ type: 'plain_text_input', action_id: 'text' });
    expect(kinds['language']).toMatchObject({ type: 'static_select', action_id: 'choice' });
    expect(kinds['members']).toMatchObject({ type: 'multi_static_select', action_id: 'multi_choice' });
    expect(kinds['share']).toMatchObject({ type: 'checkboxes', action_id: 'checkbox' });
    expect(inputBlock(view, 'answer')['label']).toMatchObject({ type: 'plain_text', text: 'Dit svar' });
    expect(inputBlock(view, 'answer')['hint']).toMatchObject({ type: 'plain_text', text: 'Højst 3.000 tegn' });
    expect(elementOf(view, 'answer')['multiline']).toBe(true);
    expect(elementOf(view, 'language')['options']).toEqual([
      { text: { type: 'plain_text', text: 'Dansk', emoji: true }, value: 'da' },
      { text: { type: 'plain_text', text: 'Engelsk', emoji: true }, value: 'en' },
    ]);
  });

  it('caps a text field’s max_length at 3000 and leaves it out when the field has none', () => {
    const withMax = (maxLength?: number) =>
      elementOf(formModal({ ...fullForm, fields: [{ type: 'text', id: 't', label: 'T', ...(maxLength ? { maxLength } : {}) }] }, place, 'da'), 't');
    expect(withMax(5000)['max_length']).toBe(3000);
    expect(withMax(200)['max_length']).toBe(200);
    expect(withMax()).not.toHaveProperty('max_length');
  });

  it('marks optional fields optional; a checkbox is always optional (unticked is an answer)', () => {
    expect(inputBlock(view, 'answer')['optional']).toBe(true);
    expect(inputBlock(view, 'members')['optional']).toBe(true);
    expect(inputBlock(view, 'share')['optional']).toBe(true);
    expect(inputBlock(view, 'language')['optional'] ?? false).toBe(false);
    const required = formModal(blankForm, place, 'da');
    expect(inputBlock(required, 'answer')['optional']).toBe(false);
    expect(inputBlock(required, 'members')['optional']).toBe(false);
    expect(inputBlock(required, 'share')['optional']).toBe(true);
  });

  it('sets initial values when the field has them', () => {
    expect(elementOf(view, 'answer')['initial_value']).toBe('før');
    expect(elementOf(view, 'language')['initial_option']).toEqual({ text: { type: 'plain_text', text: 'Engelsk', emoji: true }, value: 'en' });
    expect(elementOf(view, 'members')['initial_options']).toEqual([{ text: { type: 'plain_text', text: 'Carl', emoji: true }, value: 'p2' }]);
    expect(elementOf(view, 'share')['initial_options']).toEqual(elementOf(view, 'share')['options']);
  });

  it('leaves initial values out when the field has none (Slack refuses empty ones)', () => {
    const blank = formModal(blankForm, place, 'da');
    expect(elementOf(blank, 'answer')).not.toHaveProperty('initial_value');
    expect(elementOf(blank, 'language')).not.toHaveProperty('initial_option');
    expect(elementOf(blank, 'members')).not.toHaveProperty('initial_options');
    expect(elementOf(blank, 'share')).not.toHaveProperty('initial_options');
    // Empty or false initial values count as none, too.
    const empty = formModal(
      {
        ...fullForm,
        fields: [
          { type: 'text', id: 'answer', label: 'Svar', initial: '' },
          { type: 'choice', id: 'language', label: 'Sprog', options: [{ value: 'da', label: 'Dansk' }], initial: 'xx' },
          { type: 'multi_choice', id: 'members', label: 'Medlemmer', options: [{ value: 'p1', label: 'Bo' }], initial: [] },
          { type: 'checkbox', id: 'share', label: 'Del', initial: false },
        ],
      },
      place,
      'da',
    );
    expect(elementOf(empty, 'answer')).not.toHaveProperty('initial_value');
    expect(elementOf(empty, 'language')).not.toHaveProperty('initial_option');
    expect(elementOf(empty, 'members')).not.toHaveProperty('initial_options');
    expect(elementOf(empty, 'share')).not.toHaveProperty('initial_options');
    expect(viewProblems(empty, 'modal')).toEqual([]);
  });

  it('caps the view at 100 blocks, cutting the intro, never a field', () => {
    const intro: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: 'text', text: `intro ${i}` }));
    const big = formModal({ ...fullForm, intro }, place, 'da');
    expect(big.blocks).toHaveLength(100);
    expect(big.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['answer', 'language', 'members', 'share']);
    expect(sectionTexts(big.blocks.slice(0, 96))).toEqual(intro.slice(0, 96).map((b) => (b as { text: string }).text));
    expect(viewProblems(big, 'modal')).toEqual([]);
  });

  it('never exceeds 100 blocks, even for a form with more than 100 fields', () => {
    const fields: Field[] = Array.from({ length: 101 }, (_, i) => ({ type: 'checkbox', id: `f${i}`, label: `Felt ${i}` }));
    const big = formModal({ ...fullForm, intro: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], fields }, place, 'da');
    expect(big.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('a modal’s values come back as the form’s values', () => {
  const view = formModal(fullForm, place, 'da');

  it('answered: string, string, string[] and boolean', () => {
    const state = submitted(view, { answer: 'Et nyt svar <3', language: 'da', members: ['p1', 'p3'], share: false });
    expect(formValues(state)).toEqual({ answer: 'Et nyt svar <3', language: 'da', members: ['p1', 'p3'], share: false });
  });

  it('left as opened: the initial values', () => {
    expect(formValues(submitted(view, {}))).toEqual({ answer: 'før', language: 'en', members: ['p2'], share: true });
  });

  it('blank form left empty: empty text, no choice, no members, unticked', () => {
    const blank = formModal(blankForm, place, 'da');
    expect(formValues(submitted(blank, {}))).toEqual({ answer: '', language: '', members: [], share: false });
    expect(formValues(submitted(blank, { share: true }))['share']).toBe(true);
  });

  it('reads state.values exactly as Slack sends them (hand-written)', () => {
    const state = viewSubmissionSchema.shape.view.shape.state.parse({
      values: {
        answer: { text: { type: 'plain_text_input', value: null } },
        language: { choice: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Dansk' }, value: 'da' } } },
        members: { multi_choice: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Bo' }, value: 'p1' }] } },
        share: { checkbox: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Del' }, value: 'yes' }] } },
      },
    });
    expect(formValues(state)).toEqual({ answer: '', language: 'da', members: ['p1'], share: true });
  });
});

// ——— Message modals and App Home ———

describe('messageModal, loadingModal and homeView', () => {
  const message: Message = { text: 'Gemt', blocks: [{ type: 'header', text: 'Gemt' }, { type: 'text', text: 'Dit svar er gemt <3' }] };

  it('messageModal is a modal with the app’s name, a localised close and no submit', () => {
    const da = messageModal(message, 'da');
    expect(da.type).toBe('modal');
    expect(da.title).toMatchObject({ type: 'plain_text', text: translate('da', 'platform.app_name') });
    expect(da.close?.text).toBe('Luk');
    expect(da).not.toHaveProperty('submit');
    expect(messageModal(message, 'en').close?.text).toBe('Close');
    expect(mrkdwnTexts(da.blocks)).toEqual(['Dit svar er gemt &lt;3']);
    expect(viewProblems(da, 'modal')).toEqual([]);
    expect(blockProblems(da.blocks, 100)).toEqual([]);
  });

  it('messageModal caps its blocks at 100', () => {
    const many = messageModal({ text: '', blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `${i}` })) }, 'da');
    expect(many.blocks).toHaveLength(100);
    expect(viewProblems(many, 'modal')).toEqual([]);
  });

  it('loadingModal says “one moment” in the person’s language', () => {
    for (const [language, close] of [['da', 'Luk'], ['en', 'Close']] as const) {
      const view = loadingModal(language);
      expect(view.type).toBe('modal');
      expect(view.close?.text).toBe(close);
      expect(mrkdwnTexts(view.blocks)).toEqual([escapeMrkdwn(translate(language, 'platform.loading'))]);
      expect(viewProblems(view, 'modal')).toEqual([]);
    }
  });

  it('homeView is a home view with the message’s blocks, capped at 100', () => {
    const home = homeView(message);
    expect(home.type).toBe('home');
    expect(home.blocks.map((b) => b.type)).toEqual(['header', 'section']);
    expect(viewProblems(home, 'home')).toEqual([]);
    const many = homeView({ text: '', blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `${i}` })) });
    expect(many.blocks).toHaveLength(100);
  });
});

// ——— Parsing what Slack sends ———

describe('placeOf, mentionText and coreAction', () => {
  it('a channel or private channel is a group, keyed by workspace', () => {
    expect(placeOf('T0001', 'C0123', 'ledergruppen')).toEqual({ conversationId: 'T0001:C0123', kind: 'group', name: 'ledergruppen' });
    expect(placeOf('T0001', 'G0456')).toEqual({ conversationId: 'T0001:G0456', kind: 'group' });
  });

  it('a direct message is direct, and carries no channel name', () => {
    expect(placeOf('T0001', 'D0789', 'directmessage')).toEqual({ conversationId: 'T0001:D0789', kind: 'direct' });
  });

  it('the same channel id in two workspaces is two places', () => {
    expect(placeOf('T0001', 'C0123').conversationId).not.toBe(placeOf('T0002', 'C0123').conversationId);
  });

  it('mentionText strips the bot’s mention, with or without a label', () => {
    expect(mentionText('<@U0BOT> tjekind start')).toBe('tjekind start');
    expect(mentionText('<@U0BOT|lederrum> tjekind start')).toBe('tjekind start');
    expect(mentionText('  <@U0BOT>   hjælp  ')).toBe('hjælp');
    expect(mentionText('tjekind start')).toBe('tjekind start');
  });

  it('coreAction takes the index suffix off an action_id and leaves a bare one alone', () => {
    expect(coreAction('round.answer|0')).toBe('round.answer');
    expect(coreAction('round.pass|12')).toBe('round.pass');
    expect(coreAction('round.answer')).toBe('round.answer');
  });
});

// ——— The core's real check-in messages, as Slack receives them ———

describe('the core’s check-in messages rendered for Slack', () => {
  const languages: Language[] = ['da', 'en'];
  const kinds = ['since_last', 'take_away'] as const;

  for (const language of languages) {
    for (const kind of kinds) {
      it(`roundMessage (${language}, ${kind}, open) is valid Block Kit with its three buttons`, () => {
        const args = messageArgs(roundMessage(group(language), { sequence: 12 }, { id: 'round-7', kind, status: 'open' }));
        expect(blockProblems(args.blocks, 50)).toEqual([]);
        expect(args.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
        expect((args.blocks[0] as { text: { text: string } }).text.text).toContain('#12');
        const actions = one(args.blocks.filter((b) => b.type === 'actions')) as { elements: Json[] };
        const expected =
          kind === 'since_last' ? [ACTIONS.answer, ACTIONS.pass, ACTIONS.startTakeAway] : [ACTIONS.answer, ACTIONS.pass, ACTIONS.closeCheckin];
        expect(actions.elements.map((e) => coreAction(String(e['action_id'])))).toEqual(expected);
        expect(actions.elements.map((e) => e['value'])).toEqual(['round-7', 'round-7', 'round-7']);
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
        const view = formModal(form, place, language);
        expect(viewProblems(view, 'modal')).toEqual([]);
        expect(blockProblems(view.blocks, 100)).toEqual([]);
        expect(chars(view.title.text)).toBeLessThanOrEqual(24);
        expect(view.close?.text).toBe(language === 'da' ? 'Luk' : 'Close');
        expect(formMetadata(view.private_metadata!)).toEqual({ formId: form.id, state: 'round-7', place });
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
    const view = formModal(answerForm(group('da'), { id: 'round-7', kind: 'take_away' }, null, null), place, 'da');
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
    expect(shared.filter((item) => !all.includes(item.text)).map((item) => item.personId), 'takeaways missing from the summary').toEqual([]);
    expect(all).toContain(translate('da', 'summary.thanks'));
  });
});
