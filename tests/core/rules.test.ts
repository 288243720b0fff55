// The round rules as pure functions: answers, open rounds, visibility, attendance,
// the summary, the facilitator's heads-up and participation counts.
import { describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import type { AttendanceMark, Membership, Person } from '../../src/core/model/domain.ts';
import { assertRoundOpen, attendanceAtClose, MAX_ANSWER_LENGTH, missedTwoInARow, participationCounts, summaryContent, validateAnswer, visibleText } from '../../src/core/checkins/rules.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

function caught(work: () => unknown): LederrumError {
  try {
    work();
  } catch (error) {
    if (error instanceof LederrumError) return error;
    throw error;
  }
  throw new Error('expected a LederrumError, nothing was thrown');
}

const person = (id: string): Person => ({ id, platform: 'playground', workspace: workspaceOf('playground'), externalId: `x-${id}`, displayName: id, locale: null, timeZone: null });
const member = (id: string, role: Membership['role'] = 'member'): Membership => ({
  groupId: 'g1',
  person: person(id),
  role,
  joinedAt: new Date('2026-01-01T00:00:00Z'),
  leftAt: null,
});

describe('validateAnswer', () => {
  it('refuses an empty or whitespace-only answer on the answer field', () => {
    for (const text of ['', '   ', '\n\t  \n']) {
      const error = caught(() => validateAnswer('since_last', { text, passed: false, shared: true }));
      expect(error.code).toBe('ANSWER_EMPTY');
      expect(error.messageKey).toBe('error.answer_empty');
      expect(error.field).toBe('answer');
    }
  });

  it('accepts exactly 3000 characters and refuses 3001 with the length in the message', () => {
    expect(MAX_ANSWER_LENGTH).toBe(3000);
    const ok = validateAnswer('since_last', { text: 'a'.repeat(3000), passed: false, shared: true });
    expect(ok.text).toHaveLength(3000);
    const error = caught(() => validateAnswer('since_last', { text: 'a'.repeat(3001), passed: false, shared: true }));
    expect(error.code).toBe('ANSWER_TOO_LONG');
    expect(error.field).toBe('answer');
    expect(error.params).toEqual({ length: 3001, max: 3000 });
  });

  it('trims the answer before storing and measuring it', () => {
    expect(validateAnswer('since_last', { text: '  En god uge  \n', passed: false, shared: true }).text).toBe('En god uge');
    expect(validateAnswer('since_last', { text: ` ${'a'.repeat(3000)} `, passed: false, shared: true }).text).toHaveLength(3000);
  });

  it('refuses an answer and a pass together', () => {
    const error = caught(() => validateAnswer('take_away', { text: 'noget', passed: true, shared: false }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('answer');
  });

  it('stores a pass without text', () => {
    expect(validateAnswer('since_last', { text: '', passed: true, shared: false })).toEqual({ text: null, passed: true, shared: true });
    expect(validateAnswer('take_away', { text: '  ', passed: true, shared: true })).toMatchObject({ text: null, passed: true });
  });

  it('always shares since-last answers, even when asked not to', () => {
    expect(validateAnswer('since_last', { text: 'Travlt', passed: false, shared: false })).toEqual({
      text: 'Travlt',
      passed: false,
      shared: true,
    });
  });

  it('keeps a takeaway private unless its author shares it', () => {
    expect(validateAnswer('take_away', { text: 'Pauser', passed: false, shared: false }).shared).toBe(false);
    expect(validateAnswer('take_away', { text: 'Pauser', passed: false, shared: true }).shared).toBe(true);
  });
});

describe('assertRoundOpen', () => {
  it('lets an open round through and refuses a closed one with its title', () => {
    expect(() => assertRoundOpen({ status: 'open' }, 'Siden sidst')).not.toThrow();
    const error = caught(() => assertRoundOpen({ status: 'closed' }, 'Siden sidst'));
    expect(error.code).toBe('ROUND_CLOSED');
    expect(error.params).toEqual({ title: 'Siden sidst' });
    expect(error.field).toBeUndefined();
    expect(caught(() => assertRoundOpen({ status: 'closed' }, 'Siden sidst', 'answer')).field).toBe('answer');
  });
});

describe('visibleText', () => {
  it('shows a shared text, hides a private takeaway and a pass', () => {
    expect(visibleText({ text: 'Mit løfte', passed: false, shared: false })).toBeNull();
    expect(visibleText({ text: 'Mit løfte', passed: false, shared: true })).toBe('Mit løfte');
    expect(visibleText({ text: null, passed: true, shared: true })).toBeNull();
  });
});

describe('attendanceAtClose', () => {
  it('counts answering and passing as present, silence as absent, and keeps those who left', () => {
    const members = [member('anna', 'facilitator'), member('bo'), member('carl'), member('dorte')];
    // Anna answered, Bo passed (a pass is an answer), Carl said nothing, Erik answered and then left.
    const answers = [{ personId: 'anna' }, { personId: 'bo' }, { personId: 'erik' }, { personId: 'anna' }];
    const marks = attendanceAtClose(members, answers);
    expect(new Map(marks.map((m) => [m.personId, m.present]))).toEqual(
      new Map([
        ['anna', true],
        ['bo', true],
        ['carl', false],
        ['dorte', false],
        ['erik', true],
      ]),
    );
    expect(marks).toHaveLength(5);
  });
});

describe('summaryContent', () => {
  it('never includes a private takeaway or a since-last answer, and counts who took part', () => {
    const answers = [
      { personId: 'bo', kind: 'since_last' as const, text: 'Hård uge hjemme', passed: false, shared: true },
      { personId: 'bo', kind: 'take_away' as const, text: 'Bos hemmelighed', passed: false, shared: false },
      { personId: 'carl', kind: 'take_away' as const, text: 'Fem minutters luft', passed: false, shared: true },
      { personId: 'anna', kind: 'take_away' as const, text: null, passed: true, shared: false },
    ];
    const attendance = [
      { personId: 'anna', present: true },
      { personId: 'bo', present: true },
      { personId: 'carl', present: true },
      { personId: 'dorte', present: false },
    ];
    const content = summaryContent(answers, attendance);
    expect(content.shared).toEqual([{ personId: 'carl', text: 'Fem minutters luft' }]);
    expect(JSON.stringify(content)).not.toContain('Bos hemmelighed');
    expect(JSON.stringify(content)).not.toContain('Hård uge hjemme');
    expect(content.present).toEqual(['anna', 'bo', 'carl']);
    expect(content.total).toBe(4);
  });
});

/** Builds a history from rows like { bo: [true, false, false] }, oldest check-in first; undefined = no mark. */
function history(rows: Record<string, Array<boolean | undefined>>, count: number) {
  const checkins = Array.from({ length: count }, (_, i) => ({ id: `c${i + 1}`, sequence: i + 1 }));
  const marks: AttendanceMark[] = Object.entries(rows).flatMap(([personId, trail]) =>
    trail.flatMap((present, i) => (present === undefined ? [] : [{ checkinId: `c${i + 1}`, sequence: i + 1, personId, present }])),
  );
  return { checkins, marks };
}

describe('missedTwoInARow', () => {
  it('lists a member absent from the last two check-ins', () => {
    expect(missedTwoInARow(history({ anna: [true, true, true], bo: [true, false, false] }, 3))).toEqual(['bo']);
  });

  it('does not list them again after a third miss', () => {
    expect(missedTwoInARow(history({ anna: [true, true, true], bo: [false, false, false] }, 3))).toEqual([]);
  });

  it('does not list a member who missed only the last one', () => {
    expect(missedTwoInARow(history({ bo: [false, true, false] }, 3))).toEqual([]);
    expect(missedTwoInARow(history({ bo: [true, false, true] }, 3))).toEqual([]);
  });

  it('lists a member absent from both of the only two check-ins', () => {
    expect(missedTwoInARow(history({ anna: [true, true], bo: [false, false] }, 2))).toEqual(['bo']);
  });

  it('does not list anyone after a single check-in', () => {
    expect(missedTwoInARow(history({ bo: [false] }, 1))).toEqual([]);
    expect(missedTwoInARow(history({}, 0))).toEqual([]);
  });

  it('does not list a newcomer who had no mark in the earlier check-in', () => {
    expect(missedTwoInARow(history({ anna: [true, true, true], nye: [undefined, undefined, false] }, 3))).toEqual([]);
    expect(missedTwoInARow(history({ nye: [undefined, false] }, 2))).toEqual([]);
  });

  it('lists several members at once', () => {
    expect(missedTwoInARow(history({ bo: [true, false, false], carl: [undefined, false, false], dorte: [true, true, false] }, 3)).sort()).toEqual(['bo', 'carl']);
  });
});

describe('participationCounts', () => {
  it('counts presence per member over the check-ins they were part of', () => {
    const h = history({ anna: [true, true, true], bo: [true, false, true], nye: [undefined, undefined, false] }, 3);
    expect(participationCounts(h, ['anna', 'bo', 'nye', 'ghost'])).toEqual([
      { personId: 'anna', present: 3, total: 3, trail: [true, true, true] },
      { personId: 'bo', present: 2, total: 3, trail: [true, false, true] },
      { personId: 'nye', present: 0, total: 1, trail: [null, null, false] },
      { personId: 'ghost', present: 0, total: 0, trail: [null, null, null] },
    ]);
  });
});
