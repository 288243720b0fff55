// How much Lederrum reminds a person: each policy is one entry here with everything about it —
// the words that choose it, what the person is told, and when its reminders come. A new policy is
// a new entry and its text; nothing else names the policies one by one.
import type { MessageKey } from '../i18n/catalogue.ts';

const HOUR = 60 * 60 * 1000;

export interface NudgePolicy {
  /** Words after `påmindelser` / `nudges` that choose it, Danish and English. */
  words: readonly string[];
  /** What the person is told once they chose it. */
  chosen: MessageKey;
  /** Whether it reminds at all: a silent policy gets no nudge, poll reminder or follow-up prompt. */
  reminds: boolean;
  /** Where a round's one nudge aims (ms), before working hours and pauses move it; null for none. */
  roundTarget(openedAt: number, closesAt: number | null): number | null;
  /** Whether a poll's reminder moment reminds the person; `last` is the poll's last moment. */
  pollMoment(last: boolean): boolean;
}

export const NUDGE_POLICIES = {
  off: { words: ['fra', 'off'], chosen: 'nudges.off', reminds: false, roundTarget: () => null, pollMoment: () => false },
  /** Once, late, when the round (or the poll) is nearly over. */
  light: {
    words: ['let', 'light'],
    chosen: 'nudges.light',
    reminds: true,
    roundTarget: (open, close) => (close ? close - 3 * HOUR : open + 48 * HOUR),
    pollMoment: (last) => last,
  },
  /** A while into the round: 40 % of the way, at least two hours in. */
  normal: {
    words: ['normal', 'til', 'on'],
    chosen: 'nudges.normal',
    reminds: true,
    roundTarget: (open, close) => open + (close ? Math.max(2 * HOUR, (close - open) * 0.4) : 24 * HOUR),
    pollMoment: () => true,
  },
} as const satisfies Record<string, NudgePolicy>;

export type NudgeLevel = keyof typeof NUDGE_POLICIES;

/** What a person gets until they choose otherwise. */
export const DEFAULT_NUDGE_LEVEL: NudgeLevel = 'normal';

export function isNudgeLevel(value: string): value is NudgeLevel {
  return Object.hasOwn(NUDGE_POLICIES, value);
}

export const NUDGE_LEVELS: readonly NudgeLevel[] = Object.keys(NUDGE_POLICIES).filter(isNudgeLevel);

export function nudgePolicy(level: NudgeLevel | undefined): NudgePolicy {
  return NUDGE_POLICIES[level ?? DEFAULT_NUDGE_LEVEL];
}

/** Whether a round's reminder may go to the person now: their policy reminds and they are not on a pause. */
export function takesRoundReminderNow(nudges: { level: NudgeLevel; pausedUntil: Date | null } | undefined, now: Date): boolean {
  return nudgePolicy(nudges?.level).reminds && !(nudges?.pausedUntil && nudges.pausedUntil > now);
}

/** The policy a word after `påmindelser` / `nudges` chooses, if any. */
export function levelNamed(word: string): NudgeLevel | undefined {
  const wanted = word.trim().toLowerCase();
  return NUDGE_LEVELS.find((level) => NUDGE_POLICIES[level].words.some((w) => w === wanted));
}
