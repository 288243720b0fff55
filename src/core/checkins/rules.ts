// The round rules as pure functions: who may answer, what an answer must look like,
// who took part, what the summary may show, and when a facilitator gets a heads-up.
import { LederrumError } from '../errors.ts';
import type { Answer, AttendanceMark, Membership, Round, RoundKind } from '../model/domain.ts';

export const MAX_ANSWER_LENGTH = 3000;

export interface AnswerDraft {
  text: string;
  passed: boolean;
  shared: boolean;
}

/** Checks a submitted answer and returns what to store. Since-last answers are always shared. */
export function validateAnswer(kind: RoundKind, draft: AnswerDraft): { text: string | null; passed: boolean; shared: boolean } {
  const text = draft.text.trim();
  if (draft.passed && text.length > 0) {
    throw new LederrumError('INVALID_INPUT', 'error.answer_and_pass', { field: 'answer' });
  }
  if (draft.passed) return { text: null, passed: true, shared: kind === 'since_last' };
  if (text.length === 0) throw new LederrumError('ANSWER_EMPTY', 'error.answer_empty', { field: 'answer' });
  if (text.length > MAX_ANSWER_LENGTH) {
    throw new LederrumError('ANSWER_TOO_LONG', 'error.answer_too_long', {
      field: 'answer',
      params: { length: text.length, max: MAX_ANSWER_LENGTH },
    });
  }
  return { text, passed: false, shared: kind === 'since_last' ? true : draft.shared };
}

export function assertRoundOpen(round: Pick<Round, 'status'>, title: string, field?: string): void {
  if (round.status !== 'open') {
    throw new LederrumError('ROUND_CLOSED', 'error.round_closed', { params: { title }, ...(field ? { field } : {}) });
  }
}

/** What another member may see of an answer: a takeaway kept private shows only that one was made. */
export function visibleText(answer: Pick<Answer, 'text' | 'passed' | 'shared'>): string | null {
  if (answer.passed) return null;
  return answer.shared ? answer.text : null;
}

/**
 * Who took part: anyone who answered or passed in any round of the check-in. Everyone who is a
 * member when it closes, and anyone who answered but has since left, gets a mark.
 */
export function attendanceAtClose(members: Membership[], answers: Array<Pick<Answer, 'personId'>>): Array<{ personId: string; present: boolean }> {
  const answered = new Set(answers.map((answer) => answer.personId));
  const marks = new Map<string, boolean>();
  for (const member of members) marks.set(member.person.id, answered.has(member.person.id));
  for (const personId of answered) marks.set(personId, true);
  return [...marks].map(([personId, present]) => ({ personId, present }));
}

/** The summary's content: who took part, and only those takeaways their authors chose to share. */
export function summaryContent(
  answers: Array<Pick<Answer, 'personId' | 'text' | 'passed' | 'shared'> & { kind: RoundKind }>,
  attendance: Array<{ personId: string; present: boolean }>,
): { present: string[]; total: number; shared: Array<{ personId: string; text: string }> } {
  const shared = answers
    .filter((answer) => answer.kind === 'take_away')
    .flatMap((answer) => {
      const text = visibleText(answer);
      return text === null ? [] : [{ personId: answer.personId, text }];
    });
  return {
    present: attendance.filter((mark) => mark.present).map((mark) => mark.personId),
    total: attendance.length,
    shared,
  };
}

/**
 * Members who have just missed their second check-in in a row. Only the second miss triggers
 * a heads-up; a third, fourth… does not repeat it, so the facilitator is not nagged.
 */
export function missedTwoInARow(history: { checkins: Array<{ id: string }>; marks: AttendanceMark[] }): string[] {
  const [before, previous, latest] = [-3, -2, -1].map((offset) => history.checkins.at(offset));
  if (!latest || !previous) return [];
  const absent = (checkinId: string | undefined, personId: string): boolean => history.marks.some((mark) => mark.checkinId === checkinId && mark.personId === personId && !mark.present);
  return history.marks
    .filter((mark) => mark.checkinId === latest.id && !mark.present)
    .map((mark) => mark.personId)
    .filter((personId) => absent(previous.id, personId) && !absent(before?.id, personId));
}

/** Per member: how many of the last check-ins they took part in (counts, never content). */
export function participationCounts(
  history: { checkins: Array<{ id: string }>; marks: AttendanceMark[] },
  personIds: string[],
): Array<{ personId: string; present: number; total: number; trail: Array<boolean | null> }> {
  return personIds.map((personId) => {
    const trail = history.checkins.map((checkin) => {
      const mark = history.marks.find((m) => m.checkinId === checkin.id && m.personId === personId);
      return mark ? mark.present : null;
    });
    return {
      personId,
      present: trail.filter((present) => present === true).length,
      total: trail.filter((present) => present !== null).length,
      trail,
    };
  });
}
