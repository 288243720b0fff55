// ARCHITECTURE rule 9 and BRIEF point 5: every string in both languages, the same
// placeholders in both, and no word that labels a person as "stressed".
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueParts, type MessageKey } from '../../src/core/i18n/catalogue.ts';
import { IntlMessageFormat } from 'intl-messageformat';
import { listNames, translate, translator } from '../../src/core/i18n/translate.ts';

const entries = Object.entries(catalogue) as Array<[MessageKey, { da: string; en: string }]>;
/** The arguments an ICU text reads, plural and select ones included, from its parsed form. */
function placeholders(text: string, language: 'da' | 'en'): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as Array<{ value?: unknown; options?: Record<string, { value: unknown[] }> }>) {
      if (typeof element.value === 'string' && element.value !== '' && 'type' in element && (element as { type: number }).type !== 0) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, language, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

describe('the catalogue', () => {
  it('has a real number of entries', () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  it('is joined from areas that never define the same key twice', () => {
    const keys = catalogueParts.flatMap((part) => Object.keys(part));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(keys.length).toBe(entries.length);
  });

  it.each(entries)('%s has non-empty Danish and English text', (_key, entry) => {
    expect(typeof entry.da).toBe('string');
    expect(typeof entry.en).toBe('string');
    expect(entry.da.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
  });

  it.each(entries)('%s is valid ICU MessageFormat using the same {placeholders} in both languages', (_key, entry) => {
    expect(placeholders(entry.da, 'da')).toEqual(placeholders(entry.en, 'en'));
  });

  it('says one and many the way each language does, never "(r)" or "(s)"', () => {
    const faked = entries.flatMap(([key, entry]) => (['da', 'en'] as const).filter((lang) => /\w\((?:r|s|er|e)\)/.test(entry[lang])).map((lang) => `${key}.${lang}`));
    expect(faked).toEqual([]);
    const summary = (count: number, reminders: number, language: 'da' | 'en') => translate(language, 'poll.created', { title: 'X', count, opens: 'nu', closes: 'fredag', reminders, threshold: 3 });
    expect(summary(1, 1, 'da')).toContain('går til 1 person. ');
    expect(summary(1, 1, 'da')).toContain('med 1 påmindelse.');
    expect(summary(12, 0, 'da')).toContain('går til 12 personer');
    expect(summary(12, 0, 'da')).toContain('med ingen påmindelser');
    expect(summary(1, 2, 'en')).toContain('goes to 1 person. ');
    expect(summary(1, 2, 'en')).toContain('with 2 reminders.');
    expect(translate('en', 'fanout.undelivered.refused', { count: 1 })).toMatch(/^1 was refused/);
    expect(translate('en', 'fanout.undelivered.refused', { count: 2 })).toMatch(/^2 were refused/);
  });

  it('never labels a person as stressed, in either language', () => {
    const label = /\b(?:stressed|stresset|stressede)\b/i;
    const offenders = entries.flatMap(([key, entry]) => (['da', 'en'] as const).filter((lang) => label.test(entry[lang])).map((lang) => `${key}.${lang}: ${entry[lang]}`));
    expect(offenders).toEqual([]);
    // The check itself can fire.
    expect(label.test('Bo er stresset')).toBe(true);
    expect(label.test('Are you Stressed?')).toBe(true);
  });

  it('keeps the round wording of the method', () => {
    expect(catalogue['round.since_last.title']).toEqual({ da: 'Siden sidst', en: 'Since last time' });
    expect(catalogue['round.take_away.title']).toEqual({ da: 'Hvad tager jeg med mig?', en: 'What do I take with me?' });
  });
});

describe('translate', () => {
  it('fills every placeholder, in the language asked for', () => {
    expect(translate('da', 'round.header', { sequence: 3, title: 'Siden sidst' })).toBe('Tjek-ind #3 · Siden sidst');
    expect(translate('en', 'round.header', { sequence: 3, title: 'Since last time' })).toBe('Check-in #3 · Since last time');
    expect(translator('da')('thread.passed', { name: 'Carl' })).toBe('Carl melder pas denne gang.');
    expect(translator('en')('error.answer_too_long', { length: 3001, max: 3000 })).toBe('Your answer is 3,001 characters; there is room for 3,000. Shorten it a little and I will save it.');
    // Numbers the way each language writes them, and one in the singular.
    expect(translator('da')('error.answer_too_long', { length: 3001, max: 3000 })).toMatch(/^Dit svar er 3\.001 tegn; der er plads til 3\.000\./);
    expect(translator('en')('error.answer_too_long', { length: 1, max: 3000 })).toMatch(/^Your answer is 1 character;/);
  });

  it('leaves no {placeholder} behind when all parameters are given', () => {
    for (const [key, entry] of entries) {
      const params = Object.fromEntries(placeholders(entry.da, 'da').map((name) => [name, 2]));
      for (const lang of ['da', 'en'] as const) expect(translate(lang, key, params)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('listNames', () => {
  it('joins names the Danish way', () => {
    expect(listNames('da', ['Anna', 'Bo', 'Carl'])).toBe('Anna, Bo og Carl');
    expect(listNames('da', ['Anna', 'Bo'])).toBe('Anna og Bo');
    expect(listNames('da', ['Anna'])).toBe('Anna');
  });

  it('joins names the English way (Node 20 uses the serial comma)', () => {
    expect(listNames('en', ['Anna', 'Bo', 'Carl'])).toBe('Anna, Bo, and Carl');
    expect(listNames('en', ['Anna', 'Bo'])).toBe('Anna and Bo');
  });
});
