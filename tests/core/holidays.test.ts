// Danish days off: Easter by the Gregorian computus, the holidays that hang on it, Store
// bededag's abolition from 2024, and the skip-day rule the scheduler asks.
import { describe, expect, it } from 'vitest';
import { danishPublicHolidays, easterSunday, isSkipDay } from '../../src/core/planning/holidays.ts';

const dateOf = (year: number, da: string) => danishPublicHolidays(year).find((h) => h.name.da === da)?.date;

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2008, '2008-03-23'], // early
    [2038, '2038-04-25'], // late
    [1818, '1818-03-22'], // earliest possible date
    [2000, '2000-04-23'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });
});

describe('danishPublicHolidays', () => {
  it('lists 2026 in date order, Danish and English names side by side', () => {
    expect(danishPublicHolidays(2026).map((h) => [h.date, h.name.da, h.name.en, h.official])).toEqual([
      ['2026-01-01', 'Nytårsdag', "New Year's Day", true],
      ['2026-04-02', 'Skærtorsdag', 'Maundy Thursday', true],
      ['2026-04-03', 'Langfredag', 'Good Friday', true],
      ['2026-04-05', 'Påskedag', 'Easter Sunday', true],
      ['2026-04-06', '2. påskedag', 'Easter Monday', true],
      ['2026-05-14', 'Kristi himmelfartsdag', 'Ascension Day', true],
      ['2026-05-24', 'Pinsedag', 'Whit Sunday', true],
      ['2026-05-25', '2. pinsedag', 'Whit Monday', true],
      ['2026-06-05', 'Grundlovsdag', 'Constitution Day', false],
      ['2026-12-24', 'Juleaftensdag', 'Christmas Eve', false],
      ['2026-12-25', 'Juledag', 'Christmas Day', true],
      ['2026-12-26', '2. juledag', 'Boxing Day', true],
      ['2026-12-31', 'Nytårsaftensdag', "New Year's Eve", false],
    ]);
  });

  it('moves the Easter holidays with Easter', () => {
    expect(dateOf(2025, 'Skærtorsdag')).toBe('2025-04-17');
    expect(dateOf(2025, 'Langfredag')).toBe('2025-04-18');
    expect(dateOf(2025, '2. påskedag')).toBe('2025-04-21');
    expect(dateOf(2025, 'Kristi himmelfartsdag')).toBe('2025-05-29');
    expect(dateOf(2025, '2. pinsedag')).toBe('2025-06-09');
    expect(dateOf(2026, 'Kristi himmelfartsdag')).toBe('2026-05-14');
    expect(dateOf(2027, 'Påskedag')).toBe('2027-03-28');
  });

  it('has Store bededag up to 2023 and not from 2024, when it was abolished', () => {
    expect(dateOf(2023, 'Store bededag')).toBe('2023-05-05');
    expect(dateOf(2022, 'Store bededag')).toBe('2022-05-13');
    expect(danishPublicHolidays(2023)).toHaveLength(14);
    for (const year of [2024, 2025, 2026, 2030]) {
      expect(dateOf(year, 'Store bededag')).toBeUndefined();
      expect(danishPublicHolidays(year)).toHaveLength(13);
    }
  });

  it('refuses a year it cannot compute', () => {
    expect(() => danishPublicHolidays(2026.5)).toThrow(RangeError);
    expect(() => danishPublicHolidays(1200)).toThrow(RangeError);
  });
});

describe('isSkipDay', () => {
  const on = { danishHolidays: true, extraDays: [] };
  const off = { danishHolidays: false, extraDays: [] };

  it('skips Danish holidays only when the group has them on', () => {
    expect(isSkipDay('2026-12-25', on)).toBe(true);
    expect(isSkipDay('2026-05-14', on)).toBe(true);
    expect(isSkipDay('2026-06-05', on)).toBe(true); // customary: Grundlovsdag
    expect(isSkipDay('2026-12-25', off)).toBe(false);
    expect(isSkipDay('2026-05-13', on)).toBe(false);
  });

  it('skips Store bededag in 2023 but not its date in 2024', () => {
    expect(isSkipDay('2023-05-05', on)).toBe(true);
    expect(isSkipDay('2024-04-26', on)).toBe(false);
  });

  it('skips the group’s own days, with or without holidays', () => {
    expect(isSkipDay('2026-07-01', { danishHolidays: false, extraDays: ['2026-07-01'] })).toBe(true);
    expect(isSkipDay('2026-07-01', { danishHolidays: true, extraDays: ['2026-06-30', ' 2026-07-01 '] })).toBe(true);
    expect(isSkipDay('2026-07-02', { danishHolidays: true, extraDays: ['2026-07-01'] })).toBe(false);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isSkipDay('2026-02-30', on)).toThrow(RangeError);
    expect(() => isSkipDay('1/7/2026', off)).toThrow(RangeError);
  });
});
