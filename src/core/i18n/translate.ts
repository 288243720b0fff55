import type { Language } from '../model/domain.ts';
import { catalogue, type MessageKey } from './catalogue.ts';

export type Params = Record<string, string | number>;

/** The catalogue text in one language with its {placeholders} filled in. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const template: string = catalogue[key][language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, the form most code wants. */
export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(language: Language): Translator {
  return (key, params) => translate(language, key, params);
}

/** Lists names the way each language does: "A, B og C" / "A, B and C". */
export function listNames(language: Language, names: readonly string[]): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}
