// Days in words and working moments, shared by pauses, nudges and agreement follow-ups.
// "2027-03-01", "1. marts", "March 1", "om 2 uger", "in 3 days", "i morgen", "next week".
import { DateTime } from 'luxon';
import type { WorkingHours } from './nudge.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  marts: 3,
  march: 3,
  apr: 4,
  april: 4,
  maj: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const UNITS: Record<string, 'days' | 'weeks' | 'months'> = {
  dag: 'days',
  dage: 'days',
  day: 'days',
  days: 'days',
  uge: 'weeks',
  uger: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  måned: 'months',
  måneder: 'months',
  month: 'months',
  months: 'months',
};

export type ParsedDay = { day: DateTime } | { error: 'invalid' | 'past' };

/**
 * A day in words, at its start in `today`'s zone. A day and month without a year means the next
 * such day (so "1. marts" in April is next March); an explicit date before today is "past".
 */
export function parseDay(input: string, today: DateTime): ParsedDay {
  const text = input.trim().toLowerCase();
  const start = today.startOf('day');
  let day: DateTime;
  const relative = /^(?:om|in)\s+(\d{1,3})\s+(\p{L}+)$/u.exec(text);
  if (relative && UNITS[relative[2]!]) {
    day = start.plus({ [UNITS[relative[2]!]!]: Number(relative[1]) });
  } else if (/^(i morgen|imorgen|tomorrow)$/.test(text)) {
    day = start.plus({ days: 1 });
  } else if (/^(næste uge|next week)$/.test(text)) {
    day = start.plus({ weeks: 1 });
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    day = DateTime.fromISO(text, { zone: today.zone });
  } else {
    const dayFirst = /^(\d{1,2})\.?\s+(\p{L}+)\.?$/u.exec(text);
    const monthFirst = /^(\p{L}+)\s+(\d{1,2})$/u.exec(text);
    const month = MONTHS[dayFirst?.[2] ?? monthFirst?.[1] ?? ''];
    const date = Number(dayFirst?.[1] ?? monthFirst?.[2]);
    if (!month || !date) return { error: 'invalid' };
    day = DateTime.fromObject({ year: start.year, month, day: date }, { zone: today.zone });
    if (day.isValid && day < start) day = day.plus({ years: 1 });
  }
  if (!day.isValid) return { error: 'invalid' };
  return day < start ? { error: 'past' } : { day: day.startOf('day') };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const SEARCH_DAYS = 21;

/**
 * The first moment at or after `target` inside the working hours, in the zone, on a working day
 * that is not a skip day; null if there is none within three weeks or before `until`.
 */
export function nextWorkingMoment(target: number, timeZone: string, hours: WorkingHours, isSkipDay: (date: string) => boolean, until: number | null = null): number | null {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const atStart = (at: DateTime) => at.set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 });
  let at: DateTime = DateTime.fromMillis(target, { zone: timeZone });
  for (let day = 0; day < SEARCH_DAYS; day++) {
    const minute = at.hour * 60 + at.minute;
    const working = hours.days.includes(at.weekday) && !isSkipDay(at.toISODate()!);
    if (working && minute < end) return (minute < start ? atStart(at) : at).toMillis();
    at = atStart(at.plus({ days: 1 }));
    if (until !== null && at.toMillis() > until) return null;
  }
  return null;
}
