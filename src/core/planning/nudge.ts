// When a member gets their one gentle reminder for a round: never at night, only on their
// working days within their working hours, in their own time zone, never during a pause or on
// the group's skip days, and not at all if it would come too close to the round's end.
import { nextWorkingMoment } from './dates.ts';
import { NUDGE_POLICIES, type NudgeLevel } from './nudge-policies.ts';

export type { NudgeLevel } from './nudge-policies.ts';

export interface WorkingHours {
  /** "HH:MM" in the member's own time zone. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] };

/**
 * When a person's own prompts come (the weekly prompt, the monthly well-being reminder): an hour
 * into their first working day, in cron's terms (day 0 = Sunday; ISO counts Sunday as 7).
 */
export function anHourIntoWork(nudges: { workStart: string; workDays: number[] } | undefined): { minute: number; hour: number; day: number } {
  const [hour = 8, minute = 0] = (nudges?.workStart ?? DEFAULT_WORKING_HOURS.start).split(':').map(Number);
  const day = (nudges?.workDays ?? DEFAULT_WORKING_HOURS.days)[0] ?? 1;
  return { minute, hour: Math.min(23, hour + 1), day: day % 7 };
}

export interface NudgeInput {
  openedAt: Date;
  closesAt: Date | null;
  level: NudgeLevel;
  timeZone: string;
  hours: WorkingHours;
  pausedUntil: Date | null;
  /** Whether a calendar date (YYYY-MM-DD, in the group's terms) is a skip day. */
  isSkipDay: (date: string) => boolean;
}

/** A reminder later than this before the close is no help to anyone. */
const TOO_LATE_BEFORE_CLOSE = 30 * 60 * 1000;

/** The planned instant, or null when this member gets no reminder for this round. */
export function nudgeTime(input: NudgeInput): Date | null {
  const open = input.openedAt.getTime();
  const close = input.closesAt?.getTime() ?? null;
  let target = NUDGE_POLICIES[input.level].roundTarget(open, close);
  if (target === null) return null;
  if (input.pausedUntil) target = Math.max(target, input.pausedUntil.getTime());

  const when = nextWorkingMoment(target, input.timeZone, input.hours, input.isSkipDay, close);
  if (when === null || (close !== null && when > close - TOO_LATE_BEFORE_CLOSE)) return null;
  return new Date(when);
}
