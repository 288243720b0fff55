// Poll reminders, person by person (issue 14, point 5). HR chooses how many reminder moments a
// poll has (0-2); they are spread evenly over its time. At each moment every participant gets one
// reminder planned at their own next working moment, in their own zone and working hours, before
// the next moment (or, for the last, half an hour before the close): never during a pause, never
// with reminders off, and with 'light' only at the last moment (the check-in nudge's 'light' is
// likewise one late reminder). So nobody gets more reminders than HR chose, and a reminder that
// cannot reach someone inside their hours in time is dropped rather than sent at night.
//
// Participation is personal data kept apart from the answers: a reminder is planned for every
// participant, answered or not, and whether they have answered is read only when it is due, so
// the schedule table says nothing about who has answered, and the reminder says nothing about
// anyone's answers.
import type { Person } from '../model/domain.ts';
import type { Job } from '../ports.ts';
import type { CoreDeps } from '../context.ts';
import { nextWorkingMoment } from '../planning/dates.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../planning/nudge.ts';
import { DEFAULT_NUDGE_LEVEL, NUDGE_POLICIES, type NudgeLevel } from '../planning/nudge-policies.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import type { Poll } from './model.ts';
import { invitation } from './invitation.ts';

export const REMINDER_JOBS = { moment: 'poll.remind', person: 'poll.remind.person' } as const;
/** A reminder later than this before the close is no help to anyone (as for check-in nudges). */
export const TOO_LATE_BEFORE_CLOSE = 30 * 60 * 1000;

export interface ReminderInput {
  /** The reminder moment, and the instant this person's reminder must come before. */
  moment: Date;
  deadline: Date;
  /** Whether this is the poll's last reminder moment ('light' is reminded only then). */
  last: boolean;
  level: NudgeLevel;
  timeZone: string;
  hours: WorkingHours;
  pausedUntil: Date | null;
}

/** When this person is reminded for this moment, or null when they are not. */
export function reminderTime(input: ReminderInput): Date | null {
  if (!NUDGE_POLICIES[input.level].pollMoment(input.last)) return null;
  const target = Math.max(input.moment.getTime(), input.pausedUntil?.getTime() ?? 0);
  const deadline = input.deadline.getTime();
  const when = nextWorkingMoment(target, input.timeZone, input.hours, () => false, deadline);
  return when === null || when >= deadline ? null : new Date(when);
}

function settingsOf(deps: CoreDeps, person: Person) {
  const nudges = person.nudges;
  return {
    level: nudges?.level ?? DEFAULT_NUDGE_LEVEL,
    timeZone: person.timeZone ?? deps.defaultTimeZone,
    hours: nudges ? { start: nudges.workStart, end: nudges.workEnd, days: nudges.workDays } : DEFAULT_WORKING_HOURS,
    pausedUntil: nudges?.pausedUntil ?? null,
  };
}

/** The moment after `done` have passed: the rest spread evenly between `from` (or the opening) and the close. */
export function nextMomentAt(poll: Poll, done: number, from: Date): Date | null {
  const remaining = poll.reminders - done;
  if (remaining <= 0) return null;
  const start = Math.max(from.getTime(), poll.opensAt.getTime());
  return new Date(start + (poll.closesAt.getTime() - start) / (remaining + 1));
}

/** Plans (or, with none left, stops) the poll's next reminder moment. */
export async function planNextMoment(deps: CoreDeps, poll: Poll, done: number, from: Date): Promise<void> {
  const planner = deps.planner!;
  const at = nextMomentAt(poll, done, from);
  if (!at) return planner.cancel(REMINDER_JOBS.moment, poll.id);
  await planner.once({ kind: REMINDER_JOBS.moment, subject: poll.id, groupId: null, at, payload: { moment: done + 1 } });
}

/** A reminder moment has come: plan the next one, and one reminder per participant. */
export async function runReminderMoment(deps: CoreDeps, job: Job<'poll.remind'>): Promise<void> {
  const { store } = deps;
  // Plans made before per-person reminders named the moment in the subject: "<poll>:<moment>".
  const [pollId = '', index] = job.subject.split(':');
  const moment = job.payload.moment ?? (Number(index) || 1);
  const poll = await store.poll(pollId);
  if (poll?.status !== 'open' || !(await store.passReminderMoment(poll.id, moment - 1))) return;
  const from = new Date(Math.max(job.at.getTime(), deps.clock.now().getTime()));
  await planNextMoment(deps, poll, moment, from);
  const lastCall = new Date(poll.closesAt.getTime() - TOO_LATE_BEFORE_CLOSE);
  const next = nextMomentAt(poll, moment, from);
  const deadline = next && next < lastCall ? next : lastCall;
  const people = await store.people((await store.participants(poll.id)).map((p) => p.personId));
  let planned = 0;
  for (const person of people) {
    const at = reminderTime({ moment: from, deadline, last: moment >= poll.reminders, ...settingsOf(deps, person) });
    if (!at) continue;
    await deps.planner!.once({ kind: REMINDER_JOBS.person, subject: `${poll.id}:${person.id}`, groupId: null, at, payload: { pollId: poll.id, personId: person.id, moment } });
    planned++;
  }
  // Counts only, and of planned reminders (everyone's), so the log tells nothing of who has answered.
  deps.logger.info('poll reminder moment', { poll: poll.id, moment, planned });
}

/** One person's reminder is due: sent only if the poll is open and they still have not answered. */
export async function runPersonalReminder(deps: CoreDeps, job: Job<'poll.remind.person'>): Promise<void> {
  const { store, clock } = deps;
  const { pollId, personId, moment } = job.payload;
  const poll = await store.poll(pollId);
  const now = clock.now();
  if (poll?.status !== 'open' || now.getTime() > poll.closesAt.getTime() - TOO_LATE_BEFORE_CLOSE) return;
  const participation = await store.participation(poll.id, personId);
  if (!participation || participation.answered) return;
  const [person] = await store.people([personId]);
  if (!person) return;
  // Settings changed since it was planned (reminders off, a pause, 'light') win.
  const { level, pausedUntil } = settingsOf(deps, person);
  if (!NUDGE_POLICIES[level].pollMoment(moment >= poll.reminders) || (pausedUntil && pausedUntil > now)) return;
  const lastCall = new Date(poll.closesAt.getTime() - TOO_LATE_BEFORE_CLOSE);
  await sendPrivateToEach(deps, { key: `poll.remind:${job.subject}:${job.at.toISOString()}`, deadline: lastCall }, [{ to: person, message: invitation(deps, poll, person, true) }]);
}
