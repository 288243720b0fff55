// Each nudge policy is one entry with its words, its text and its timing; the command, round
// nudges, poll reminders and follow-ups all ask the entry, so none of them names a policy.
import { describe, expect, it } from 'vitest';
import { levelNamed, NUDGE_LEVELS, NUDGE_POLICIES, nudgePolicy } from '../../src/core/planning/nudge-policies.ts';
import { translate } from '../../src/core/i18n/translate.ts';

describe('nudge policies', () => {
  it('are chosen by their words in either language, and no word chooses two', () => {
    expect(levelNamed(' LET ')).toBe('light');
    expect(levelNamed('off')).toBe('off');
    expect(levelNamed('til')).toBe('normal');
    expect(levelNamed('sometimes')).toBeUndefined();
    const words = NUDGE_LEVELS.flatMap((level) => NUDGE_POLICIES[level].words);
    expect(new Set(words).size).toBe(words.length);
  });

  it('each tells the person, in both languages, what they chose', () => {
    for (const level of NUDGE_LEVELS) {
      for (const language of ['da', 'en'] as const) expect(translate(language, NUDGE_POLICIES[level].chosen)).not.toBe('');
    }
  });

  it('time a round’s nudge and a poll’s reminders as documented', () => {
    const open = Date.UTC(2026, 11, 7, 8);
    const close = open + 10 * 3600_000;
    expect(NUDGE_POLICIES.normal.roundTarget(open, close)).toBe(open + 4 * 3600_000);
    expect(NUDGE_POLICIES.light.roundTarget(open, close)).toBe(close - 3 * 3600_000);
    expect(nudgePolicy('off').roundTarget(open, close)).toBeNull();
    expect([NUDGE_POLICIES.light.pollMoment(false), NUDGE_POLICIES.light.pollMoment(true)]).toEqual([false, true]);
    expect(nudgePolicy(undefined)).toBe(NUDGE_POLICIES.normal);
    expect(nudgePolicy('off').reminds).toBe(false);
  });
});
