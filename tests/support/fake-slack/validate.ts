// The checks Slack makes on what an app sends — message text and blocks, modal and Home views —
// so that an app the fake accepts would not be turned away by the real thing.
import type { Args, SlackReply } from './types.ts';

export const ok = (fields: Record<string, unknown> = {}): SlackReply => ({ ok: true, ...fields });

export const fail = (error: string, extra: Record<string, unknown> = {}): SlackReply => ({ ok: false, error, ...extra });

/** Slack's invalid_arguments answer, with its `[ERROR] … [json-pointer:…]` explanations. */
export const invalidArguments = (messages: string[]): SlackReply => fail('invalid_arguments', { response_metadata: { messages } });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Form bodies carry booleans as 'true'/'1'; JSON bodies as booleans. */
export function booleanArg(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** Slack's documented limits for chat.postMessage and chat.update: 50 blocks is checked inline. */
export const SECTION_TEXT_MAX = 3000;
export const MESSAGE_TEXT_MAX = 40_000;

/**
 * What Slack objects to in an image block: it downloads image_url when the message is posted, and
 * refuses the whole message when it cannot (an address that is not public HTTPS); alt_text is
 * required, at most 2000 characters; a title is plain text of at most 2000.
 */
export function imageProblem(block: Record<string, unknown>): string | undefined {
  const url = block['image_url'];
  const alt = block['alt_text'];
  const title = block['title'];
  if (typeof url !== 'string' || url.length > 3000 || !/^https:\/\/(?!localhost[:/]|127\.)/.test(url)) return 'downloading image failed';
  if (typeof alt !== 'string' || alt.length === 0 || [...alt].length > 2000) return 'alt_text must be 1-2000 characters';
  if (title !== undefined && (!isRecord(title) || title['type'] !== 'plain_text' || typeof title['text'] !== 'string' || [...title['text']].length > 2000)) return 'bad title';
  return undefined;
}

/** The error code chat.postMessage/update answer for bad content, or undefined when it is fine. */
export function messageContentError(args: Args): string | undefined {
  const { text, blocks, attachments } = args;
  if (blocks !== undefined) {
    if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
    if (!blocks.every((b) => isRecord(b) && typeof b['type'] === 'string')) return 'invalid_blocks';
    // A section's text holds at most 3000 characters; Slack refuses the whole message, not the block.
    if (blocks.some((b) => b['type'] === 'section' && isRecord(b['text']) && typeof b['text']['text'] === 'string' && [...b['text']['text']].length > SECTION_TEXT_MAX)) return 'invalid_blocks';
    if (blocks.some((b) => b['type'] === 'image' && imageProblem(b) !== undefined)) return 'invalid_blocks';
  }
  const hasText = typeof text === 'string' && text.trim() !== '';
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) return 'no_text';
  if (typeof text === 'string' && text.length > MESSAGE_TEXT_MAX) return 'msg_too_long';
  return undefined;
}

function plainTextProblem(view: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = view[field];
  if (value === undefined) return required ? `[ERROR] missing required field: ${field} [json-pointer:/view/${field}]` : undefined;
  if (!isRecord(value) || value['type'] !== 'plain_text' || typeof value['text'] !== 'string') {
    return `[ERROR] must be a plain_text text object [json-pointer:/view/${field}]`;
  }
  if (value['text'].length > 24) return `[ERROR] must be less than 25 characters [json-pointer:/view/${field}/text]`;
  return undefined;
}

/**
 * A select's options as Slack's Block Kit reference describes them: a static select, multi-select
 * and checkbox group need at least one option, and an option's value is a string of 1 to 150
 * characters (Slack answers invalid_arguments for an empty list or an empty value).
 */
function optionProblems(block: Record<string, unknown>, index: number): string[] {
  const element = block['element'];
  if (!isRecord(element) || !Array.isArray(element['options'])) return [];
  const at = `/view/blocks/${index}/element/options`;
  const options = element['options'];
  if (options.length === 0) return [`[ERROR] must provide at least 1 items [json-pointer:${at}]`];
  return options.flatMap((option, j) => {
    const value = isRecord(option) ? option['value'] : undefined;
    if (typeof value !== 'string' || value.length === 0) return [`[ERROR] must be more than 0 characters [json-pointer:${at}/${j}/value]`];
    return value.length > 150 ? [`[ERROR] must be less than 151 characters [json-pointer:${at}/${j}/value]`] : [];
  });
}

/** What Slack objects to in a view; empty when the view would be accepted. */
export function viewProblems(view: unknown, type: 'modal' | 'home'): string[] {
  if (!isRecord(view)) return ['[ERROR] missing required field: view [json-pointer:/view]'];
  const problems: string[] = [];
  if (view['type'] !== type) problems.push(`[ERROR] must be a ${type} view [json-pointer:/view/type]`);
  if (type === 'modal') {
    for (const [field, required] of [
      ['title', true],
      ['submit', false],
      ['close', false],
    ] as const) {
      const problem = plainTextProblem(view, field, required);
      if (problem) problems.push(problem);
    }
  }
  const blocks = view['blocks'];
  if (!Array.isArray(blocks)) {
    problems.push('[ERROR] missing required field: blocks [json-pointer:/view/blocks]');
    return problems;
  }
  if (blocks.length > 100) problems.push('[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]');
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    if (!isRecord(block) || typeof block['type'] !== 'string') {
      problems.push(`[ERROR] missing required field: type [json-pointer:/view/blocks/${i}]`);
      return;
    }
    problems.push(...optionProblems(block, i));
    const blockId = block['block_id'];
    if (typeof blockId === 'string') {
      if (seen.has(blockId)) problems.push(`[ERROR] duplicate block_id ${blockId} [json-pointer:/view/blocks/${i}/block_id]`);
      seen.add(blockId);
    }
  });
  const hasInputs = blocks.some((b) => isRecord(b) && b['type'] === 'input');
  if (type === 'modal' && hasInputs && view['submit'] === undefined) {
    problems.push('[ERROR] must provide a submit property when using input blocks [json-pointer:/view]');
  }
  const metadata = view['private_metadata'];
  if (typeof metadata === 'string' && metadata.length > 3000) {
    problems.push('[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  return problems;
}
