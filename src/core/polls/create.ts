// HR creates a poll: a template (WHO-5, PSS-10, the workplace pulse) or own questions, the
// audience (groups), when it opens and closes, up to two reminders. A poll that would reach
// fewer people than the threshold is refused before anything is sent (BRIEF, anonymous polls).
import { DateTime } from 'luxon';
import { LederrumError } from '../errors.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Form, Reply } from '../model/messages.ts';
import { textMessage } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { parseDay } from '../planning/dates.ts';
import type { OwnQuestion } from './instrument.ts';
import { CHOICE_OPTIONS } from './instrument.ts';
import type { Poll } from './model.ts';
import { requireHr } from './roles.ts';
import { openPoll, planPoll } from './jobs.ts';

export const POLL_FORMS = { create: 'poll.create' } as const;
export const OWN = 'own';
/** "A new series" in the continues choice: never an empty value (Adaptive Cards refuse one; Slack documents none). */
export const NEW_SERIES = 'new';
/** An audience value naming a channel's members rather than a group. */
const CHANNEL_PREFIX = 'channel:';
/** The thresholds and reminder counts the form offers; a submitted value must be one of them. */
const THRESHOLDS = [3, 4, 5, 6, 7, 8, 10];
const REMINDERS = [0, 1, 2];
const MAX_QUESTIONS = 20;

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export async function openCreateForm(turn: Turn): Promise<Reply> {
  await requireHr(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const groups = await turn.deps.store.groupsOn(turn.person.workspace);
  const earlier = await turn.deps.store.polls(turn.person.workspace, 10);
  // Asked in a channel the platform keeps a member list for: its members are an audience too.
  const { place } = turn.event;
  const channel =
    place.kind === 'group' && turn.deps.deliverer.membersOf
      ? [{ value: `${CHANNEL_PREFIX}${place.conversationId}`, label: t('poll.form.this_channel', { name: place.name ?? place.conversationId }) }]
      : [];
  const audience = [...channel, ...groups.map((g) => ({ value: g.id, label: g.name }))];
  // Nobody to send it to: say what to do first rather than show a form that cannot be filled in
  // (Slack refuses a select with no options, and the form would never open).
  if (audience.length === 0) throw new LederrumError('INVALID_INPUT', 'error.poll_no_groups');
  const templates = (turn.deps.instruments ?? []).map((i) => ({ value: i.id, label: i.name[language] }));
  const form: Form = {
    id: POLL_FORMS.create,
    language,
    state: '',
    title: t('poll.form.title'),
    submitLabel: t('poll.form.save'),
    intro: [{ type: 'context', text: t('poll.form.intro') }, whoSees(t, 'recipients')],
    fields: [
      { type: 'text', id: 'title', label: t('poll.form.name'), maxLength: 80, initial: '' },
      { type: 'choice', id: 'template', label: t('poll.form.template'), options: [...templates, { value: OWN, label: t('poll.form.own') }], initial: templates[0]?.value ?? OWN },
      { type: 'text', id: 'questions', label: t('poll.form.questions'), multiline: true, optional: true, maxLength: 4000, hint: t('poll.form.questions_hint') },
      { type: 'multi_choice', id: 'audience', label: t('poll.form.audience'), options: audience },
      { type: 'text', id: 'opens', label: t('poll.form.opens'), initial: t('poll.form.opens_default'), hint: t('poll.form.when_hint') },
      { type: 'text', id: 'closes', label: t('poll.form.closes'), initial: t('poll.form.closes_default'), hint: t('poll.form.when_hint') },
      { type: 'choice', id: 'reminders', label: t('poll.form.reminders'), options: REMINDERS.map((v) => ({ value: String(v), label: String(v) })), initial: '1' },
      { type: 'choice', id: 'threshold', label: t('poll.form.threshold'), options: THRESHOLDS.map((v) => ({ value: String(v), label: String(v) })), initial: '5' },
      {
        type: 'choice',
        id: 'continues',
        label: t('poll.form.continues'),
        options: [{ value: NEW_SERIES, label: t('poll.form.new_series') }, ...earlier.map((p) => ({ value: p.id, label: `${p.title} (${t('poll.wave', { wave: p.wave })})` }))],
        initial: NEW_SERIES,
      },
      { type: 'checkbox', id: 'share', label: t('poll.form.share'), initial: false },
    ],
  };
  return { kind: 'form', form };
}

/** "enig: …", "0-10: …", "valg: … | a | b", "tekst: …" (or agree/scale/choice/text); a bare line is agree–disagree. */
export function parseOwnQuestions(text: string): OwnQuestion[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_QUESTIONS) throw new LederrumError('INVALID_INPUT', 'error.poll_too_many_questions', { field: 'questions', params: { max: MAX_QUESTIONS } });
  return lines.map((line, i): OwnQuestion => {
    const match = /^(enig|agree|0-10|skala|scale|valg|choice|tekst|text)\s*:\s*(.*)$/i.exec(line);
    const kind = match?.[1]?.toLowerCase() ?? 'enig';
    const body = (match?.[2] ?? line).trim();
    const id = `q${i + 1}`;
    const bilingual = (s: string) => ({ da: s, en: s });
    if (/^(valg|choice)$/.test(kind)) {
      const [question = '', ...options] = body.split('|').map((s) => s.trim());
      const unique = [...new Set(options.filter(Boolean))];
      if (!question || unique.length < CHOICE_OPTIONS.min || unique.length > CHOICE_OPTIONS.max) {
        throw new LederrumError('INVALID_INPUT', 'error.poll_choice', { field: 'questions', params: { line: i + 1 } });
      }
      return { id, kind: 'choice', text: bilingual(question), options: unique.map((o, j) => ({ value: String(j), label: bilingual(o) })) };
    }
    if (!body) throw new LederrumError('INVALID_INPUT', 'error.poll_question_empty', { field: 'questions', params: { line: i + 1 } });
    if (/^(0-10|skala|scale)$/.test(kind)) return { id, kind: 'scale10', text: bilingual(body) };
    if (/^(tekst|text)$/.test(kind)) return { id, kind: 'text', text: bilingual(body) };
    return { id, kind: 'agree5', text: bilingual(body) };
  });
}

/** "nu", "i morgen kl. 9", "1. december 14:00", "om 1 uge": a moment in the zone; a day alone means `hour`. */
export function parseMoment(input: string, zone: string, now: Date, hour: number, field: string): Date {
  const text = input.trim().toLowerCase();
  if (/^(nu|now)$/.test(text)) return now;
  // The time follows the day after a space ("i morgen kl. 9"), so a bare "2026-12-02" is a day, not "2026-12-" at 2.
  const time = /(?:^|\s+)(?:(?:kl\.?|at)\s*)?(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
  const dayText = time && time.index > 0 ? text.slice(0, time.index) : text;
  const today = DateTime.fromJSDate(now, { zone });
  const parsed = parseDay(dayText, today);
  if ('error' in parsed) throw new LederrumError('INVALID_INPUT', parsed.error === 'past' ? 'error.poll_when_past' : 'error.poll_when', { field, params: { value: input.trim() } });
  const [h, m] = time && time.index > 0 ? [Number(time[1]), Number(time[2] ?? 0)] : [hour, 0];
  if (h > 23 || m > 59) throw new LederrumError('INVALID_INPUT', 'error.poll_when', { field, params: { value: input.trim() } });
  const at = parsed.day.set({ hour: h, minute: m }).toJSDate();
  if (at < now) throw new LederrumError('INVALID_INPUT', 'error.poll_when_past', { field, params: { value: input.trim() } });
  return at;
}

export async function submitCreate(turn: Submitted): Promise<Reply> {
  await requireHr(turn);
  const { store, clock } = turn.deps;
  if (!turn.deps.planner) throw new LederrumError('INVALID_INPUT', 'error.no_scheduler');
  const t = translator(personalLanguage(turn));
  const { values } = turn.event;
  const title = str(values['title']);
  if (!title) throw new LederrumError('INVALID_INPUT', 'error.poll_title', { field: 'title' });
  const template = str(values['template']);
  const instrument = (turn.deps.instruments ?? []).find((i) => i.id === template) ?? null;
  if (!instrument && template !== OWN) throw new LederrumError('INVALID_INPUT', 'error.poll_template', { field: 'template' });
  const questions = instrument ? [] : parseOwnQuestions(str(values['questions']));
  if (!instrument && questions.length === 0) throw new LederrumError('INVALID_INPUT', 'error.poll_no_questions', { field: 'questions' });
  const threshold = offered(values['threshold'], THRESHOLDS, 'threshold');
  const reminders = offered(values['reminders'], REMINDERS, 'reminders');

  const zone = turn.person.timeZone ?? turn.deps.defaultTimeZone;
  const now = clock.now();
  const opensAt = parseMoment(str(values['opens']), zone, now, 9, 'opens');
  const closesAt = parseMoment(str(values['closes']), zone, now, 16, 'closes');
  if (closesAt <= opensAt) throw new LederrumError('INVALID_INPUT', 'error.poll_close_order', { field: 'closes' });

  const participants = await audienceOf(turn, values['audience'], threshold);
  if (participants.length < threshold) {
    throw new LederrumError('POLL_TOO_SMALL', 'error.poll_too_small', { field: 'audience', params: { count: participants.length, threshold } });
  }
  // A new series is chosen as NEW_SERIES; an empty value comes from a form shown before it had one.
  const chosenSeries = str(values['continues']);
  const continues = chosenSeries === '' || chosenSeries === NEW_SERIES ? null : chosenSeries;
  // A new wave continues one of HR's own workspace's polls, never one named by a forged value.
  if (continues) {
    const earlier = await store.poll(continues);
    if (!earlier || earlier.workspace !== turn.person.workspace) throw new LederrumError('NOT_FOUND', 'error.not_found', { field: 'continues' });
  }
  const poll = await store.createPoll(
    {
      title,
      instrumentId: instrument?.id ?? null,
      questions,
      createdById: turn.person.id,
      platform: turn.person.platform,
      workspace: turn.person.workspace,
      audience: asList(values['audience']),
      opensAt,
      closesAt,
      reminders,
      shareWithGroups: values['share'] === true,
      threshold,
      continues,
    },
    participants,
    now,
  );
  await planPoll(turn.deps, poll);
  if (opensAt <= now) await openPoll(turn.deps, poll.id);
  return { kind: 'message', message: textMessage(summary(t, poll, participants.length, zone, personalLanguage(turn))) };
}

/** A choice the form offered, as its number; anything else (a forged "2.5", "-1") is refused on its field. */
function offered(value: unknown, choices: number[], field: string): number {
  const chosen = choices.find((c) => String(c) === str(value));
  if (chosen === undefined) throw new LederrumError('NOT_YOURS', 'error.not_yours', { field });
  return chosen;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);

/**
 * Everyone in the chosen groups, once. Each is counted in the first chosen group they are in, when
 * that group alone reaches the threshold; otherwise only in the total (their answer names no group).
 */
async function audienceOf(turn: Turn, raw: unknown, threshold: number): Promise<Array<{ personId: string; groupId: string | null }>> {
  const chosen = asList(raw);
  if (chosen.length === 0) throw new LederrumError('INVALID_INPUT', 'error.poll_no_audience', { field: 'audience' });
  const groups = await turn.deps.store.groupsOn(turn.person.workspace);
  const seen = new Map<string, string | null>();
  for (const id of chosen.filter((c) => !c.startsWith(CHANNEL_PREFIX))) {
    if (!groups.some((g) => g.id === id)) throw new LederrumError('NOT_FOUND', 'error.not_found', { field: 'audience' });
    const members = await turn.deps.store.memberships(id);
    for (const m of members) if (!seen.has(m.person.id)) seen.set(m.person.id, members.length >= threshold ? id : null);
  }
  for (const id of chosen.filter((c) => c.startsWith(CHANNEL_PREFIX))) {
    // Only the channel the form was opened in is offered; any other is a forged value, and nobody
    // outside HR's own workspace is ever invited.
    if (turn.event.place.kind !== 'group' || id !== `${CHANNEL_PREFIX}${turn.event.place.conversationId}`) {
      throw new LederrumError('NOT_FOUND', 'error.not_found', { field: 'audience' });
    }
    // A channel's members are counted in the total only: the channel is no group to report on.
    const actors = await turn.deps.deliverer.membersOf?.({ platform: turn.person.platform, conversationId: id.slice(CHANNEL_PREFIX.length) });
    for (const actor of (actors ?? []).filter((a) => a.workspace === turn.person.workspace)) {
      const person = await turn.deps.store.upsertPerson(actor);
      if (!seen.has(person.id)) seen.set(person.id, null);
    }
  }
  return [...seen].map(([personId, groupId]) => ({ personId, groupId }));
}

function summary(t: Translator, poll: Poll, count: number, zone: string, language: 'da' | 'en'): string {
  const format = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
  return t('poll.created', { title: poll.title, count, opens: format.format(poll.opensAt), closes: format.format(poll.closesAt), reminders: poll.reminders, threshold: poll.threshold });
}
