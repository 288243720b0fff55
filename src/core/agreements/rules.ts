// The rules of agreements, free of ports: what a valid agreement is, who may see and act on one,
// and what each follow-up answer does to it. Unit-tested in tests/core/agreement-rules.test.ts.
import { DateTime } from 'luxon';
import { LederrumError } from '../errors.ts';
import { parseDay } from '../planning/dates.ts';
import { AGREEMENT_KINDS, type Agreement, type AgreementKind, type AgreementStatus, type FollowUpChoice, type FollowUpOutcome, type Visibility } from './model.ts';

export const MAX_AGREEMENT_TEXT = 500;
/**
 * The group choice that means "no group". Never an empty value: Microsoft's Adaptive Cards parser
 * refuses a choice whose value is empty (PropertyCantBeNull), and Slack documents none either.
 */
export const NO_GROUP = 'none';
export const REPEAT_WEEKS = [1, 2, 4] as const;
/** An unanswered follow-up is asked again this many weeks later. */
const ASK_AGAIN_WEEKS = 1;
/** Two unanswered follow-ups in a row make an agreement quiet. */
export const QUIET_AFTER = 2;

export interface AgreementDraft {
  kind: AgreementKind;
  text: string;
  groupId: string | null;
  visibility: Visibility;
  followUpDate: string;
  repeatWeeks: number | null;
  expectedEffort: number;
  expectedBenefit: number;
}

export interface RawDraft {
  kind: unknown;
  text: unknown;
  groupId: unknown;
  visibility: unknown;
  followUp: unknown;
  repeat: unknown;
  effort: unknown;
  benefit: unknown;
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Checks a submitted agreement; each problem is refused on its own field, in the person's words. */
export function validateDraft(raw: RawDraft, today: DateTime, groupIds: readonly string[]): AgreementDraft {
  const kind = str(raw.kind) as AgreementKind;
  if (!AGREEMENT_KINDS.includes(kind)) throw new LederrumError('INVALID_INPUT', 'error.agreement_kind', { field: 'kind' });
  const text = agreementText(raw.text);
  // "No group" is chosen as NO_GROUP; an empty value comes from a form shown before it had one.
  const chosenGroup = str(raw.groupId);
  const groupId = chosenGroup === '' || chosenGroup === NO_GROUP ? null : chosenGroup;
  if (groupId !== null && !groupIds.includes(groupId)) throw new LederrumError('NOT_A_MEMBER', 'error.agreement_group_unknown', { field: 'group' });
  if (kind === 'group' && groupId === null) throw new LederrumError('INVALID_INPUT', 'error.agreement_needs_group', { field: 'group' });
  // A group agreement is the group's by nature; a private one needs no group.
  const visibility: Visibility = kind === 'group' ? 'group' : str(raw.visibility) === 'group' ? 'group' : 'private';
  if (visibility === 'group' && groupId === null) throw new LederrumError('INVALID_INPUT', 'error.agreement_needs_group', { field: 'group' });
  return {
    kind,
    text,
    groupId,
    visibility,
    followUpDate: followUpDay(raw.followUp, today, 'follow_up'),
    repeatWeeks: repeatOf(raw.repeat),
    expectedEffort: scaleOf(raw.effort, 'effort'),
    expectedBenefit: scaleOf(raw.benefit, 'benefit'),
  };
}

/** The words of an agreement, new or adjusted: not empty, not too long. */
export function agreementText(raw: unknown): string {
  const text = str(raw);
  if (text === '') throw new LederrumError('INVALID_INPUT', 'error.agreement_text_empty', { field: 'text' });
  if ([...text].length > MAX_AGREEMENT_TEXT) {
    throw new LederrumError('INVALID_INPUT', 'error.answer_too_long', { field: 'text', params: { length: [...text].length, max: MAX_AGREEMENT_TEXT } });
  }
  return text;
}

/** Kept and stopped agreements take no more answers or adjustments. */
export function assertRunning(agreement: Agreement): void {
  if (isFinished(agreement.status)) throw new LederrumError('INVALID_INPUT', 'error.agreement_finished');
}

/** A follow-up day in words or as a date; today or later. */
export function followUpDay(raw: unknown, today: DateTime, field: string): string {
  const text = str(raw);
  const parsed = parseDay(text, today);
  if ('error' in parsed) {
    const key = parsed.error === 'past' ? 'error.follow_up_past' : 'error.follow_up_date';
    throw new LederrumError('INVALID_INPUT', key, { field, params: { value: text, today: today.toISODate()! } });
  }
  return parsed.day.toISODate()!;
}

function repeatOf(raw: unknown): number | null {
  const text = str(raw);
  if (text === '' || text === '0') return null;
  const weeks = Number(text);
  if (!(REPEAT_WEEKS as readonly number[]).includes(weeks)) throw new LederrumError('INVALID_INPUT', 'error.agreement_repeat', { field: 'repeat' });
  return weeks;
}

function scaleOf(raw: unknown, field: 'effort' | 'benefit'): number {
  const value = Number(str(raw));
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new LederrumError('INVALID_INPUT', 'error.agreement_scale', { field, params: { value: str(raw) || '–' } });
  }
  return value;
}

export function isFinished(status: AgreementStatus): boolean {
  return status === 'kept' || status === 'stopped';
}

/** Who may read an agreement: its owner, and for a group-visible one the group's members. */
export function visibleTo(agreement: Agreement, personId: string, groupIds: readonly string[]): boolean {
  if (agreement.ownerId === personId) return true;
  return agreement.visibility === 'group' && agreement.groupId !== null && groupIds.includes(agreement.groupId);
}

/** Who may answer for it: the owner of a personal agreement or trial action; any member for a group's. */
export function mayAct(agreement: Agreement, personId: string, groupIds: readonly string[]): boolean {
  if (agreement.kind === 'group') return agreement.groupId !== null && groupIds.includes(agreement.groupId);
  return agreement.ownerId === personId;
}

export interface Transition {
  status: AgreementStatus;
  followUpDate: string | null;
  /** What the person answered: never "unanswered", which only the next follow-up records. */
  outcome: Exclude<FollowUpOutcome, 'unanswered'>;
  /** Kept and stop ask whether the benefit matched the effort. */
  asksBenefit: boolean;
}

const addWeeks = (day: string, weeks: number) => DateTime.fromISO(day, { zone: 'UTC' }).plus({ weeks }).toISODate()!;
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * What a follow-up answer does. Kept ends a single follow-up; a repeating one goes on to its next
 * day. Stop ends it. Postpone asks again a week from today. Adjust is a form (see `adjusted`).
 */
export function answerTransition(agreement: Agreement, choice: Exclude<FollowUpChoice, 'adjust'>, dueDate: string, today: string): Transition {
  assertRunning(agreement);
  const tomorrow = DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
  switch (choice) {
    case 'kept':
      return agreement.repeatWeeks
        ? { status: agreement.status, followUpDate: later(addWeeks(dueDate, agreement.repeatWeeks), tomorrow), outcome: 'kept', asksBenefit: true }
        : { status: 'kept', followUpDate: null, outcome: 'kept', asksBenefit: true };
    case 'stop':
      return { status: 'stopped', followUpDate: null, outcome: 'stopped', asksBenefit: true };
    case 'postpone':
      return { status: agreement.status, followUpDate: addWeeks(today, 1), outcome: 'postponed', asksBenefit: false };
  }
}

/** The day a sent follow-up is asked again when it gets no answer, or the repeat's next day. */
export function nextDayAfterSending(agreement: Agreement, dueDate: string): string {
  return addWeeks(dueDate, agreement.repeatWeeks ?? ASK_AGAIN_WEEKS);
}

/** How many of the latest follow-ups in a row went unanswered (newest first in `outcomes`). */
export function unansweredInARow(outcomes: ReadonlyArray<FollowUpOutcome | null>): number {
  let count = 0;
  for (const outcome of outcomes) {
    if (outcome !== 'unanswered') break;
    count++;
  }
  return count;
}
