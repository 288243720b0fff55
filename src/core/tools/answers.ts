// A guided tool's answers as a step takes them in and as the summary shows them: a date step takes
// only a day (in words or as a date, today or later) and keeps it as YYYY-MM-DD; a choice is kept
// by its value and shown by its label, in the reader's language.
import type { DateTime } from 'luxon';
import { LederrumError } from '../errors.ts';
import type { Language } from '../model/domain.ts';
import { parseDay } from '../planning/dates.ts';
import { formatDay } from '../agreements/messages.ts';
import type { ToolStep } from './content-model.ts';

const isDateStep = (step: ToolStep) => step.kind === 'text' && step.format === 'date';

/**
 * The answer as it is saved. A date that cannot be read, or has passed, is refused on the field
 * with what to write instead; nothing is saved, so the steps already answered stay as they were.
 */
export function acceptedAnswer(step: ToolStep, answer: string, today: DateTime): string {
  if (!isDateStep(step) || answer === '') return answer;
  const parsed = parseDay(answer, today);
  if ('day' in parsed) return parsed.day.toISODate()!;
  const params = { value: answer, today: today.toISODate()!, example: today.plus({ weeks: 2 }).toISODate()! };
  throw new LederrumError('INVALID_INPUT', parsed.error === 'past' ? 'error.tool_date_past' : 'error.tool_date', { field: 'answer', params });
}

/** The answer as the summary shows it: a choice by its label, a date as a day people read. */
export function shownAnswer(step: ToolStep, value: string, language: Language): string {
  if (step.kind === 'choice') return step.options.find((o) => o.value === value)?.label[language] ?? value;
  if (isDateStep(step) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, language);
  return value;
}
