// ARCHITECTURE rule 9 and BRIEF point 5: every string in both languages, the same
// placeholders in both, and no word that labels a person as "stressed".
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueParts, type MessageKey } from '../../src/core/i18n/catalogue.ts';
import { listNames, translate, translator } from '../../src/core/i18n/translate.ts';

const entries = Object.entries(catalogue) as Array<[MessageKey, { da: string; en: string }]>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

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

  it.each(entries)('%s uses the same {placeholders} in both languages', (_key, entry) => {
    expect(placeholders(entry.da)).toEqual(placeholders(entry.en));
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
    expect(translator('en')('error.answer_too_long', { length: 3001, max: 3000 })).toBe('Your answer is 3001 characters; there is room for 3000. Shorten it a little and I will save it.');
  });

  it('leaves no {placeholder} behind when all parameters are given', () => {
    for (const [key, entry] of entries) {
      const params = Object.fromEntries(placeholders(entry.da).map((name) => [name, 'X']));
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
