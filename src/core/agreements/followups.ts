// Follow-ups through the scheduler (BRIEF point 2): a personal agreement's owner is asked
// privately, a group's agreement is brought up in the group, at a working moment in the right
// time zone, never during a pause. A follow-up with no answer is asked once more a week later;
// two unanswered in a row make the agreement quiet, and a quiet group agreement is named to the
// facilitator, privately. The scheduler delivers each occurrence once; the follow-up row for the
// day is unique, so a repeated job sends nothing twice.
import { DateTime } from 'luxon';
import type { Group, Person } from '../model/domain.ts';
import { textMessage } from '../model/messages.ts';
import type { Job } from '../ports.ts';
import { destinationOf, type CoreDeps } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import { DEFAULT_WORKING_HOURS } from '../planning/nudge.ts';
import { nudgePolicy } from '../planning/nudge-policies.ts';
import { nextWorkingMoment } from '../planning/dates.ts';
import { skipDayOf } from '../planning/plan.ts';
import type { Agreement, FollowUpOutcome } from './model.ts';
import { followUpMessage } from './messages.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import { isFinished, nextDayAfterSending, QUIET_AFTER, unansweredInARow } from './rules.ts';

export const FOLLOW_UP_JOB = 'agreement.followup';
/** A follow-up comes an hour into the working day. */
const INTO_THE_DAY_MINUTES = 60;
/** A follow-up not delivered within a day asks about a day that has gone: it is dropped (the next one comes). */
const FOLLOW_UP_WORTH_MS = 24 * 3600_000;

/** "08:00" plus minutes, but never past the end of the working day. */
function laterBy(hhmm: string, minutes: number, end: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  const total = Math.min(h! * 60 + m! + minutes, eh! * 60 + em! - 1);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

interface Parties {
  owner: Person | null;
  group: Group | null;
}

async function partiesOf(deps: CoreDeps, agreement: Agreement): Promise<Parties> {
  const [owner] = agreement.ownerId ? await deps.store.people([agreement.ownerId]) : [];
  const group = agreement.groupId ? await deps.store.group(agreement.groupId) : null;
  return { owner: owner ?? null, group };
}

/** The moment a follow-up on `day` is sent: the owner's working hours and zone, or the group's. */
export function followUpMoment(agreement: Agreement, day: string, { owner, group }: Parties, now: Date, defaultTimeZone: string): Date | null {
  const personal = agreement.kind !== 'group' && owner;
  const zone = (personal ? owner.timeZone : null) ?? group?.timeZone ?? owner?.timeZone ?? defaultTimeZone;
  const nudges = personal ? owner.nudges : undefined;
  const working = nudges ? { start: nudges.workStart, end: nudges.workEnd, days: nudges.workDays } : DEFAULT_WORKING_HOURS;
  // An hour into the working day, on whichever day it falls: the working day starts an hour later here.
  const hours = { ...working, start: laterBy(working.start, INTO_THE_DAY_MINUTES, working.end) };
  const [h, m] = hours.start.split(':').map(Number);
  let target = DateTime.fromISO(day, { zone }).set({ hour: h!, minute: m! }).toMillis();
  target = Math.max(target, now.getTime());
  if (nudges?.pausedUntil) target = Math.max(target, nudges.pausedUntil.getTime());
  const when = nextWorkingMoment(target, zone, hours, group ? skipDayOf(group) : () => false);
  return when === null ? null : new Date(when);
}

/** Plans (or cancels) the agreement's next follow-up to match its follow-up day. */
export async function planFollowUp(deps: CoreDeps, agreement: Agreement, parties?: Parties): Promise<void> {
  const { planner } = deps;
  if (!planner) return;
  if (!agreement.followUpDate || isFinished(agreement.status)) return planner.cancel(FOLLOW_UP_JOB, agreement.id);
  const at = followUpMoment(agreement, agreement.followUpDate, parties ?? (await partiesOf(deps, agreement)), deps.clock.now(), deps.defaultTimeZone);
  if (!at) return planner.cancel(FOLLOW_UP_JOB, agreement.id);
  await planner.once({ kind: FOLLOW_UP_JOB, subject: agreement.id, groupId: agreement.groupId, at, payload: { dueDate: agreement.followUpDate } });
}

export async function runFollowUp(deps: CoreDeps, job: Job<'agreement.followup'>): Promise<void> {
  const { store, clock } = deps;
  const agreement = await store.agreement(job.subject);
  const { dueDate } = job.payload;
  // Changed since it was planned (answered, adjusted, stopped): nothing to ask.
  if (!agreement || isFinished(agreement.status) || agreement.followUpDate !== dueDate) return;
  const parties = await partiesOf(deps, agreement);
  const now = clock.now();
  if (agreement.kind !== 'group') {
    const nudges = parties.owner?.nudges;
    if (!parties.owner) return;
    // A pause moves the follow-up to after it; reminders switched off leave it waiting in the overview.
    if (nudges?.pausedUntil && nudges.pausedUntil > now) return planFollowUp(deps, agreement, parties);
    if (!nudgePolicy(nudges?.level).reminds) return;
  }
  if (await becameQuiet(deps, agreement, parties, dueDate)) return;

  const followUp = await store.recordFollowUp(agreement.id, dueDate, now);
  if (!followUp) return;
  if (agreement.kind === 'group') {
    if (!parties.group) return;
    const ref = await deps.deliverer.post(destinationOf(parties.group), followUpMessage(parties.group.language, agreement, followUp, parties.group));
    await store.setFollowUpMessage(followUp.id, ref);
  } else {
    const language = parties.owner!.locale ?? parties.group?.language ?? deps.defaultLanguage;
    await sendPrivateToEach(deps, { key: `followup:${followUp.id}`, deadline: new Date(now.getTime() + FOLLOW_UP_WORTH_MS) }, [
      { to: parties.owner!, message: followUpMessage(language, agreement, followUp, parties.group) },
    ]);
  }
  const next = await store.changeAgreement(agreement.id, { patch: { followUpDate: nextDayAfterSending(agreement, dueDate) } }, now);
  await planFollowUp(deps, next, parties);
}

/**
 * Marks earlier follow-ups that got no answer; after two in a row the agreement goes quiet (no
 * more asking) and, for a group's agreement, its facilitators hear of it privately.
 */
async function becameQuiet(deps: CoreDeps, agreement: Agreement, parties: Parties, dueDate: string): Promise<boolean> {
  const { store, clock } = deps;
  const now = clock.now();
  const outcomes: Array<FollowUpOutcome | null> = [];
  for (const followUp of await store.followUpsOf(agreement.id, QUIET_AFTER)) {
    if (followUp.answer !== null || followUp.dueDate >= dueDate) {
      outcomes.push(followUp.answer);
      continue;
    }
    const { followUp: marked, answered } = await store.answerFollowUp(followUp.id, 'unanswered', now);
    if (answered)
      await store.changeAgreement(agreement.id, { patch: {}, event: { kind: 'unanswered', actorId: null, at: now, previousText: null, followUpDate: followUp.dueDate, benefit: null } }, now);
    outcomes.push(marked.answer);
  }
  if (unansweredInARow(outcomes) < QUIET_AFTER) return false;
  const flagged = agreement.kind === 'group' && parties.group !== null;
  const event = flagged ? { kind: 'flagged' as const, actorId: null, at: now, previousText: null, followUpDate: dueDate, benefit: null } : undefined;
  await store.changeAgreement(agreement.id, { patch: { quietSince: now, followUpDate: null }, ...(event ? { event } : {}) }, now);
  if (flagged) {
    const group = parties.group!;
    const t = translator(group.language);
    const facilitators = (await store.memberships(group.id)).filter((m) => m.role === 'facilitator').map((m) => m.person);
    const message = textMessage(t('followup.quiet_flag', { text: agreement.text, group: group.name }));
    await sendPrivateToEach(
      deps,
      { key: `agreement.quiet:${agreement.id}:${dueDate}`, deadline: new Date(now.getTime() + FOLLOW_UP_WORTH_MS) },
      facilitators.map((to) => ({ to, message })),
    );
  }
  return true;
}
