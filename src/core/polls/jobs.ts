// A poll's life through the scheduler: it opens (each invited person gets a private invitation
// saying plainly what is anonymous and what is not), reminds only those who have not answered,
// and closes (HR hears that the results are ready; the groups see them if HR chose so).
import type { Person } from '../model/domain.ts';
import type { Message } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import type { Job } from '../ports.ts';
import { destinationOf, type CoreDeps } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import type { Poll } from './model.ts';
import { resultsMessage } from './show.ts';
import { sendPrivateToEach } from '../fan-out.ts';

export const POLL_ACTIONS = { answer: 'poll.answer', results: 'poll.results', csv: 'poll.csv' } as const;

/** The opening (if later), the reminders spread evenly over the poll's time, and the closing. */
export async function planPoll(deps: CoreDeps, poll: Poll): Promise<void> {
  const planner = deps.planner!;
  const now = deps.clock.now();
  if (poll.opensAt > now) await planner.once({ kind: 'poll.open', subject: poll.id, groupId: null, at: poll.opensAt });
  const span = poll.closesAt.getTime() - poll.opensAt.getTime();
  for (let i = 1; i <= poll.reminders; i++) {
    await planner.once({ kind: 'poll.remind', subject: `${poll.id}:${i}`, groupId: null, at: new Date(poll.opensAt.getTime() + (span * i) / (poll.reminders + 1)) });
  }
  await planner.once({ kind: 'poll.close', subject: poll.id, groupId: null, at: poll.closesAt });
}

export async function runPollJob(deps: CoreDeps, job: Job): Promise<void> {
  const pollId = job.subject.split(':')[0]!;
  if (job.kind === 'poll.open') return openPoll(deps, pollId);
  if (job.kind === 'poll.remind') return remind(deps, pollId);
  return closePoll(deps, pollId);
}

function languageOfPerson(deps: CoreDeps, person: Person) {
  return person.locale ?? deps.defaultLanguage;
}

function invitation(deps: CoreDeps, poll: Poll, person: Person, reminder: boolean): Message {
  const language = languageOfPerson(deps, person);
  const t = translator(language);
  const closes = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: person.timeZone ?? deps.defaultTimeZone }).format(poll.closesAt);
  const blocks: Message['blocks'] = [
    { type: 'header', text: t(reminder ? 'poll.reminder_header' : 'poll.invitation_header', { title: poll.title }) },
    { type: 'text', text: t('poll.invitation', { closes }) },
    { type: 'section', title: t('poll.anonymous_title'), text: t('poll.anonymous', { k: poll.threshold }) },
    { type: 'section', title: t('poll.not_anonymous_title'), text: t('poll.not_anonymous') },
    { type: 'buttons', buttons: [{ action: POLL_ACTIONS.answer, value: poll.id, label: t('poll.answer_button'), style: 'primary' }] },
  ];
  return { text: plainText(blocks.slice(0, 2)), blocks };
}

export async function openPoll(deps: CoreDeps, pollId: string): Promise<void> {
  const { store } = deps;
  if (!(await store.setPollStatus(pollId, 'scheduled', 'open'))) return;
  const poll = (await store.poll(pollId))!;
  const invited = await store.participants(poll.id);
  await sendPrivateToEach(deps, (await store.people(invited.map((p) => p.personId))).map((to) => ({ to, message: invitation(deps, poll, to, false) })));
  deps.logger.info('poll opened', { poll: poll.id, invited: invited.length });
}

async function remind(deps: CoreDeps, pollId: string): Promise<void> {
  const poll = await deps.store.poll(pollId);
  if (poll?.status !== 'open') return;
  const waiting = (await deps.store.participants(poll.id)).filter((p) => !p.answered);
  await sendPrivateToEach(deps, (await deps.store.people(waiting.map((p) => p.personId))).map((to) => ({ to, message: invitation(deps, poll, to, true) })));
  // Only how many: who they are is not for the log.
  deps.logger.info('poll reminder sent', { poll: poll.id, reminded: waiting.length });
}

async function closePoll(deps: CoreDeps, pollId: string): Promise<void> {
  const { store } = deps;
  if (!(await store.setPollStatus(pollId, 'open', 'closed'))) return;
  // Every waiting answer, however few, is mixed in before anyone sees a result.
  await store.mixPollAnswers(pollId, 0);
  const poll = (await store.poll(pollId))!;
  const [hr] = poll.createdById ? await store.people([poll.createdById]) : [];
  if (hr) {
    const t = translator(languageOfPerson(deps, hr));
    const text = t('poll.closed_for_hr', { title: poll.title });
    await deps.deliverer.sendPrivate(hr, { text, blocks: [{ type: 'text', text }, { type: 'buttons', buttons: [{ action: POLL_ACTIONS.results, value: poll.id, label: t('poll.results_button'), style: 'primary' }] }] });
  }
  if (poll.shareWithGroups) {
    for (const groupId of poll.audience) {
      const group = await store.group(groupId);
      if (group) await deps.deliverer.post(destinationOf(group), await resultsMessage(deps, poll, group.language, false));
    }
  }
  deps.logger.info('poll closed', { poll: poll.id });
}
