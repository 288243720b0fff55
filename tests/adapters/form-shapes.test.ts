// Every form the core can show (form-walk.ts reaches each one), rendered for Teams and for Slack
// and checked against what each platform accepts: Microsoft's Adaptive Cards parser refuses a
// choice with an empty value (PropertyCantBeNull), a required input needs its errorMessage or the
// person is not told what is missing, and Slack refuses a select with no options and documents no
// empty option value.
import { beforeAll, describe, expect, it } from 'vitest';
import { formModal } from '../../adapters/slack/render.ts';
import { formCard } from '../../adapters/teams/render.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import type { Language } from '../../src/core/model/domain.ts';
import { FORM_IDS, type ShownForm, walkEveryForm } from './form-walk.ts';

let shown: ShownForm[] = [];
beforeAll(async () => {
  shown = await walkEveryForm();
}, 120_000);

type Node = Record<string, unknown>;
/** Every object inside a rendered card or view, depth first. */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}
const REQUIRED_KEYS = ['platform.required_text', 'platform.required_choice', 'platform.required_choices'] as const;
const PLACE = { conversationId: 'C1', kind: 'group' as const };

describe('the walk', () => {
  it('reaches every form a feature takes, in Danish and in English', () => {
    const ids = new Set(shown.map((s) => s.form.id));
    expect([...FORM_IDS].filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(shown.map((s) => s.language))).toEqual(new Set(['da', 'en']));
  });
});

describe('every form as a Teams Adaptive Card', () => {
  it("gives every required input an errorMessage in the form's language", () => {
    const problems: string[] = [];
    for (const { form, language } of shown) {
      for (const reader of ['da', 'en'] as Language[]) {
        const allowed = new Set(REQUIRED_KEYS.map((key) => translate(reader, key)));
        for (const input of nodes(formCard({ ...form, language: reader }, PLACE, { id: 'U1', name: 'Bo' }).body)) {
          if (input['isRequired'] === true && !allowed.has(String(input['errorMessage']))) problems.push(`${form.id} (${language}) ${String(input['id'])}: ${String(input['errorMessage'])}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no choice without a value and no choice set without choices', () => {
    const problems: string[] = [];
    for (const { form } of shown) {
      for (const set of nodes(formCard(form, PLACE, { id: 'U1', name: 'Bo' }).body).filter((n) => n['type'] === 'Input.ChoiceSet')) {
        const choices = set['choices'] as Array<{ value: unknown }>;
        if (choices.length === 0) problems.push(`${form.id} ${String(set['id'])}: no choices`);
        for (const choice of choices) if (typeof choice.value !== 'string' || choice.value === '') problems.push(`${form.id} ${String(set['id'])}: empty value`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('every form as a Slack modal', () => {
  it('has no select without options and no option without a value', () => {
    const problems: string[] = [];
    for (const { form } of shown) {
      for (const element of nodes(formModal(form, PLACE).blocks).filter((n) => Array.isArray(n['options']))) {
        const options = element['options'] as Array<{ value: unknown }>;
        if (options.length === 0) problems.push(`${form.id} ${String(element['action_id'])}: no options`);
        for (const option of options) if (typeof option.value !== 'string' || option.value === '') problems.push(`${form.id} ${String(element['action_id'])}: empty value`);
      }
    }
    expect(problems).toEqual([]);
  });
});
