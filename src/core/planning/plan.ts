// What the core plans through the scheduler when a round opens: the check-in's closing (when
// the group has a closing time) and each member's one reminder.
import type { Checkin, Group, Round } from '../model/domain.ts';
import type { CoreDeps } from '../context.ts';
import { DEFAULT_WORKING_HOURS, nudgeTime } from './nudge.ts';
import { DEFAULT_NUDGE_LEVEL } from './nudge-policies.ts';
import { isSkipDay } from './holidays.ts';

export function skipDayOf(group: Group): (date: string) => boolean {
  return (date) => isSkipDay(date, { danishHolidays: group.danishHolidays ?? false, extraDays: group.skipDays ?? [] });
}

/** When the open check-in closes by itself: the group's closing time after it opened, if it has one. */
export async function closingTime(deps: CoreDeps, checkin: Checkin): Promise<Date | null> {
  const group = await deps.store.group(checkin.groupId);
  return group ? closingAfter(deps, group, checkin.openedAt) : null;
}

/** The group's planned closing time after `from`, if its plan has one. */
export async function closingAfter(deps: CoreDeps, group: Group, from: Date): Promise<Date | null> {
  if (!deps.planner) return null;
  const plan = await deps.planner.checkinPlan(group.id);
  return plan?.close ? (deps.planner.next(plan.close, group.timeZone, from, 1)[0] ?? null) : null;
}

export async function planAfterOpening(deps: CoreDeps, group: Group, checkin: Checkin, round: Round): Promise<void> {
  if (!deps.planner) return;
  const closesAt = await closingTime(deps, checkin);
  if (closesAt) await deps.planner.once({ kind: 'checkin.close', subject: checkin.id, groupId: group.id, at: closesAt });
  await planNudges(deps, group, round, closesAt);
}

/** One reminder per member for this round, at a time that suits them, or none. */
export async function planNudges(deps: CoreDeps, group: Group, round: Round, closesAt: Date | null): Promise<void> {
  const { planner, store } = deps;
  if (!planner) return;
  const isSkip = skipDayOf(group);
  for (const { person } of await store.memberships(group.id)) {
    const nudges = person.nudges;
    const at = nudgeTime({
      openedAt: round.openedAt,
      closesAt,
      level: nudges?.level ?? DEFAULT_NUDGE_LEVEL,
      timeZone: person.timeZone ?? group.timeZone,
      hours: nudges ? { start: nudges.workStart, end: nudges.workEnd, days: nudges.workDays } : DEFAULT_WORKING_HOURS,
      pausedUntil: nudges?.pausedUntil ?? null,
      isSkipDay: isSkip,
    });
    if (at) await planner.once({ kind: 'nudge', subject: `${round.id}:${person.id}`, groupId: group.id, at, payload: { roundId: round.id, personId: person.id } });
  }
}
