// The rules of agreements without any ports: validation of a new agreement, who may see and
// act, the transition each follow-up answer makes, quietness, and days in words.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isLederrumError } from '../../src/core/errors.ts';
import type { Agreement } from '../../src/core/agreements/model.ts';
import { answerTransition, mayAct, nextDayAfterSending, unansweredInARow, validateDraft, visibleTo, type RawDraft } from '../../src/core/agreements/rules.ts';
import { parseDay } from '../../src/core/planning/dates.ts';
import { followUpMoment } from '../../src/core/agreements/followups.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const TODAY = DateTime.fromISO('2026-11-24T10:00:00', { zone: 'Europe/Copenhagen' });
const GOOD: RawDraft = { kind: 'personal', text: ' Fem minutters luft ', groupId: 'g1', visibility: 'private', followUp: 'om 2 uger', repeat: '0', effort: '2', benefit: '4' };

function refusal(work: () => unknown): { key: string; field: string | undefined } {
  try {
    work();
  } catch (error) {
    if (isLederrumError(error)) return { key: error.messageKey, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

function agreement(overrides: Partial<Agreement> = {}): Agreement {
  const at = new Date('2026-11-24T09:00:00Z');
  return {
    id: 'a1',
    kind: 'personal',
    text: 'x',
    groupId: 'g1',
    ownerId: 'bo',
    visibility: 'private',
    status: 'active',
    followUpDate: '2026-12-01',
    repeatWeeks: null,
    expectedEffort: 2,
    expectedBenefit: 4,
    source: 'direct',
    sourceRef: null,
    quietSince: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('a new agreement', () => {
  it('is read from the form: trimmed text, the day in words, the scales as numbers', () => {
    expect(validateDraft(GOOD, TODAY, ['g1'])).toEqual({
      kind: 'personal',
      text: 'Fem minutters luft',
      groupId: 'g1',
      visibility: 'private',
      followUpDate: '2026-12-08',
      repeatWeeks: null,
      expectedEffort: 2,
      expectedBenefit: 4,
    });
  });

  it('makes a group agreement visible to the group whatever the form said', () => {
    expect(validateDraft({ ...GOOD, kind: 'group', visibility: 'private', repeat: '2' }, TODAY, ['g1'])).toMatchObject({ visibility: 'group', repeatWeeks: 2 });
  });

  it.each([
    ['an empty text', { text: '   ' }, 'error.agreement_text_empty', 'text'],
    ['a text over 500 characters', { text: 'x'.repeat(501) }, 'error.answer_too_long', 'text'],
    ['a day in the past', { followUp: '2026-11-23' }, 'error.follow_up_past', 'follow_up'],
    ['a day that is no day', { followUp: 'snart' }, 'error.follow_up_date', 'follow_up'],
    ['an effort of 6', { effort: '6' }, 'error.agreement_scale', 'effort'],
    ['an effort of 0', { effort: '0' }, 'error.agreement_scale', 'effort'],
    ['a benefit of 2.5', { benefit: '2.5' }, 'error.agreement_scale', 'benefit'],
    ['no benefit at all', { benefit: undefined }, 'error.agreement_scale', 'benefit'],
    ['an unknown kind', { kind: 'promise' }, 'error.agreement_kind', 'kind'],
    ['a group agreement without a group', { kind: 'group', groupId: '' }, 'error.agreement_needs_group', 'group'],
    ['a shared agreement without a group', { visibility: 'group', groupId: '' }, 'error.agreement_needs_group', 'group'],
    ["someone else's group", { groupId: 'g2' }, 'error.agreement_group_unknown', 'group'],
    ['a repeat of 3 weeks', { repeat: '3' }, 'error.agreement_repeat', 'repeat'],
  ])('refuses %s on its field', (_name, change, key, field) => {
    expect(refusal(() => validateDraft({ ...GOOD, ...change }, TODAY, ['g1']))).toEqual({ key, field });
  });
});

describe('who sees and who acts', () => {
  it('shows a private agreement to its owner only, even inside the group', () => {
    const own = agreement();
    expect(visibleTo(own, 'bo', ['g1'])).toBe(true);
    expect(visibleTo(own, 'anna', ['g1'])).toBe(false);
    expect(mayAct(own, 'anna', ['g1'])).toBe(false);
  });

  it('shows a shared one to the group, but only its owner answers for it', () => {
    const shared = agreement({ visibility: 'group' });
    expect(visibleTo(shared, 'anna', ['g1'])).toBe(true);
    expect(visibleTo(shared, 'anna', ['g2'])).toBe(false);
    expect(mayAct(shared, 'anna', ['g1'])).toBe(false);
  });

  it('lets any member answer for a group agreement, and no one outside the group', () => {
    const group = agreement({ kind: 'group', visibility: 'group', ownerId: 'anna' });
    expect(mayAct(group, 'carl', ['g1'])).toBe(true);
    expect(mayAct(group, 'carl', ['g2'])).toBe(false);
  });
});

describe('follow-up answers', () => {
  it('kept ends a single follow-up and asks about benefit', () => {
    expect(answerTransition(agreement(), 'kept', '2026-12-01', '2026-12-01')).toEqual({ status: 'kept', followUpDate: null, outcome: 'kept', asksBenefit: true });
  });

  it('kept on a repeating agreement keeps it running, to its next day (never today or before)', () => {
    expect(answerTransition(agreement({ repeatWeeks: 2, status: 'adjusted' }), 'kept', '2026-12-01', '2026-12-02')).toMatchObject({ status: 'adjusted', followUpDate: '2026-12-15' });
    expect(answerTransition(agreement({ repeatWeeks: 1 }), 'kept', '2026-12-01', '2026-12-20')).toMatchObject({ followUpDate: '2026-12-21' });
  });

  it('stop ends it and asks about benefit; postpone asks again a week from today', () => {
    expect(answerTransition(agreement(), 'stop', '2026-12-01', '2026-12-03')).toEqual({ status: 'stopped', followUpDate: null, outcome: 'stopped', asksBenefit: true });
    expect(answerTransition(agreement(), 'postpone', '2026-12-01', '2026-12-03')).toEqual({ status: 'active', followUpDate: '2026-12-10', outcome: 'postponed', asksBenefit: false });
  });

  it('refuses any answer on a finished agreement', () => {
    for (const status of ['kept', 'stopped'] as const) {
      expect(refusal(() => answerTransition(agreement({ status }), 'kept', '2026-12-01', '2026-12-01')).key).toBe('error.agreement_finished');
    }
  });

  it('asks an unanswered single follow-up again a week later, a repeating one at its rhythm', () => {
    expect(nextDayAfterSending(agreement(), '2026-12-01')).toBe('2026-12-08');
    expect(nextDayAfterSending(agreement({ repeatWeeks: 4 }), '2026-12-01')).toBe('2026-12-29');
  });

  it('counts unanswered follow-ups in a row from the newest', () => {
    expect(unansweredInARow(['unanswered', 'unanswered', 'kept'])).toBe(2);
    expect(unansweredInARow(['unanswered', 'kept', 'unanswered'])).toBe(1);
    expect(unansweredInARow([null, 'unanswered'])).toBe(0);
    expect(unansweredInARow([])).toBe(0);
  });
});

describe('days in words', () => {
  const day = (text: string) => {
    const parsed = parseDay(text, TODAY);
    return 'day' in parsed ? parsed.day.toISODate() : parsed.error;
  };

  it('reads Danish and English, relative and absolute', () => {
    expect(day('om 2 uger')).toBe('2026-12-08');
    expect(day('in 3 days')).toBe('2026-11-27');
    expect(day('om 1 måned')).toBe('2026-12-24');
    expect(day('i morgen')).toBe('2026-11-25');
    expect(day('next week')).toBe('2026-12-01');
    expect(day('7. december')).toBe('2026-12-07');
    expect(day('December 7')).toBe('2026-12-07');
    expect(day('2026-11-24')).toBe('2026-11-24');
  });

  it("takes a day and month already passed as next year's; an explicit past date is refused", () => {
    expect(day('1. marts')).toBe('2027-03-01');
    expect(day('1. november')).toBe('2027-11-01');
    expect(day('2026-11-01')).toBe('past');
    expect(day('31. februar')).toBe('invalid');
    expect(day('snart')).toBe('invalid');
  });
});

describe('the moment of a follow-up', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const hours = { level: 'normal' as const, workStart: '08:00', workEnd: '17:00', workDays: [1, 2, 3, 4, 5], pausedUntil: null };
  const owner = {
    id: 'bo',
    platform: 'playground' as const,
    workspace: workspaceOf('playground'),
    externalId: 'bo',
    displayName: 'Bo',
    locale: 'da' as const,
    timeZone: 'America/New_York',
    nudges: hours,
  };
  const group = {
    id: 'g1',
    platform: 'playground' as const,
    workspace: workspaceOf('playground'),
    conversationId: 'c',
    name: 'Nord',
    language: 'da' as const,
    timeZone: 'Europe/Copenhagen',
    danishHolidays: true,
    skipDays: ['2026-12-02'],
  };
  const local = (when: Date | null, zone: string) => (when ? DateTime.fromJSDate(when, { zone }).toFormat('ccc yyyy-MM-dd HH:mm') : null);

  it("comes an hour into the owner's working day in their own zone", () => {
    expect(local(followUpMoment(agreement(), '2026-12-01', { owner, group }, now, 'UTC'), 'America/New_York')).toBe('Tue 2026-12-01 09:00');
  });

  it("for a group agreement, in the group's zone, passing over its skip days and weekends", () => {
    const shared = agreement({ kind: 'group', visibility: 'group' });
    expect(local(followUpMoment(shared, '2026-12-02', { owner, group }, now, 'UTC'), 'Europe/Copenhagen')).toBe('Thu 2026-12-03 09:00');
    expect(local(followUpMoment(shared, '2026-12-05', { owner, group }, now, 'UTC'), 'Europe/Copenhagen')).toBe('Mon 2026-12-07 09:00');
  });

  it("waits for the end of the owner's pause", () => {
    const paused = { ...owner, nudges: { ...hours, pausedUntil: new Date('2026-12-10T05:00:00Z') } };
    expect(local(followUpMoment(agreement(), '2026-12-01', { owner: paused, group }, now, 'UTC'), 'America/New_York')).toBe('Thu 2026-12-10 09:00');
  });
});
