// When a member gets their one gentle reminder for a round: never at night, only on their
// working days within their working hours, in their own time zone, never during a pause or on
// the group's skip days, and not at all if it would come too close to the round's end.
import { DateTime } from 'luxon';

export type NudgeLevel = 'off' | 'light' | 'normal';
export const NUDGE_LEVELS: readonly NudgeLevel[] = ['off', 'light', 'normal'];

export interface WorkingHours {
  /** "HH:MM" in the member's own time zone. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] };

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

const HOUR = 60 * 60 * 1000;
/** A reminder later than this before the close is no help to anyone. */
const TOO_LATE_BEFORE_CLOSE = 30 * 60 * 1000;
const SEARCH_DAYS = 21;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The planned instant, or null when this member gets no reminder for this round. */
export function nudgeTime(input: NudgeInput): Date | null {
  if (input.level === 'off') return null;
  const open = input.openedAt.getTime();
  const close = input.closesAt?.getTime() ?? null;
  // Normal: a while into the round; light: once, late, when the round is nearly over.
  let target =
    input.level === 'normal'
      ? open + (close ? Math.max(2 * HOUR, (close - open) * 0.4) : 24 * HOUR)
      : close ? close - 3 * HOUR : open + 48 * HOUR;
  if (input.pausedUntil) target = Math.max(target, input.pausedUntil.getTime());

  const start = minutesOf(input.hours.start);
  const end = minutesOf(input.hours.end);
  let at = DateTime.fromMillis(target, { zone: input.timeZone });
  for (let day = 0; day < SEARCH_DAYS; day++) {
    const minute = at.hour * 60 + at.minute;
    const working = input.hours.days.includes(at.weekday) && !input.isSkipDay(at.toISODate()!);
    if (working && minute < end) {
      const chosen = minute < start ? at.set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 }) : at;
      const when = chosen.toMillis();
      if (close !== null && when > close - TOO_LATE_BEFORE_CLOSE) return null;
      return new Date(when);
    }
    at = at.plus({ days: 1 }).set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 });
    if (close !== null && at.toMillis() > close) return null;
  }
  return null;
}
