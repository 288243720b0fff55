// Fills in a modal the app rendered the way a person would: builds the view_submission
// `state.values` for its input blocks, with each element's state in Slack's shape for its type.
import { isRecord } from './validate.ts';

export interface SlackOption {
  text: unknown;
  value: string;
  [field: string]: unknown;
}

export type ElementState = { type: string } & Record<string, unknown>;
export type StateValues = Record<string, Record<string, ElementState>>;
export type Answer = string | boolean | string[];

function optionsOf(element: Record<string, unknown>): SlackOption[] {
  const isOption = (o: unknown): o is SlackOption => isRecord(o) && typeof o['value'] === 'string';
  const direct = Array.isArray(element['options']) ? element['options'].filter(isOption) : [];
  const groups = Array.isArray(element['option_groups']) ? element['option_groups'] : [];
  const grouped = groups.flatMap((g) => (isRecord(g) && Array.isArray(g['options']) ? g['options'].filter(isOption) : []));
  return [...direct, ...grouped];
}

function pick(blockId: string, element: Record<string, unknown>, value: string): SlackOption {
  const options = optionsOf(element);
  const option = options.find((o) => o.value === value);
  if (!option) {
    throw new Error(`inputValues: block ${blockId} has no option ${JSON.stringify(value)} (it has ${options.map((o) => o.value).join(', ') || 'none'})`);
  }
  return option;
}

function wrong(blockId: string, type: string, answer: Answer): Error {
  return new Error(`inputValues: ${JSON.stringify(answer)} does not fit the ${type} in block ${blockId}`);
}

const SINGLE_VALUE: Record<string, string> = {
  datepicker: 'selected_date',
  timepicker: 'selected_time',
  users_select: 'selected_user',
  conversations_select: 'selected_conversation',
  channels_select: 'selected_channel',
};
const SINGLE_INITIAL: Record<string, string> = {
  datepicker: 'initial_date',
  timepicker: 'initial_time',
  users_select: 'initial_user',
  conversations_select: 'initial_conversation',
  channels_select: 'initial_channel',
};

function elementState(blockId: string, element: Record<string, unknown>, answer: Answer | undefined): ElementState {
  const type = String(element['type']);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      if (answer === undefined) return { type, value: element['initial_value'] ?? null };
      if (typeof answer !== 'string') throw wrong(blockId, type, answer);
      return { type, value: answer };
    }
    case 'static_select':
    case 'radio_buttons': {
      if (answer === undefined) return { type, selected_option: element['initial_option'] ?? null };
      if (typeof answer !== 'string') throw wrong(blockId, type, answer);
      return { type, selected_option: pick(blockId, element, answer) };
    }
    case 'checkboxes':
    case 'multi_static_select': {
      if (answer === undefined) return { type, selected_options: element['initial_options'] ?? [] };
      if (answer === true) {
        const first = optionsOf(element)[0];
        if (!first) throw new Error(`inputValues: block ${blockId} has no options to tick`);
        return { type, selected_options: [first] };
      }
      if (answer === false) return { type, selected_options: [] };
      const values = typeof answer === 'string' ? [answer] : answer;
      return { type, selected_options: values.map((v) => pick(blockId, element, v)) };
    }
    case 'multi_users_select': {
      if (answer === undefined) return { type, selected_users: element['initial_users'] ?? [] };
      if (!Array.isArray(answer)) throw wrong(blockId, type, answer);
      return { type, selected_users: answer };
    }
    default: {
      const field = SINGLE_VALUE[type];
      const initial = SINGLE_INITIAL[type];
      if (!field || !initial) {
        if (answer === undefined) return { type };
        throw new Error(`inputValues: element type ${type} in block ${blockId} is not supported`);
      }
      if (answer === undefined) return { type, [field]: element[initial] ?? null };
      if (typeof answer !== 'string') throw wrong(blockId, type, answer);
      return { type, [field]: answer };
    }
  }
}

/**
 * state.values for `view`'s input blocks: answered blocks get the given answer (a string for text
 * and single selects, string[] or true/false for checkboxes and multi selects); the rest keep
 * their initial value, as Slack submits them. Throws for an answer no input block takes.
 */
export function inputValues(view: unknown, answers: Record<string, Answer>): StateValues {
  const blocks = isRecord(view) && Array.isArray(view['blocks']) ? view['blocks'] : [];
  const values: StateValues = {};
  const answered = new Set<string>();
  for (const block of blocks) {
    if (!isRecord(block) || block['type'] !== 'input') continue;
    const blockId = block['block_id'];
    const element = block['element'];
    if (typeof blockId !== 'string' || !isRecord(element)) continue;
    const answer = Object.hasOwn(answers, blockId) ? answers[blockId] : undefined;
    if (answer !== undefined) answered.add(blockId);
    const actionId = typeof element['action_id'] === 'string' ? element['action_id'] : `${blockId}-action`;
    values[blockId] = { [actionId]: elementState(blockId, element, answer) };
  }
  const unused = Object.keys(answers).filter((k) => !answered.has(k));
  if (unused.length > 0) {
    throw new Error(`inputValues: no input block with block_id ${unused.join(', ')} (the view has ${Object.keys(values).join(', ') || 'none'})`);
  }
  return values;
}
