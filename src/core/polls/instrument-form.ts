// An instrument's items as form fields, and the chosen answers read back: shared by a poll's answer
// form and a leader's private WHO-5 (`min trivsel`), so the items, their options and the checks on
// them are written once. Nothing starts chosen: an untouched select must never become a 0.
import type { Language } from '../model/domain.ts';
import type { Field, FormValues } from '../model/messages.ts';
import type { Translator } from '../i18n/translate.ts';
import { instrumentOptions, type Instrument } from './instrument.ts';

/** One required choice per item, numbered, with the scale's labels as options. */
export function instrumentFields(instrument: Instrument, language: Language, t: Translator): Field[] {
  const options = instrumentOptions(instrument).map((o) => ({ value: o.key, label: o.label[language] }));
  const placeholder = t('poll.choose');
  return instrument.items.map((item, i) => ({ type: 'choice', id: `q${i}`, label: `${i + 1}. ${item.text[language]}`.slice(0, 150), options, placeholder }));
}

/**
 * The chosen option's number (the scale value, or a choice's index), or what is wrong with it on
 * its field: nothing chosen, or something that is not an option (a forged or stale form).
 */
export function readChoice(raw: unknown, keys: string[], numeric: boolean, i: number, t: Translator): { value: number } | { error: string } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { error: t('error.poll_missing', { n: i + 1 }) };
  const index = keys.indexOf(text);
  if (index < 0) return { error: t('error.poll_out_of_scale', { value: text }) };
  return { value: numeric ? Number(text) : index };
}

/** Every item's answer, or every problem at once, each on its own field (`q0`, `q1`, …). */
export function readItems(instrument: Instrument, values: FormValues, t: Translator): { answers: number[]; errors: Record<string, string> } {
  const keys = instrumentOptions(instrument).map((o) => o.key);
  const answers: number[] = [];
  const errors: Record<string, string> = {};
  instrument.items.forEach((_, i) => {
    const read = readChoice(values[`q${i}`], keys, true, i, t);
    if ('error' in read) errors[`q${i}`] = read.error;
    else answers.push(read.value);
  });
  return { answers, errors };
}
