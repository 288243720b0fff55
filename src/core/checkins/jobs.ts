// A check-in's scheduled jobs: open it on its plan's day (unless a skip day, or so late that its
// own closing has passed), close it at its time, and nudge a member who has not answered yet.
// Each checks that it still applies, so a late or repeated job does nothing rather than something wrong.
import { DateTime } from 'luxon';
import { isLederrumError } from '../errors.ts';
import type { Job } from '../ports.ts';
import type { Group } from '../model/domain.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import { takesRoundReminderNow } from '../planning/nudge-policies.ts';
import type { CoreDeps, JobHandlers } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import { reminderMessage, roundTitle } from './messages.ts';
import { closeNow, openNow } from './service.ts';
import { closingAfter, closingTime, skipDayOf } from '../planning/plan.ts';
import type { CHECKIN_JOB_PAYLOADS } from './payloads.ts';

/** A nudge is gentle only near its moment: one that could not go out within two hours is dropped. */
const NUDGE_WORTH_MS = 2 * 3600_000;

export const checkinJobs: JobHandlers<keyof typeof CHECKIN_JOB_PAYLOADS> = {
  'checkin.open': openOnSchedule,
  'checkin.close': closeOnSchedule,
  nudge,
};

async function openOnSchedule(deps: CoreDeps, job: Job): Promise<void> {
  const group = job.groupId ? await deps.store.group(job.groupId) : null;
  if (!group) return;
  const today = DateTime.fromJSDate(job.at, { zone: group.timeZone }).toISODate()!;
  if (skipDayOf(group)(today)) {
    deps.logger.info('scheduled check-in skipped: a skip day', { group: group.id, date: today });
    return;
  }
  const open = await deps.store.openCheckin(group.id);
  if (open?.rounds.every((r) => r.messageRef !== null)) {
    // The previous check-in's own closing is due too (with replicas it may be on its way on another
    // one): close it first, once, so this opening is not lost to the order the two arrive in.
    const closesAt = await closingTime(deps, open);
    if (!closesAt || closesAt > job.at) {
      deps.logger.warn('scheduled check-in not opened: the previous one is still open', { group: group.id, sequence: open.sequence });
      return;
    }
    await closeUnlessClosed(deps, group, open.id);
  }
  // Run so late that the plan's own closing has passed too: the window is gone, so nothing opens
  // (a round posted and closed again at once would only confuse the group).
  const closesAt = await closingAfter(deps, group, job.at);
  if (closesAt && closesAt <= deps.clock.now()) {
    deps.logger.warn('scheduled check-in not opened: it ran after its own closing time', { group: group.id, due: job.at.toISOString() });
    return;
  }
  await openNow(deps, group, job.at);
}

async function closeUnlessClosed(deps: CoreDeps, group: Group, checkinId: string): Promise<void> {
  try {
    await closeNow(deps, group, await deps.store.memberships(group.id), checkinId);
  } catch (error) {
    // Closed meanwhile (by hand, or by its own closing on another replica): nothing left to do.
    if (isLederrumError(error) && error.code === 'NO_OPEN_CHECKIN') return;
    throw error;
  }
}

async function closeOnSchedule(deps: CoreDeps, job: Job): Promise<void> {
  const group = job.groupId ? await deps.store.group(job.groupId) : null;
  if (group) await closeUnlessClosed(deps, group, job.subject);
}

async function nudge(deps: CoreDeps, job: Job<'nudge'>): Promise<void> {
  const { store, clock } = deps;
  const { roundId, personId } = job.payload;
  const context = await store.roundContext(roundId, personId);
  if (context?.round.status !== 'open') return;
  const member = (await store.memberships(context.group.id)).find((m) => m.person.id === personId);
  if (!member || context.answer) return;
  // The facilitator already sent the round's one gentle reminder: a second one would nag.
  if (context.round.nudgedAt) return;
  if (!takesRoundReminderNow(member.person.nudges, clock.now())) return;
  const language = member.person.locale ?? context.group.language;
  const t = translator(language);
  const round = roundTitle(translator(context.group.language), context.round.kind);
  const message = reminderMessage(t, roundId, t('nudge.text', { round, group: context.group.name }), t('nudge.footer'));
  // A nudge hours late is no longer gentle: after NUDGE_WORTH_MS it is dropped.
  await sendPrivateToEach(deps, { key: `nudge:${job.subject}:${job.at.toISOString()}`, deadline: new Date(job.at.getTime() + NUDGE_WORTH_MS) }, [{ to: member.person, message }]);
}
