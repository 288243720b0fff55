// The core's Planner port on the schedule table: a group's recurring opening, one-shot closings
// and nudges, and the occurrence arithmetic (cron in the group's zone, every other week).
import type { Clock, Planner } from '../core/index.ts';
import type { CheckinPlan } from '../core/ports.ts';
import { JOB_PAYLOADS } from '../core/planning/payloads.ts';
import { nextOccurrences } from '../core/planning/spec.ts';
import type { NextOf, ScheduleStore, StoredSchedule } from './schedules.ts';

export const nextOf: NextOf = (row, after) =>
  row.cron ? (nextOccurrences({ cron: row.cron, everyNthWeek: row.everyNthWeek === 2 ? 2 : 1 }, row.timeZone, after, 1, row.anchor ?? undefined)[0] ?? null) : null;

export function schedulePlanner(schedules: ScheduleStore, clock: Clock): Planner {
  return {
    async once({ kind, subject, groupId, at, payload }) {
      await schedules.put({ kind, subject, groupId, timeZone: 'UTC', nextAt: at, payload: payload ?? {} }, clock.now());
    },
    async cancel(kind, subject) {
      await schedules.stop(kind, subject, clock.now());
    },
    async setCheckinPlan(group, plan) {
      if (!plan) return schedules.stop('checkin.open', group.id, clock.now());
      const now = clock.now();
      // Every other week counts from the first opening.
      const first = nextOccurrences({ ...plan.open, everyNthWeek: 1 }, group.timeZone, now, 1)[0] ?? null;
      await schedules.put(
        {
          kind: 'checkin.open',
          subject: group.id,
          groupId: group.id,
          cron: plan.open.cron,
          everyNthWeek: plan.open.everyNthWeek,
          timeZone: group.timeZone,
          anchor: first,
          nextAt: first,
          payload: { close: plan.close },
        },
        now,
      );
    },
    async setPersonal(kind, person, plan) {
      if (!plan) return schedules.stop(kind, person.id, clock.now());
      const now = clock.now();
      const first = nextOccurrences({ cron: plan.cron, everyNthWeek: 1 }, plan.timeZone, now, 1)[0] ?? null;
      await schedules.put({ kind, subject: person.id, cron: plan.cron, timeZone: plan.timeZone, nextAt: first, payload: plan.payload }, now);
    },
    async personalNext(kind, person) {
      return (await schedules.find(kind, person.id))?.nextAt ?? null;
    },
    async checkinPlan(groupId) {
      return planOf(await schedules.find('checkin.open', groupId));
    },
    next(spec, timeZone, after, count) {
      return nextOccurrences(spec, timeZone, after, count);
    },
  };
}

/**
 * A recurring job that belongs to no group or person (the daily retention pass), made sure of at
 * start-up. Every replica calls it: an existing row with the same cron and zone that is still
 * planned is left as it is, so a start-up never moves an occurrence another replica claimed.
 */
export async function ensureSystemSchedule(schedules: ScheduleStore, clock: Clock, spec: { kind: string; subject: string; cron: string; timeZone: string }): Promise<void> {
  const existing = await schedules.find(spec.kind, spec.subject);
  if (existing?.nextAt && existing.cron === spec.cron && existing.timeZone === spec.timeZone) return;
  const now = clock.now();
  const first = nextOccurrences({ cron: spec.cron, everyNthWeek: 1 }, spec.timeZone, now, 1)[0] ?? null;
  const schedule = { kind: spec.kind, subject: spec.subject, cron: spec.cron, timeZone: spec.timeZone, nextAt: first };
  // Several replicas starting at once: the first insert wins, the others change nothing.
  if (!existing) await schedules.putIfAbsent(schedule, now);
  else await schedules.put(schedule, now);
}

/** A group's check-in plan from its stored opening schedule, if it has a running one. */
function planOf(row: StoredSchedule | null): CheckinPlan | null {
  if (!row?.cron || !row.nextAt) return null;
  // A hand-edited or older row's closing that does not parse reads as none, as an unplanned close would.
  const payload = JOB_PAYLOADS['checkin.open'].safeParse(row.payload ?? {});
  return { open: { cron: row.cron, everyNthWeek: row.everyNthWeek === 2 ? 2 : 1 }, close: payload.success ? payload.data.close : null };
}
