// A poll's life through the scheduler: it opens (each invited person gets a private invitation
// saying plainly what is anonymous and what is not), reminds person by person those who have not
// answered (reminders.ts), and closes (HR hears that the results are ready; the groups see them
// if HR chose so). HR may also close it early, extend or cancel it (controls.ts).
import type { Job } from '../ports.ts';
import type { POLL_JOB_PAYLOADS } from './payloads.ts';
import { atomically, destinationOf, type CoreDeps, type JobHandlers } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import type { Poll } from './model.ts';
import { resultsMessage } from './show.ts';
import { sendPrivateToEach, withdrawPrivate } from '../fan-out.ts';
import { errorForLog } from '../errors.ts';

/** HR's "results are ready" is worth sending for a week; after that they have seen them in the poll list. */
const RESULTS_NOTICE_MS = 7 * 24 * 3600_000;
import { invitation, languageOfPerson, POLL_ACTIONS } from './invitation.ts';
import { planNextMoment, runPersonalReminder, runReminderMoment } from './reminders.ts';

export { POLL_ACTIONS } from './invitation.ts';

/** The opening (if later), the first reminder moment (which plans the next), and the closing. */
export async function planPoll(deps: CoreDeps, poll: Poll): Promise<void> {
  const planner = deps.planner!;
  // Planned even when it opens now (the turn opens it at once): should the process stop before
  // that, the scheduler opens it; opening twice is a no-op.
  await planner.once({ kind: 'poll.open', subject: poll.id, groupId: null, at: poll.opensAt });
  await planNextMoment(deps, poll, 0, poll.opensAt);
  await planClose(deps, poll);
}

export async function planClose(deps: CoreDeps, poll: Poll): Promise<void> {
  await deps.planner!.once({ kind: 'poll.close', subject: poll.id, groupId: null, at: poll.closesAt });
}

/** A poll's opening and closing name it as their subject (planPoll, planClose). */
const pollOf = (job: Job) => job.subject;

export const pollJobs: JobHandlers<keyof typeof POLL_JOB_PAYLOADS> = {
  'poll.open': (deps, job) => openPoll(deps, pollOf(job)),
  'poll.close': async (deps, job) => {
    // A closing planned before HR extended the poll is not this poll's closing any more.
    const poll = await deps.store.poll(pollOf(job));
    if (poll && job.at < poll.closesAt) return;
    await closePoll(deps, pollOf(job));
  },
  'poll.remind': runReminderMoment,
  'poll.remind.person': runPersonalReminder,
};

export async function openPoll(deps: CoreDeps, pollId: string): Promise<void> {
  // Opening and the invitations commit together: a crash leaves the poll either still scheduled
  // (its job runs again: RESUMABLE_JOBS) or open with every invitation recorded, never open with
  // none sent.
  const invited = await atomically(deps, async (deps) => {
    const { store } = deps;
    if (!(await store.setPollStatus(pollId, 'scheduled', 'open'))) return null;
    const poll = (await store.poll(pollId))!;
    const participants = await store.participants(poll.id);
    const [hr] = poll.createdById ? await store.people([poll.createdById]) : [];
    const letters = (await store.people(participants.map((p) => p.personId))).map((to) => ({ to, message: invitation(deps, poll, to, false) }));
    // HR hears, once all are settled, how many arrived, if not all did.
    const report = hr ? { report: { to: hr, kind: 'poll.invitations' as const, title: poll.title } } : {};
    await sendPrivateToEach(deps, { key: `poll.invite:${poll.id}`, deadline: poll.closesAt, ...report }, letters);
    return participants.length;
  });
  if (invited !== null) deps.logger.info('poll opened', { poll: pollId, invited });
}

/**
 * Closes an open poll once: HR hears the results are ready (unless `closedBy` is the HR person
 * who made it, who sees them at once), and the groups see them if HR chose so. False when the
 * poll was not open (closed already, cancelled, not yet opened).
 */
export async function closePoll(deps: CoreDeps, pollId: string, closedBy: string | null = null): Promise<boolean> {
  const { store } = deps;
  if (!(await store.setPollStatus(pollId, 'open', 'closed'))) return false;
  // Invitations and reminders still waiting in a long fan-out are not sent into a closed poll; HR hears how many.
  await withdrawPrivate(deps, [`poll.invite:${pollId}|`, `poll.remind:${pollId}:`]);
  // Every waiting answer, however few, is mixed in before anyone sees a result.
  await store.mixPollAnswers(pollId, 0);
  const poll = (await store.poll(pollId))!;
  const [hr] = poll.createdById && poll.createdById !== closedBy ? await store.people([poll.createdById]) : [];
  if (hr) {
    const t = translator(languageOfPerson(deps, hr));
    const text = t('poll.closed_for_hr', { title: poll.title });
    const message = {
      text,
      blocks: [
        { type: 'text' as const, text },
        { type: 'buttons' as const, buttons: [{ action: POLL_ACTIONS.results, value: poll.id, label: t('poll.results_button'), style: 'primary' as const }] },
      ],
    };
    await sendPrivateToEach(deps, { key: `poll.closed:${poll.id}`, deadline: new Date(deps.clock.now().getTime() + RESULTS_NOTICE_MS) }, [{ to: hr, message }]);
  }
  if (poll.shareWithGroups) {
    for (const groupId of poll.audience) {
      const group = await store.group(groupId);
      if (!group) continue;
      // One group Lederrum cannot post to (removed from its channel) does not keep the others from the results.
      await deps.deliverer.post(destinationOf(group), await resultsMessage(deps, poll, group.language, false)).catch((error: unknown) => {
        deps.logger.warn('poll results could not be posted to a group', { poll: poll.id, group: group.id, ...errorForLog(error) });
      });
    }
  }
  deps.logger.info('poll closed', { poll: poll.id, early: closedBy !== null });
  return true;
}
