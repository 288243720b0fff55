// When a group's check-ins happen: read from friendly Danish or English ("hver mandag kl. 9",
// "first Tuesday of the month 14:00") or a raw 5-field cron, described back in words, and
// expanded into instants in the group's time zone. Pure: no I/O, no env, no clock — "now" is
// always passed in (ARCHITECTURE rule 6). cron-parser and luxon are pure libraries.
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';
import { LederrumError } from '../errors.ts';
import { listNames } from '../i18n/translate.ts';
import type { Language } from '../model/domain.ts';

export interface ScheduleSpec {
  /** 5-field cron (minute hour day-of-month month day-of-week; DOW 0-6, 0 = Sunday; 'n#k' = k-th weekday of the month, 'nL' = last). */
  cron: string;
  /** 1 = every matching week, 2 = every other week (counted from the anchor's ISO week). */
  everyNthWeek: 1 | 2;
}

// — Refusal ————————————————————————————————————————————————————————————————————————————————

/** The catalogue message carries its own example in each language, so only the value is a param. */
function refuse(input: string, reason: string): never {
  const shown = input.trim().replace(/\s+/g, ' ');
  const value = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  // `detail` goes to operators' logs, so it names the reason, never the member's text.
  throw new LederrumError('INVALID_SCHEDULE', 'error.schedule_invalid', { params: { value }, detail: `INVALID_SCHEDULE: ${reason}` });
}

// — Raw cron ———————————————————————————————————————————————————————————————————————————————

const CRON_NAMES = /\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)\b/g;

/** Looks like cron when the first two fields (minute, hour) are cron-ish and there are at least three. */
function looksLikeCron(tokens: string[]): boolean {
  const cronish = /^[\d*/,-]+$/;
  return tokens.length >= 3 && cronish.test(tokens[0] ?? '') && cronish.test(tokens[1] ?? '');
}

function parseCron(input: string, tokens: string[]): ScheduleSpec {
  if (tokens.length !== 5) refuse(input, `cron needs exactly 5 fields, got ${tokens.length}`);
  const cron = tokens.join(' ').toUpperCase();
  // Letters other than month/day names, L and W (e.g. cron-parser's hashed "H") are refused.
  if (/[^\d*/,#?LW\s-]/.test(cron.replace(CRON_NAMES, ''))) refuse(input, 'unsupported cron characters');
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC' });
  } catch {
    refuse(input, 'cron-parser rejected the expression');
  }
  return { cron, everyNthWeek: 1 };
}

// — Friendly words ——————————————————————————————————————————————————————————————————————————

const TIME_AT_END = /(?:^|\s)(?:(?:kl\.?|klokken|at|@)\s*)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?$/;
const TIME_AT_START = /^(?:(?:kl\.?|klokken|at|@)\s*)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?(?=\s|$)/;

function readTime(input: string, hourText: string, minuteText: string | undefined, meridiem: string | undefined) {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (meridiem) {
    if (hour < 1 || hour > 12) refuse(input, 'hour out of range for am/pm');
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) refuse(input, 'time out of range');
  return { hour, minute };
}

/** Weekday words → cron day (0 = Sunday): Danish and English, singular, plural, definite or short. */
const WEEKDAY_WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>();
  const english = ['sunday sun', 'monday mon', 'tuesday tue tues', 'wednesday wed', 'thursday thu thur thurs', 'friday fri', 'saturday sat'];
  const danish = ['søndag søn', 'mandag man', 'tirsdag tirs', 'onsdag ons', 'torsdag tors', 'fredag fre', 'lørdag lør'];
  english.forEach((line, day) => {
    const [full, ...short] = line.split(' ') as [string, ...string[]];
    for (const word of [full, `${full}s`, ...short]) words.set(word, day);
  });
  danish.forEach((line, day) => {
    const [full, ...short] = line.split(' ') as [string, ...string[]];
    for (const word of [full, `${full}e`, `${full}en`, `${full}ene`, ...short]) {
      // Also without the letter ø, as people type on foreign keyboards: lordag / loerdag.
      for (const spelling of new Set([word, word.replace('ø', 'o'), word.replace('ø', 'oe')])) words.set(spelling, day);
    }
  });
  return words;
})();

const ALL_DAYS = /^(?:day|days|dag|dage|daily|dagligt|daglig)$/;
const WORK_DAYS = /^(?:weekday|weekdays|hverdag|hverdage|arbejdsdag|arbejdsdage)$/;
const EVERY = /^(?:every|each|hver|hvert|alle|weekly|ugentligt|ugentlig)$/;
const FORTNIGHTLY = /^(?:fortnightly|biweekly)$/;
const ORDINALS: Record<string, 1 | 2 | 3 | 4 | 'L' | 'other'> = {
  first: 1,
  '1st': 1,
  første: 1,
  forste: 1,
  foerste: 1,
  '1.': 1,
  second: 2,
  '2nd': 2,
  anden: 2,
  andet: 2,
  '2.': 2,
  third: 3,
  '3rd': 3,
  tredje: 3,
  '3.': 3,
  fourth: 4,
  '4th': 4,
  fjerde: 4,
  '4.': 4,
  last: 'L',
  sidste: 'L',
  other: 'other',
};
const MONTHLY = /\s+(?:(?:of|in)\s+(?:the|each|every)\s+month|(?:each|every)\s+month|monthly|i\s+(?:hver\s+)?m(?:å|aa|a)ned(?:en)?|hver\s+m(?:å|aa|a)ned|om\s+m(?:å|aa|a)neden)$/;

function parseWords(input: string): ScheduleSpec {
  let text = input
    .toLowerCase()
    .normalize('NFC')
    .replace(/[.!]+$/, '')
    .replace(/,/g, ' , ')
    .replace(/\s+/g, ' ')
    .trim();
  let time: RegExpExecArray | null = TIME_AT_END.exec(text);
  if (time) text = text.slice(0, time.index).trim();
  else {
    time = TIME_AT_START.exec(text);
    if (time) text = text.slice(time[0].length).trim();
  }
  if (!time) refuse(input, 'no time of day');
  const { hour, minute } = readTime(input, time[1]!, time[2], time[3]);

  const monthly = MONTHLY.test(text);
  if (monthly) text = text.replace(MONTHLY, '');
  const tokens = text.split(' ').filter((t) => t !== '');

  let every = false;
  let ordinal: (typeof ORDINALS)[string] | undefined;
  // Leading words: "every", "the", "on", an ordinal, "(other) week". The day words follow.
  const FILLER = /^(?:the|on|om|den)$/;
  const WEEK = /^(?:week|weeks|uge)$/;
  for (let head = tokens[0]; head !== undefined; tokens.shift(), head = tokens[0]) {
    if (EVERY.test(head) || FILLER.test(head)) every ||= EVERY.test(head);
    else if (FORTNIGHTLY.test(head)) [every, ordinal] = [true, 'other'];
    else if (ordinal === undefined && Object.hasOwn(ORDINALS, head)) ordinal = ORDINALS[head];
    else if (!((every || ordinal !== undefined) && WEEK.test(head))) break;
  }

  const days = new Set<number>();
  let allDays = false;
  let workDays = false;
  for (const token of tokens) {
    if (token === ',' || token === 'and' || token === 'og' || token === '&' || token === '+' || EVERY.test(token)) continue;
    if (token === 'on' || token === 'om') continue;
    const day = WEEKDAY_WORDS.get(token);
    if (day !== undefined) days.add(day);
    else if (WORK_DAYS.test(token)) workDays = true;
    else if (ALL_DAYS.test(token) && (every || /^dagl|^daily/.test(token))) allDays = true;
    else refuse(input, 'unknown word in the day part');
  }
  if (days.size === 0 && !allDays && !workDays) refuse(input, 'no day given');
  const at = `${minute} ${hour} * *`;

  if (monthly) {
    if (ordinal === undefined || ordinal === 'other') refuse(input, 'a monthly schedule needs first/second/third/fourth/last');
    if (days.size !== 1 || allDays || workDays) refuse(input, 'a monthly schedule needs exactly one weekday');
    const day = [...days][0]!;
    return { cron: `${at} ${ordinal === 'L' ? `${day}L` : `${day}#${ordinal}`}`, everyNthWeek: 1 };
  }
  let everyNthWeek: 1 | 2 = 1;
  if (ordinal !== undefined) {
    // "every other / every second / hver anden" Monday; a bare ordinal without "of the month" is ambiguous.
    if (!(every && (ordinal === 'other' || ordinal === 2))) refuse(input, 'ordinal without "of the month"');
    if (allDays || workDays) refuse(input, 'every other day/weekday is ambiguous');
    everyNthWeek = 2;
  }
  if (allDays) for (let d = 0; d < 7; d++) days.add(d);
  if (workDays) for (let d = 1; d <= 5; d++) days.add(d);
  const sorted = [...days].sort((a, b) => a - b);
  const dow = sorted.length === 7 ? '*' : sorted.join(',') === '1,2,3,4,5' ? '1-5' : sorted.join(',');
  return { cron: `${at} ${dow}`, everyNthWeek };
}

/** Friendly Danish or English, or a raw 5-field cron expression. Throws LederrumError('INVALID_SCHEDULE', 'error.schedule_invalid', { params: { value } }). */
export function parseSchedule(input: string): ScheduleSpec {
  const tokens = input
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  if (tokens.length === 0) refuse(input, 'empty');
  return looksLikeCron(tokens) ? parseCron(input, tokens) : parseWords(input);
}

// — In words ————————————————————————————————————————————————————————————————————————————————

const DAY_NAMES: ReadonlyArray<{ da: string; en: string }> = [
  { da: 'søndag', en: 'Sunday' },
  { da: 'mandag', en: 'Monday' },
  { da: 'tirsdag', en: 'Tuesday' },
  { da: 'onsdag', en: 'Wednesday' },
  { da: 'torsdag', en: 'Thursday' },
  { da: 'fredag', en: 'Friday' },
  { da: 'lørdag', en: 'Saturday' },
];
const ORDINAL_NAMES: Record<string, { da: string; en: string }> = {
  '1': { da: 'første', en: 'first' },
  '2': { da: 'anden', en: 'second' },
  '3': { da: 'tredje', en: 'third' },
  '4': { da: 'fjerde', en: 'fourth' },
  '5': { da: 'femte', en: 'fifth' },
  L: { da: 'sidste', en: 'last' },
};
const PHRASES = {
  at: { da: 'kl.', en: 'at' },
  every: { da: 'hver', en: 'every' },
  everyOther: { da: 'hver anden', en: 'every other' },
  everyDay: { da: 'hver dag', en: 'every day' },
  everyWorkDay: { da: 'hver hverdag', en: 'every weekday' },
  ofTheMonth: { da: 'i måneden', en: 'of the month' },
  otherWeek: { da: 'hver anden uge', en: 'every other week' },
} as const satisfies Record<string, { da: string; en: string }>;

/** The spec back in words, e.g. "hver mandag kl. 09:00" / "every other Monday at 09:00" / "cron 0 9 1 * *". */
export function describeSchedule(spec: ScheduleSpec, language: Language): string {
  const fields = spec.cron.trim().split(/\s+/);
  const [minute, hour, dom, month, dow] = fields;
  const otherWeek = spec.everyNthWeek === 2 ? `, ${PHRASES.otherWeek[language]}` : '';
  const fallback = `cron ${fields.join(' ')}${otherWeek}`;
  if (fields.length !== 5 || dom !== '*' || month !== '*' || dow === undefined) return fallback;
  if (!/^\d{1,2}$/.test(minute!) || !/^\d{1,2}$/.test(hour!) || Number(minute) > 59 || Number(hour) > 23) return fallback;
  const at = `${PHRASES.at[language]} ${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`;
  const dayName = (d: string) => DAY_NAMES[Number(d) % 7]![language];

  if (dow === '*' || dow === '?') return `${PHRASES.everyDay[language]} ${at}${otherWeek}`;
  if (dow === '1-5') return `${PHRASES.everyWorkDay[language]} ${at}${otherWeek}`;
  const nth = /^([0-7])(?:#([1-5])|(L))$/.exec(dow);
  if (nth) {
    const ordinal = ORDINAL_NAMES[nth[2] ?? 'L']![language];
    return `${ordinal} ${dayName(nth[1]!)} ${PHRASES.ofTheMonth[language]} ${at}${otherWeek}`;
  }
  if (!/^[0-7](?:,[0-7])*$/.test(dow)) return fallback;
  const days = [...new Set(dow.split(',').map((d) => Number(d) % 7))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const lead = spec.everyNthWeek === 2 ? PHRASES.everyOther[language] : PHRASES.every[language];
  return `${lead} ${listNames(
    language,
    days.map((d) => dayName(String(d))),
  )} ${at}`;
}

// — Occurrences ————————————————————————————————————————————————————————————————————————————

const DAY_MS = 86_400_000;
/** Enough to skip an "other" week even for an every-minute cron, yet never loop forever. */
const MAX_STEPS = 50_000;

/** The Monday that starts the ISO week of `instant` in `zone`, as a day number (UTC days since epoch). */
function isoWeekStartDay(instant: Date, zone: string): number {
  const monday = DateTime.fromJSDate(instant, { zone }).startOf('week');
  return Math.round(Date.UTC(monday.year, monday.month - 1, monday.day) / DAY_MS);
}

/**
 * The next `count` occurrences strictly after `after`, in `timeZone` wall-clock terms (09:00
 * stays 09:00 local across DST; a time that does not exist on the spring-forward day fires
 * after the gap, and a time that happens twice in autumn fires once). For everyNthWeek 2, only
 * weeks an even number of ISO weeks from `anchor`'s week count; without an anchor, the week of
 * the first occurrence after `after` does.
 */
export function nextOccurrences(spec: ScheduleSpec, timeZone: string, after: Date, count: number, anchor?: Date): Date[] {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new LederrumError('INVALID_INPUT', 'error.time_zone_unknown', { params: { value: timeZone } });
  }
  if (Number.isNaN(after.getTime())) throw new RangeError('nextOccurrences: `after` is not a valid date');
  if (!Number.isInteger(count) || count < 0) throw new RangeError('nextOccurrences: `count` must be a whole number ≥ 0');
  if (count === 0) return [];

  let iterator: ReturnType<typeof CronExpressionParser.parse>;
  try {
    iterator = CronExpressionParser.parse(spec.cron, { tz: timeZone, currentDate: after });
  } catch {
    refuse(spec.cron, 'stored cron rejected by cron-parser');
  }
  let anchorWeek = anchor ? isoWeekStartDay(anchor, timeZone) : undefined;
  const found: Date[] = [];
  for (let step = 0; found.length < count && step < MAX_STEPS; step++) {
    let next: Date;
    try {
      next = iterator.next().toDate();
    } catch {
      break; // cron-parser ran out of dates it can reach
    }
    if (next.getTime() <= after.getTime()) continue;
    if (spec.everyNthWeek === 2) {
      const week = isoWeekStartDay(next, timeZone);
      anchorWeek ??= week;
      if (Math.abs(Math.round((week - anchorWeek) / 7)) % 2 !== 0) continue;
    }
    found.push(next);
  }
  return found;
}
