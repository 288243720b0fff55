// The catalogue's texts are ICU MessageFormat (intl-messageformat): {name} fills in a value, and
// {count, plural, one {# svar} other {# svar}} chooses the form each language needs, so no text
// says "påmindelse(r)". Tags are not parsed: a text may show `<tema>` as it is.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../model/domain.ts';
import { catalogue, type MessageKey } from './catalogue.ts';

export type Params = Record<string, string | number>;

/** Each text is parsed once per language, the first time it is needed. */
const compiled = new Map<string, IntlMessageFormat>();

function formatOf(language: Language, key: MessageKey): IntlMessageFormat {
  const id = `${language}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogue[key][language], language, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

/** The catalogue text in one language with its {placeholders} filled in. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return String(formatOf(language, key).format(params));
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
