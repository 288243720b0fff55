// HR's controls over a running poll (issue 14, point 6): close now (results at once, the same
// suppression as a normal closing), extend the closing time (the reminders still to come are
// spread over the new time; nobody is told again), cancel after a confirmation (the answers are
// deleted, participants are told, no results ever) and the live count of answers. Every button
// value is a poll id from outside: it must be a poll of the HR person's own workspace, in a
// status that allows the control; otherwise nothing changes.
import { LederrumError } from '../errors.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Block, Form, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { sendPrivateToEach, withdrawPrivate } from '../fan-out.ts';
import type { Poll } from './model.ts';
import { requireHr } from './roles.ts';
import { parseMoment } from './create.ts';
import { closePoll, planClose } from './jobs.ts';
import { languageOfPerson } from './invitation.ts';
import { planNextMoment, REMINDER_JOBS } from './reminders.ts';
import { resultsMessage, resultsText } from './show.ts';

export const POLL_CONTROLS = { close: 'poll.close_now', extend: 'poll.extend', cancel: 'poll.cancel', confirmCancel: 'poll.cancel_confirm' } as const;
export const POLL_EXTEND_FORM = 'poll.extend';

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

/** A poll HR may act on: HR's role, and a poll of their own workspace (another's does not exist for them). */
async function hrPoll(turn: Turn, pollId: string): Promise<Poll> {
  await requireHr(turn);
  const poll = await turn.deps.store.poll(pollId);
  if (!poll || poll.workspace !== turn.person.workspace) throw new LederrumError('NOT_FOUND', 'error.not_found');
  return poll;
}

/** Why a control does not apply to a poll in this status. */
function notRunning(poll: Poll, field?: string): LederrumError {
  const options = field ? { field } : {};
  if (poll.status === 'cancelled') return new LederrumError('POLL_CLOSED', 'error.poll_is_cancelled', options);
  return new LederrumError('POLL_CLOSED', 'error.poll_already_closed', options);
}

const running = (poll: Poll) => poll.status === 'scheduled' || poll.status === 'open';

function formatClosing(turn: Turn, at: Date): string {
  const language = personalLanguage(turn);
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: turn.person.timeZone ?? turn.deps.defaultTimeZone,
  }).format(at);
}

/** `målinger`: the live count and the controls of a scheduled or open poll. */
export async function controlBlocks(turn: Turn, t: Translator, poll: Poll): Promise<Block[]> {
  if (!running(poll)) return [];
  const blocks: Block[] = [];
  if (poll.status === 'open') {
    const { invited, answered } = await turn.deps.store.answeredCount(poll.id);
    const text = answered >= poll.threshold ? t('poll.control.count', { answered, invited }) : t('poll.control.count_few', { k: poll.threshold, invited });
    blocks.push({ type: 'context', text });
  }
  const close = poll.status === 'open' ? [{ action: POLL_CONTROLS.close, value: poll.id, label: t('poll.control.close') }] : [];
  blocks.push({
    type: 'buttons',
    buttons: [
      ...close,
      { action: POLL_CONTROLS.extend, value: poll.id, label: t('poll.control.extend') },
      { action: POLL_CONTROLS.cancel, value: poll.id, label: t('poll.control.cancel'), style: 'danger' },
    ],
  });
  return blocks;
}

/** Close now: the same closing as at the planned time, and the results for HR at once. */
export async function closeNow(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await hrPoll(turn, pollId);
  if (poll.status === 'scheduled') throw new LederrumError('POLL_CLOSED', 'error.poll_close_unopened');
  if (!(await closePoll(turn.deps, poll.id, turn.person.id))) throw notRunning((await turn.deps.store.poll(poll.id)) ?? poll);
  const planner = turn.deps.planner;
  await planner?.cancel('poll.close', poll.id);
  await planner?.cancel(REMINDER_JOBS.moment, poll.id);
  const language = personalLanguage(turn);
  const closed = (await turn.deps.store.poll(poll.id))!;
  const results = await resultsMessage(turn.deps, closed, language, true);
  const blocks: Block[] = [{ type: 'text', text: translator(language)('poll.control.closed_now', { title: poll.title }) }, ...results.blocks];
  return { kind: 'message', message: { text: resultsText(blocks), blocks } };
}

export async function openExtendForm(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await hrPoll(turn, pollId);
  if (!running(poll)) throw notRunning(poll);
  const language = personalLanguage(turn);
  const t = translator(language);
  const form: Form = {
    id: POLL_EXTEND_FORM,
    language,
    state: poll.id,
    title: t('poll.extend.title'),
    submitLabel: t('poll.extend.save'),
    intro: [{ type: 'context', text: t('poll.extend.intro', { title: poll.title, closes: formatClosing(turn, poll.closesAt) }) }, whoSees(t, 'recipients')],
    fields: [{ type: 'text', id: 'closes', label: t('poll.extend.closes'), initial: '', hint: t('poll.form.when_hint') }],
  };
  return { kind: 'form', form };
}

/** A new closing time, later than the current one; the closing and the reminders still to come are re-planned. */
export async function submitExtend(turn: Submitted): Promise<Reply> {
  const poll = await hrPoll(turn, turn.event.state);
  if (!running(poll)) throw notRunning(poll, 'closes');
  const { store, clock } = turn.deps;
  if (!turn.deps.planner) throw new LederrumError('INVALID_INPUT', 'error.no_scheduler');
  const raw = turn.event.values['closes'];
  const now = clock.now();
  const closesAt = parseMoment(typeof raw === 'string' ? raw : '', turn.person.timeZone ?? turn.deps.defaultTimeZone, now, 16, 'closes');
  if (closesAt <= poll.closesAt || closesAt <= now) {
    throw new LederrumError('INVALID_INPUT', 'error.poll_extend_not_later', { field: 'closes', params: { closes: formatClosing(turn, poll.closesAt) } });
  }
  if (!(await store.extendPoll(poll.id, closesAt))) throw notRunning((await store.poll(poll.id)) ?? poll, 'closes');
  const extended = (await store.poll(poll.id))!;
  await planClose(turn.deps, extended);
  // Only the moments still to come are re-spread: a person is never reminded more often than HR chose.
  await planNextMoment(turn.deps, extended, await store.remindersPlanned(poll.id), now);
  for (let i = 1; i <= extended.reminders; i++) await turn.deps.planner.cancel(REMINDER_JOBS.moment, `${poll.id}:${i}`);
  const t = translator(personalLanguage(turn));
  return { kind: 'message', message: textMessage(t('poll.extend.done', { title: poll.title, closes: formatClosing(turn, closesAt) })) };
}

/** Cancelling deletes answers for good: asked first. */
export async function askCancel(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await hrPoll(turn, pollId);
  if (!running(poll)) throw notRunning(poll);
  const t = translator(personalLanguage(turn));
  const blocks: Block[] = [
    { type: 'text', text: t('poll.cancel.confirm', { title: poll.title }) },
    { type: 'buttons', buttons: [{ action: POLL_CONTROLS.confirmCancel, value: poll.id, label: t('poll.cancel.confirm_button'), style: 'danger' }] },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

export async function confirmCancel(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await hrPoll(turn, pollId);
  const { store } = turn.deps;
  const cancelled = running(poll) ? await store.cancelPoll(poll.id) : null;
  if (!cancelled) throw notRunning((await store.poll(poll.id)) ?? poll);
  const planner = turn.deps.planner;
  for (const kind of ['poll.open', 'poll.close', REMINDER_JOBS.moment] as const) await planner?.cancel(kind, poll.id);
  // Invitations and reminders still waiting are called off with the poll, and nobody is told counts of them.
  await withdrawPrivate(turn.deps, [`poll.invite:${poll.id}|`, `poll.remind:${poll.id}:`], { silently: true });
  // Everyone who was invited hears the same, answered or not: the notice tells nothing about anyone.
  if (cancelled.opened) {
    const people = await store.people(cancelled.invited);
    // The poll is cancelled whatever delivery does; a failed notice is logged by sendPrivateToEach.
    await sendPrivateToEach(
      turn.deps,
      { key: `poll.cancel:${poll.id}`, deadline: new Date(turn.deps.clock.now().getTime() + 24 * 3600_000) },
      people.map((to) => ({ to, message: textMessage(translator(languageOfPerson(turn.deps, to))('poll.cancelled_notice', { title: poll.title })) })),
    ).catch(() => undefined);
    for (const person of people) await planner?.cancel(REMINDER_JOBS.person, `${poll.id}:${person.id}`);
  }
  turn.deps.logger.info('poll cancelled', { poll: poll.id });
  const t = translator(personalLanguage(turn));
  return { kind: 'message', message: textMessage(t(cancelled.opened ? 'poll.cancel.done' : 'poll.cancel.done_unopened', { title: poll.title })) };
}
