// Danish days off, so a group can choose not to meet on them. Pure date arithmetic: no clock,
// no time zone — callers pass the calendar date as it is in the group's zone.
//
// Official public holidays (helligdage) are marked `official: true`. Three customary days off
// are included as `official: false`: Grundlovsdag (5 June, a day off from noon or all day under
// most collective agreements), Juleaftensdag (24 December) and Nytårsaftensdag (31 December).
// They are not helligdage, but few leadership groups meet on them, so `isSkipDay` skips them
// too when a group turns Danish holidays on; the flag lets a listing say which is which.

export interface DanishHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: { da: string; en: string };
  /** True for a public holiday by law; false for a customary day off. */
  official: boolean;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** Store bededag was abolished by law from 2024. */
const LAST_STORE_BEDEDAG = 2023;

export function danishPublicHolidays(year: number): DanishHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`danishPublicHolidays: ${year} is not a Gregorian year this calendar covers`);
  }
  const easter = easterSunday(year).getTime();
  const fromEaster = (days: number) => isoDate(new Date(easter + days * DAY_MS));
  const fixed = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const day = (date: string, da: string, en: string, official = true): DanishHoliday => ({ date, name: { da, en }, official });

  const days: DanishHoliday[] = [
    day(fixed(1, 1), 'Nytårsdag', "New Year's Day"),
    day(fromEaster(-3), 'Skærtorsdag', 'Maundy Thursday'),
    day(fromEaster(-2), 'Langfredag', 'Good Friday'),
    day(fromEaster(0), 'Påskedag', 'Easter Sunday'),
    day(fromEaster(1), '2. påskedag', 'Easter Monday'),
    ...(year <= LAST_STORE_BEDEDAG ? [day(fromEaster(26), 'Store bededag', 'General Prayer Day')] : []),
    day(fromEaster(39), 'Kristi himmelfartsdag', 'Ascension Day'),
    day(fromEaster(49), 'Pinsedag', 'Whit Sunday'),
    day(fromEaster(50), '2. pinsedag', 'Whit Monday'),
    day(fixed(6, 5), 'Grundlovsdag', 'Constitution Day', false),
    day(fixed(12, 24), 'Juleaftensdag', 'Christmas Eve', false),
    day(fixed(12, 25), 'Juledag', 'Christmas Day'),
    day(fixed(12, 26), '2. juledag', 'Boxing Day'),
    day(fixed(12, 31), 'Nytårsaftensdag', "New Year's Eve", false),
  ];
  return days.sort((x, y) => x.date.localeCompare(y.date));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether no check-in opens and no nudge goes out on this calendar date (in the group's zone). */
export function isSkipDay(dateInZone: string, options: { danishHolidays: boolean; extraDays: string[] }): boolean {
  const match = DATE.exec(dateInZone);
  if (!match || isoDate(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))) !== dateInZone) {
    throw new RangeError(`isSkipDay: "${dateInZone}" is not a YYYY-MM-DD date`);
  }
  if (options.extraDays.some((extra) => extra.trim() === dateInZone)) return true;
  if (!options.danishHolidays) return false;
  return danishPublicHolidays(Number(match[1])).some((holiday) => holiday.date === dateInZone);
}
