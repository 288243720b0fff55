// Slack's Block Kit limits, written down once for the renderer tests, with fixtures and helpers
// to read rendered blocks back. Test support only.
import { expect } from 'vitest';
import type { Field, Form, Group, Language, Place } from '../../src/core/index.ts';
import { viewSubmissionSchema } from '../../adapters/slack/parse.ts';
import { inputValues, type Answer } from '../support/fake-slack/index.ts';
import { imageProblem } from '../support/fake-slack/validate.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

// ——— Helpers: Slack's limits, written down once ———

export type Json = Record<string, unknown>;

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slack counts characters, not UTF-16 units. */

export const chars = (text: string): number => [...text].length;

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(where: string, object: unknown, types: string[], max: number): string | undefined {
  if (!isJson(object) || typeof object['type'] !== 'string' || !types.includes(object['type'])) return `${where}: not a ${types.join('/')} text object`;
  const text = object['text'];
  if (typeof text !== 'string' || text.length === 0) return `${where}: empty text`;
  if (chars(text) > max) return `${where}: ${chars(text)} characters, more than ${max}`;
  if (LONE_SURROGATE.test(text)) return `${where}: a character split in half`;
  return undefined;
}

export function optionProblems(where: string, options: unknown): string[] {
  if (!Array.isArray(options) || options.length === 0 || options.length > 100) return [`${where}: 1–100 options`];
  return options.flatMap((o, i) => {
    if (!isJson(o) || typeof o['value'] !== 'string' || o['value'].length > 150) return [`${where}/${i}: bad value`];
    const p = textProblem(`${where}/${i}/text`, o['text'], ['plain_text'], 75);
    return p ? [p] : [];
  });
}

export function elementProblems(where: string, element: unknown): string[] {
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

export function blockProblems(blocks: readonly unknown[], max: number): string[] {
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`${blocks.length} blocks, more than ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `blocks/${i}`;
    if (!isJson(block)) {
      problems.push(`${at}: not an object`);
      return;
    }
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
          else
            fields.forEach((f, j) => {
              add(textProblem(`${at}/fields/${j}`, f, ['mrkdwn', 'plain_text'], 2000));
            });
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
          if (!isJson(e) || e['type'] !== 'button') {
            problems.push(`${at}/elements/${j}: not a button`);
            return;
          }
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
        else
          elements.forEach((e, j) => {
            add(textProblem(`${at}/elements/${j}`, e, ['mrkdwn', 'plain_text'], 3000));
          });
        break;
      }
      case 'rich_text': {
        // Only what the renderer uses: preformatted sections of plain text elements.
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}: rich_text without elements`);
        else
          elements.forEach((e, j) => {
            const parts = isJson(e) ? e['elements'] : undefined;
            if (!isJson(e) || e['type'] !== 'rich_text_preformatted' || !Array.isArray(parts) || parts.length === 0) {
              problems.push(`${at}/elements/${j}: not a preformatted section`);
              return;
            }
            parts.forEach((part, k) => {
              if (!isJson(part) || part['type'] !== 'text' || typeof part['text'] !== 'string' || part['text'].length === 0 || part['text'].length > 4000)
                problems.push(`${at}/elements/${j}/elements/${k}: bad text`);
            });
          });
        break;
      }
      case 'image':
        add(imageProblem(block) && `${at}: ${imageProblem(block)}`);
        break;
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

export function mrkdwnTexts(blocks: readonly unknown[]): string[] {
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

export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The rendered text of a block that renders as mrkdwn sections. */

export function sectionTexts(blocks: readonly unknown[]): string[] {
  return blocks.map((b) => {
    expect(b).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    return (b as { text: { text: string } }).text.text;
  });
}

/** The only item (asserted), left untyped for the test to say what it expects. */

export const one = (items: readonly unknown[]): unknown => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

export const group = (language: Language): Group => ({
  id: 'g1',
  platform: 'slack',
  workspace: workspaceOf('slack', 'T0001'),
  conversationId: 'T0001:C0001',
  name: 'ledergruppen',
  language,
  timeZone: 'Europe/Copenhagen',
});

export const place: Place = { conversationId: 'T0001:C0001', kind: 'group', name: 'ledergruppen' };

/** Words with spaces and line breaks, and characters Slack treats as markup, to exactly `length`. */

export function memberText(length: number): string {
  const words = ['R&D', 'møde', '<!channel>', 'og', '<@U123>', 'næste', 'skridt\n', 'a>b', '😀', 'tak.'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
  return text.slice(0, length);
}

// ——— Each neutral block ———

// ——— Member text ———

// ——— Messages ———

// ——— Forms ———

export const fullForm: Form = {
  id: 'round.answer',
  language: 'da',
  state: 'round-1',
  title: 'Siden sidst',
  submitLabel: 'Gem',
  intro: [{ type: 'section', title: 'Det tog du med dig sidst', text: 'Pauser <3' }],
  fields: [
    { type: 'text', id: 'answer', label: 'Dit svar', multiline: true, maxLength: 3000, optional: true, initial: 'før', hint: 'Højst 3.000 tegn' },
    {
      type: 'choice',
      id: 'language',
      label: 'Sprog',
      options: [
        { value: 'da', label: 'Dansk' },
        { value: 'en', label: 'Engelsk' },
      ],
      initial: 'en',
    },
    {
      type: 'multi_choice',
      id: 'members',
      label: 'Medlemmer',
      options: [
        { value: 'p1', label: 'Bo' },
        { value: 'p2', label: 'Carl' },
        { value: 'p3', label: 'Dea' },
      ],
      initial: ['p2'],
      optional: true,
    },
    { type: 'checkbox', id: 'share', label: 'Del med gruppen', initial: true },
  ],
};

/** The same fields with neither initial values nor optional flags. */

export const blankForm: Form = {
  ...fullForm,
  fields: fullForm.fields.map((field): Field => {
    const { initial: _initial, ...rest } = field;
    if ('optional' in rest) delete rest.optional;
    return rest as Field;
  }),
};

export function inputBlock(view: { blocks: readonly unknown[] }, blockId: string): Json {
  const block = view.blocks.find((b) => isJson(b) && b['type'] === 'input' && b['block_id'] === blockId);
  expect(block, `input block ${blockId}`).toBeDefined();
  return block as Json;
}

export const elementOf = (view: { blocks: readonly unknown[] }, blockId: string): Json => inputBlock(view, blockId)['element'] as Json;

/** Slack's view_submission state.values, read by the same schema the app reads them with. */

export function submitted(view: { blocks: readonly unknown[] }, answers: Record<string, Answer>) {
  return viewSubmissionSchema.shape.view.shape.state.parse({ values: inputValues(view, answers) });
}

// ——— Message modals and App Home ———

// ——— Parsing what Slack sends ———

// ——— The core's real check-in messages, as Slack receives them ———
