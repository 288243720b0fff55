// The one reminder's timing: inside working hours in the member's own zone, never at night,
// never on a skip day or during a pause, and none at all when it would come too late.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_WORKING_HOURS, nudgeTime, type NudgeInput } from '../../src/core/planning/nudge.ts';

const OPEN = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 in Copenhagen
const CLOSE = new Date('2026-12-04T14:00:00Z'); // Friday 15:00
const base: NudgeInput = { openedAt: OPEN, closesAt: CLOSE, level: 'normal', timeZone: 'Europe/Copenhagen', hours: DEFAULT_WORKING_HOURS, pausedUntil: null, isSkipDay: () => false };
const local = (at: Date | null, zone = 'Europe/Copenhagen') => (at ? DateTime.fromJSDate(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm') : null);

describe('nudgeTime', () => {
  it('moves a reminder that would fall at night to the start of the next working day', () => {
    // 40 % into the round (Monday 09:00 to Friday 15:00) is Wednesday 01:48: too early, so 08:00.
    expect(local(nudgeTime(base))).toBe('Wed 2026-12-02 08:00');
  });

  it("uses the member's own zone and working hours", () => {
    // In New York the same instant is Tuesday 19:48: after work, so Wednesday 08:00 New York time.
    expect(local(nudgeTime({ ...base, timeZone: 'America/New_York' }), 'America/New_York')).toBe('Wed 2026-12-02 08:00');
    expect(local(nudgeTime({ ...base, hours: { start: '10:30', end: '14:00', days: [3, 4] } }))).toBe('Wed 2026-12-02 10:30');
  });

  it("skips the group's skip days and waits out a pause", () => {
    expect(local(nudgeTime({ ...base, isSkipDay: (d) => d === '2026-12-02' }))).toBe('Thu 2026-12-03 08:00');
    expect(local(nudgeTime({ ...base, pausedUntil: new Date('2026-12-03T11:00:00Z') }))).toBe('Thu 2026-12-03 12:00');
  });

  it('sends none when it would come within half an hour of the close, or the member chose off', () => {
    expect(nudgeTime({ ...base, pausedUntil: new Date('2026-12-04T13:45:00Z') })).toBeNull();
    expect(nudgeTime({ ...base, level: 'off' })).toBeNull();
    expect(nudgeTime({ ...base, isSkipDay: () => true })).toBeNull();
  });

  it('reminds a light member later, near the close, and still inside working hours', () => {
    expect(local(nudgeTime({ ...base, level: 'light' }))).toBe('Fri 2026-12-04 12:00');
  });

  it('waits a day (normal) or two (light) when the round has no closing time, skipping the weekend', () => {
    const friday = new Date('2026-12-04T08:00:00Z');
    expect(local(nudgeTime({ ...base, openedAt: friday, closesAt: null }))).toBe('Mon 2026-12-07 08:00');
    expect(local(nudgeTime({ ...base, openedAt: OPEN, closesAt: null, level: 'light' }))).toBe('Wed 2026-12-02 09:00');
  });
});
