// The shape of a poll as the core uses it: a published instrument (WHO-5, PSS-10, the workplace
// pulse) or a poll of HR's own questions. The instrument files live in content/instruments and are
// validated by src/content-loader/instruments.ts (zod) before the core receives them (ARCHITECTURE rule
// 9); these plain types are what the core relies on, so the core never imports zod.
import type { Language } from '../model/domain.ts';
import type { ScoringKind } from './scoring/rules.ts';
import { pollText } from './texts.ts';

export type Bilingual = Record<Language, string>;

/** How an instrument turns answers into one number: the name of a rule in scoring/rules.ts (BRIEF point 7: rules from the manuals). */
export type { ScoringKind };

export interface InstrumentItem {
  id: string;
  text: Bilingual;
  /** Scored as max + min - value (PSS-10 items 4, 5, 7 and 8). */
  reverse?: boolean | undefined;
}

export interface InstrumentScale {
  min: number;
  max: number;
  /** One label per value, min..max in order. */
  labels: Array<{ value: number; label: Bilingual }>;
}

export interface Instrument {
  id: string;
  name: Bilingual;
  source: Bilingual;
  intro: Bilingual;
  scale: InstrumentScale;
  items: InstrumentItem[];
  scoring: ScoringKind;
  /** The smallest change in the score's own unit that counts as meaningful. */
  meaningfulChange: number;
  /** Plain-language meaning of each band, keyed by band id (the rule's shape.bands, scoring/). */
  bands?: Record<string, Bilingual> | undefined;
  seeds?: string[] | undefined;
}

/** HR's own questions: agree–disagree 1-5, a 0-10 scale, one choice of 2-8, or free text. */
export type OwnQuestion =
  | { id: string; kind: 'agree5'; text: Bilingual }
  | { id: string; kind: 'scale10'; text: Bilingual }
  | { id: string; kind: 'choice'; text: Bilingual; options: Array<{ value: string; label: Bilingual }> }
  | { id: string; kind: 'text'; text: Bilingual };

export type OwnQuestionKind = OwnQuestion['kind'];

export const CHOICE_OPTIONS = { min: 2, max: 8 } as const;

/** Agree–disagree labels, 1 = strongly disagree … 5 = strongly agree (words live in the catalogue). */
export const AGREE5_LABELS: readonly Bilingual[] = [pollText['poll.agree5.1'], pollText['poll.agree5.2'], pollText['poll.agree5.3'], pollText['poll.agree5.4'], pollText['poll.agree5.5']];

/** One answer option as results show it; `value` is numeric for scales, absent for a choice. */
export interface AnswerOption {
  key: string;
  label: Bilingual;
  value?: number | undefined;
}

/** The options of an own question, in display order; free text has none. */
export function ownQuestionOptions(question: OwnQuestion): AnswerOption[] {
  switch (question.kind) {
    case 'agree5':
      return AGREE5_LABELS.map((label, i) => ({ key: String(i + 1), label, value: i + 1 }));
    case 'scale10':
      return Array.from({ length: 11 }, (_, v) => ({ key: String(v), label: { da: String(v), en: String(v) }, value: v }));
    case 'choice':
      return question.options.map((o) => ({ key: o.value, label: o.label }));
    case 'text':
      return [];
  }
}

/** The options of an instrument item: the scale's values, keyed by the value as text. */
export function instrumentOptions(instrument: Instrument): AnswerOption[] {
  return instrument.scale.labels.map((l) => ({ key: String(l.value), label: l.label, value: l.value }));
}
