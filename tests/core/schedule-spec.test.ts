// Schedules in words and cron: what the grammar accepts and refuses, how a spec reads back in
// both languages, and where its occurrences fall in a time zone — across DST and year ends.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { describeSchedule, nextOccurrences, parseSchedule, type ScheduleSpec } from '../../src/core/planning/spec.ts';

const weekly = (cron: string): ScheduleSpec => ({ cron, everyNthWeek: 1 });
const fortnightly = (cron: string): ScheduleSpec => ({ cron, everyNthWeek: 2 });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const local = (dates: Date[], zone: string) => dates.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd EEE HH:mm', { locale: 'en' }));

describe('parseSchedule: English', () => {
  it.each<[string, ScheduleSpec]>([
    ['every Monday 09:00', weekly('0 9 * * 1')],
    ['Mondays at 9:00', weekly('0 9 * * 1')],
    ['Monday 9:00', weekly('0 9 * * 1')],
    ['  EVERY   monday   AT 9  ', weekly('0 9 * * 1')],
    ['every weekday 08:30', weekly('30 8 * * 1-5')],
    ['every day 08:00', weekly('0 8 * * *')],
    ['Monday and Thursday 09:00', weekly('0 9 * * 1,4')],
    ['Monday, Wednesday and Friday at 9.30', weekly('30 9 * * 1,3,5')],
    ['every other Monday 09:00', fortnightly('0 9 * * 1')],
    ['every second Monday 9:00', fortnightly('0 9 * * 1')],
    ['every other Monday and Thursday 09:00', fortnightly('0 9 * * 1,4')],
    ['every other week on Monday at 9:00', fortnightly('0 9 * * 1')],
    ['every week on Monday 9:00', weekly('0 9 * * 1')],
    ['first Tuesday of the month 09:00', weekly('0 9 * * 2#1')],
    ['the second Friday of the month 14:00', weekly('0 14 * * 5#2')],
    ['the third Friday of the month 14:00', weekly('0 14 * * 5#3')],
    ['the fourth Friday of the month 14:00', weekly('0 14 * * 5#4')],
    ['the last Friday of the month 14:00', weekly('0 14 * * 5L')],
    ['Friday 15:00', weekly('0 15 * * 5')],
    ['Friday at 3pm', weekly('0 15 * * 5')],
    ['Sunday 12am', weekly('0 0 * * 0')],
  ])('%s', (input, expected) => {
    expect(parseSchedule(input)).toEqual(expected);
  });
});

describe('parseSchedule: Danish', () => {
  it.each<[string, ScheduleSpec]>([
    ['hver mandag 09:00', weekly('0 9 * * 1')],
    ['mandag kl. 9', weekly('0 9 * * 1')],
    ['mandage kl. 9', weekly('0 9 * * 1')],
    ['Mandag kl 9.30', weekly('30 9 * * 1')],
    ['hver hverdag 08:30', weekly('30 8 * * 1-5')],
    ['hver dag 08:00', weekly('0 8 * * *')],
    ['mandag og torsdag kl. 9', weekly('0 9 * * 1,4')],
    ['hver anden mandag kl. 9', fortnightly('0 9 * * 1')],
    ['hver anden uge om mandagen kl. 9', fortnightly('0 9 * * 1')],
    ['den sidste fredag i hver måned kl. 14', weekly('0 14 * * 5L')],
    ['første tirsdag i måneden kl. 9', weekly('0 9 * * 2#1')],
    ['anden fredag i måneden kl. 14', weekly('0 14 * * 5#2')],
    ['tredje fredag i måneden kl. 14', weekly('0 14 * * 5#3')],
    ['fjerde fredag i måneden kl. 14', weekly('0 14 * * 5#4')],
    ['sidste fredag i måneden kl. 14', weekly('0 14 * * 5L')],
    ['fredag kl. 15', weekly('0 15 * * 5')],
    ['lørdag kl. 10', weekly('0 10 * * 6')],
    ['søndag klokken 15:00', weekly('0 15 * * 0')],
  ])('%s', (input, expected) => {
    expect(parseSchedule(input)).toEqual(expected);
  });
});

describe('parseSchedule: raw cron', () => {
  it.each<[string, string]>([
    ['0 9 * * 1', '0 9 * * 1'],
    ['30   8 * *   1-5', '30 8 * * 1-5'],
    ['0 9 * * 2#1', '0 9 * * 2#1'],
    ['0 14 * * 5l', '0 14 * * 5L'],
    ['0 9 1 * *', '0 9 1 * *'],
    ['*/30 9-16 * * mon-fri', '*/30 9-16 * * MON-FRI'],
  ])('%s → %s, every week', (input, cron) => {
    expect(parseSchedule(input)).toEqual(weekly(cron));
  });
});

function refusal(input: string): LederrumError {
  try {
    parseSchedule(input);
  } catch (error) {
    if (error instanceof LederrumError) return error;
    throw error;
  }
  throw new Error(`"${input}" was accepted`);
}

/** The quoted examples a refusal offers, without the quoted value itself. */
const examples = (message: string) => [...message.matchAll(/“([^”]*)”/g)].map((m) => m[1]!).slice(1);

describe('parseSchedule refuses', () => {
  it.each([
    [''],
    ['   '],
    ['every Funday 09:00'],
    ['hver funsdag kl. 9'],
    ['Monday 25:00'],
    ['Monday 24:00'],
    ['Monday 9:61'],
    ['Monday 13pm'],
    ['Monday'],
    ['hver mandag'],
    ['9:00'],
    ['second Monday 9:00'],
    ['constructor Monday 9:00'],
    ['every other day 9:00'],
    ['hver anden hverdag kl. 9'],
    ['first Monday and Tuesday of the month 9:00'],
    ['first weekday of the month 9:00'],
    ['every other Tuesday of the month 9:00'],
    ['0 0 9 * * 1'],
    ['0 0 9 * * 1 2026'],
    ['0 9 * *'],
    ['61 9 * * 1'],
    ['0 9 * * 8'],
    ['0 9 31 2 *'],
    ['H 9 * * 1'],
    ['0 H * * 1'],
    ['0 9 H * *'],
  ])('"%s" with INVALID_SCHEDULE', (input) => {
    const error = refusal(input);
    expect(error.code).toBe('INVALID_SCHEDULE');
    expect(error.messageKey).toBe('error.schedule_invalid');
    expect(error.params.value).toBe(input.trim().replace(/\s+/g, ' '));
  });

  it('names the five fields when given six or seven, in both languages', () => {
    for (const input of ['0 0 9 * * 1', '0 0 9 * * 1 2026']) {
      const error = refusal(input);
      expect(translate('da', error.messageKey, error.params)).toContain(`“${input}”`);
      expect(translate('da', error.messageKey, error.params)).toContain('fem felter');
      expect(translate('en', error.messageKey, error.params)).toContain('five fields');
    }
  });

  it('offers examples, in each language, that are themselves accepted', () => {
    const error = refusal('every Funday 09:00');
    for (const language of ['da', 'en'] as const) {
      const message = translate(language, error.messageKey, error.params);
      expect(message.startsWith('“every Funday 09:00”')).toBe(true);
      const offered = examples(message);
      expect(offered.length).toBeGreaterThanOrEqual(2);
      for (const example of offered) expect(() => parseSchedule(example), example).not.toThrow();
    }
    expect(examples(translate('da', error.messageKey, error.params))[0]).toBe('hver mandag kl. 9');
    expect(examples(translate('en', error.messageKey, error.params))[0]).toBe('every Monday at 9:00');
  });

  it('keeps the member’s words out of the operator’s log line and shortens a long value', () => {
    expect(refusal('every Funday 09:00').message).not.toContain('Funday');
    const long = `every ${'x'.repeat(200)} 9:00`;
    expect(String(refusal(long).params.value)).toHaveLength(60);
  });
});

describe('describeSchedule', () => {
  it.each<[ScheduleSpec, string, string]>([
    [weekly('0 9 * * 1'), 'hver mandag kl. 09:00', 'every Monday at 09:00'],
    [fortnightly('0 9 * * 1'), 'hver anden mandag kl. 09:00', 'every other Monday at 09:00'],
    [weekly('30 8 * * 1-5'), 'hver hverdag kl. 08:30', 'every weekday at 08:30'],
    [weekly('0 8 * * *'), 'hver dag kl. 08:00', 'every day at 08:00'],
    [weekly('0 9 * * 1,4'), 'hver mandag og torsdag kl. 09:00', 'every Monday and Thursday at 09:00'],
    [weekly('0 9 * * 1,3,5'), 'hver mandag, onsdag og fredag kl. 09:00', 'every Monday, Wednesday, and Friday at 09:00'],
    [weekly('0 10 * * 0,6'), 'hver lørdag og søndag kl. 10:00', 'every Saturday and Sunday at 10:00'],
    [fortnightly('0 9 * * 1,4'), 'hver anden mandag og torsdag kl. 09:00', 'every other Monday and Thursday at 09:00'],
    [weekly('0 9 * * 2#1'), 'første tirsdag i måneden kl. 09:00', 'first Tuesday of the month at 09:00'],
    [weekly('0 14 * * 5#3'), 'tredje fredag i måneden kl. 14:00', 'third Friday of the month at 14:00'],
    [weekly('0 14 * * 5L'), 'sidste fredag i måneden kl. 14:00', 'last Friday of the month at 14:00'],
    [weekly('0 9 1 * *'), 'cron 0 9 1 * *', 'cron 0 9 1 * *'],
    [weekly('*/30 9-16 * * 1-5'), 'cron */30 9-16 * * 1-5', 'cron */30 9-16 * * 1-5'],
    [fortnightly('0 9 1 * *'), 'cron 0 9 1 * *, hver anden uge', 'cron 0 9 1 * *, every other week'],
    [fortnightly('30 8 * * 1-5'), 'hver hverdag kl. 08:30, hver anden uge', 'every weekday at 08:30, every other week'],
  ])('%o', (spec, da, en) => {
    expect(describeSchedule(spec, 'da')).toBe(da);
    expect(describeSchedule(spec, 'en')).toBe(en);
  });

  it.each([
    'every Monday 09:00',
    'every other Monday and Thursday 9:00',
    'Monday, Wednesday and Friday 9:30',
    'every weekday 08:30',
    'hver dag 08:00',
    'første tirsdag i måneden kl. 9',
    'sidste fredag i måneden kl. 14',
    'Saturday and Sunday 10:00',
  ])('reads back into the same spec in both languages: %s', (input) => {
    const spec = parseSchedule(input);
    expect(parseSchedule(describeSchedule(spec, 'da'))).toEqual(spec);
    expect(parseSchedule(describeSchedule(spec, 'en'))).toEqual(spec);
  });
});

describe('nextOccurrences', () => {
  const monday9 = parseSchedule('every Monday 09:00');

  it('keeps 09:00 in Copenhagen across the spring change (2026-03-29)', () => {
    const found = nextOccurrences(monday9, 'Europe/Copenhagen', new Date('2026-03-20T12:00:00Z'), 2);
    expect(iso(found)).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(local(found, 'Europe/Copenhagen')).toEqual(['2026-03-23 Mon 09:00', '2026-03-30 Mon 09:00']);
  });

  it('keeps 09:00 in Copenhagen across the autumn change (2026-10-25)', () => {
    const found = nextOccurrences(monday9, 'Europe/Copenhagen', new Date('2026-10-15T12:00:00Z'), 2);
    expect(iso(found)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    expect(local(found, 'Europe/Copenhagen')).toEqual(['2026-10-19 Mon 09:00', '2026-10-26 Mon 09:00']);
  });

  it('keeps 09:00 in New York across its changes (2026-03-08, 2026-11-01)', () => {
    expect(iso(nextOccurrences(monday9, 'America/New_York', new Date('2026-03-01T00:00:00Z'), 2))).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    expect(iso(nextOccurrences(monday9, 'America/New_York', new Date('2026-10-25T00:00:00Z'), 2))).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('is strictly after `after`, and gives as many as asked', () => {
    const found = nextOccurrences(monday9, 'Europe/Copenhagen', new Date('2026-03-23T08:00:00Z'), 3);
    expect(iso(found)).toEqual(['2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z', '2026-04-13T07:00:00.000Z']);
    expect(nextOccurrences(monday9, 'Europe/Copenhagen', new Date('2026-03-23T07:59:59Z'), 1)[0]?.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(nextOccurrences(monday9, 'Europe/Copenhagen', new Date('2026-03-23T08:00:00Z'), 0)).toEqual([]);
  });

  it('fires a time the spring change skips after the gap, and a doubled autumn time once', () => {
    const sunday0230 = parseSchedule('Sunday 02:30');
    expect(local(nextOccurrences(sunday0230, 'Europe/Copenhagen', new Date('2026-03-28T00:00:00Z'), 1), 'Europe/Copenhagen')).toEqual(['2026-03-29 Sun 03:30']);
    const autumn = nextOccurrences(sunday0230, 'Europe/Copenhagen', new Date('2026-10-24T00:00:00Z'), 2);
    expect(iso(autumn)).toEqual(['2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z']);
  });

  describe('every other week', () => {
    const other = parseSchedule('every other Monday 09:00');
    const zone = 'Europe/Copenhagen';

    it('keeps parity from the anchor across a year with ISO week 53 (2026-W53 = 2026-12-28)', () => {
      // Anchor in 2026-W51. Counting by week numbers would wrongly pick 2027-01-04 (W1, odd like W51).
      const found = nextOccurrences(other, zone, new Date('2026-12-01T00:00:00Z'), 4, new Date('2026-12-14T08:00:00Z'));
      expect(local(found, zone)).toEqual(['2026-12-14 Mon 09:00', '2026-12-28 Mon 09:00', '2027-01-11 Mon 09:00', '2027-01-25 Mon 09:00']);
    });

    it('takes the other parity from an anchor one week later, and any instant in the anchor week', () => {
      const fromW52 = nextOccurrences(other, zone, new Date('2026-12-01T00:00:00Z'), 3, new Date('2026-12-21T08:00:00Z'));
      expect(local(fromW52, zone)).toEqual(['2026-12-07 Mon 09:00', '2026-12-21 Mon 09:00', '2027-01-04 Mon 09:00']);
      const sundayOfW51 = new Date('2026-12-20T22:30:00Z'); // 23:30 Sunday in Copenhagen, still W51
      const fromSunday = nextOccurrences(other, zone, new Date('2026-12-15T00:00:00Z'), 2, sundayOfW51);
      expect(local(fromSunday, zone)).toEqual(['2026-12-28 Mon 09:00', '2027-01-11 Mon 09:00']);
    });

    it('counts from the first occurrence when no anchor is given', () => {
      const found = nextOccurrences(other, zone, new Date('2026-12-01T00:00:00Z'), 3);
      expect(local(found, zone)).toEqual(['2026-12-07 Mon 09:00', '2026-12-21 Mon 09:00', '2027-01-04 Mon 09:00']);
    });

    it('keeps both days of an every-other-week pair in the same week', () => {
      const pair = parseSchedule('every other Monday and Thursday 09:00');
      const found = nextOccurrences(pair, zone, new Date('2026-03-01T00:00:00Z'), 4, new Date('2026-03-02T08:00:00Z'));
      expect(local(found, zone)).toEqual(['2026-03-02 Mon 09:00', '2026-03-05 Thu 09:00', '2026-03-16 Mon 09:00', '2026-03-19 Thu 09:00']);
    });
  });

  it('finds the first Tuesday of each month, in local time', () => {
    const found = nextOccurrences(parseSchedule('første tirsdag i måneden kl. 9'), 'Europe/Copenhagen', new Date('2026-01-01T00:00:00Z'), 4);
    expect(local(found, 'Europe/Copenhagen')).toEqual(['2026-01-06 Tue 09:00', '2026-02-03 Tue 09:00', '2026-03-03 Tue 09:00', '2026-04-07 Tue 09:00']);
    expect(found[3]?.toISOString()).toBe('2026-04-07T07:00:00.000Z');
  });

  it('finds the last Friday in a month with five Fridays (May 2026), not the fourth', () => {
    const zone = 'Europe/Copenhagen';
    const after = new Date('2026-05-01T00:00:00Z');
    expect(iso(nextOccurrences(parseSchedule('the last Friday of the month 14:00'), zone, after, 1))).toEqual(['2026-05-29T12:00:00.000Z']);
    expect(iso(nextOccurrences(parseSchedule('the fourth Friday of the month 14:00'), zone, after, 1))).toEqual(['2026-05-22T12:00:00.000Z']);
    expect(local(nextOccurrences(parseSchedule('sidste fredag i måneden kl. 14'), zone, after, 3), zone)).toEqual(['2026-05-29 Fri 14:00', '2026-06-26 Fri 14:00', '2026-07-31 Fri 14:00']);
  });

  it('refuses a time zone it does not know', () => {
    expect(() => nextOccurrences(monday9, 'Europe/Atlantis', new Date('2026-03-01T00:00:00Z'), 1)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', messageKey: 'error.time_zone_unknown' }));
  });
});
