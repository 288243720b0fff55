// The opt-in monthly reminder: planned through the scheduler as the person's own recurring job,
// on the first of their first working weekday of the month, an hour into their working day, in
// their own time zone (so 09:00 stays 09:00 across daylight saving). Delivered privately through
// the outbox under a key per occurrence, so a repeated run records nothing twice; nothing while
// they pause. "Delete my data" removes it with their other schedules (subject = the person).
import { LederrumError } from '../errors.ts';
import type { Language, Person } from '../model/domain.ts';
import { textMessage, type Reply } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { personalLanguage, type CoreDeps, type Turn } from '../context.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import type { Job, Planner } from '../ports.ts';
import { anHourIntoWork } from '../planning/nudge.ts';
import { describeSchedule } from '../planning/spec.ts';
import { reminderMessage } from './messages.ts';
import { refusedInGroup } from './place.ts';

const KIND = 'wellbeing.reminder';
/** A reminder that could not go out within three days waits for next month's. */
const DEADLINE_MS = 3 * 24 * 3600_000;

export async function turnReminderOn(turn: Turn): Promise<Reply> {
  const refused = refusedInGroup(turn);
  if (refused) return refused;
  const planner = plannerOf(turn);
  const timeZone = turn.person.timeZone ?? turn.deps.defaultTimeZone;
  await planner.setPersonal(KIND, turn.person, { cron: reminderCron(turn.person), timeZone, payload: {} });
  const language = personalLanguage(turn);
  const words = await reminderInWords(turn, language);
  return reply(language, 'wellbeing.reminder_on', { when: words?.when ?? '', next: words?.next ?? '', zone: timeZone });
}

export async function turnReminderOff(turn: Turn): Promise<Reply> {
  const refused = refusedInGroup(turn);
  if (refused) return refused;
  await plannerOf(turn).setPersonal(KIND, turn.person, null);
  return reply(personalLanguage(turn), 'wellbeing.reminder_off');
}

/** The reminder in words and its next time, in the person's zone; null when it is off. */
export async function reminderInWords(turn: Turn, language: Language): Promise<{ when: string; next: string } | null> {
  const { planner } = turn.deps;
  const next = planner ? await planner.personalNext(KIND, turn.person) : null;
  if (!next) return null;
  const timeZone = turn.person.timeZone ?? turn.deps.defaultTimeZone;
  const at = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(next);
  return { when: describeSchedule({ cron: reminderCron(turn.person), everyNthWeek: 1 }, language), next: at };
}

/** The scheduler's monthly occurrence: a gentle invitation, privately, unless the person is pausing. */
export async function sendWellbeingReminder(deps: CoreDeps, job: Job<'wellbeing.reminder'>): Promise<void> {
  const [person] = await deps.store.people([job.subject]);
  if (!person) return;
  if (person.nudges?.pausedUntil && person.nudges.pausedUntil > deps.clock.now()) return;
  const message = reminderMessage(person.locale ?? deps.defaultLanguage);
  await sendPrivateToEach(deps, { key: `${KIND}:${person.id}:${job.at.toISOString()}`, deadline: new Date(job.at.getTime() + DEADLINE_MS) }, [{ to: person, message }]);
}

/** The first of the person's first working weekday each month, an hour into their working day. */
function reminderCron(person: Person): string {
  const { minute, hour, day } = anHourIntoWork(person.nudges);
  return `${minute} ${hour} * * ${day}#1`;
}

function plannerOf(turn: Turn): Planner {
  if (!turn.deps.planner) throw new LederrumError('INVALID_INPUT', 'error.no_scheduler');
  return turn.deps.planner;
}

function reply(language: Language, key: 'wellbeing.reminder_on' | 'wellbeing.reminder_off', params?: Record<string, string>): Reply {
  return { kind: 'message', message: textMessage(translator(language)(key, params)) };
}
