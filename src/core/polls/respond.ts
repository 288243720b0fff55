// Answering a poll: one form, one answer per person. The answer is stored without the person
// (store.submitPollAnswer); the respondent sees their own score at once, privately, and it is
// kept nowhere with them.
import { LederrumError } from '../errors.ts';
import type { Language } from '../model/domain.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Block, Field, Form, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { ownQuestionOptions, type Instrument, type OwnQuestion } from './instrument.ts';
import { instrumentFields, readChoice, readItems } from './instrument-form.ts';
import type { Poll } from './model.ts';
import { isFlagged, scoreRespondent, scoreValue } from './scoring.ts';
import { ruleOf } from './scoring/rules.ts';

export const POLL_ANSWER_FORM = 'poll.answer';
const MAX_TEXT = 1000;

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

async function openPollFor(turn: Turn, pollId: string): Promise<{ poll: Poll; instrument: Instrument | null }> {
  const poll = await turn.deps.store.poll(pollId);
  // Another workspace's poll does not exist for this person: not even its status is told.
  if (!poll || poll.workspace !== turn.person.workspace) throw new LederrumError('NOT_FOUND', 'error.not_found');
  if (poll.status !== 'open') {
    throw new LederrumError('POLL_CLOSED', poll.status === 'closed' ? 'error.poll_closed' : poll.status === 'cancelled' ? 'error.poll_cancelled' : 'error.poll_not_open');
  }
  const instrument = poll.instrumentId ? ((turn.deps.instruments ?? []).find((i) => i.id === poll.instrumentId) ?? null) : null;
  return { poll, instrument };
}

export async function openAnswerForm(turn: Turn, pollId: string): Promise<Reply> {
  const { poll, instrument } = await openPollFor(turn, pollId);
  const invite = await turn.deps.store.participation(poll.id, turn.person.id);
  if (!invite) throw new LederrumError('NOT_FOUND', 'error.poll_not_invited');
  if (invite.answered) throw new LederrumError('ALREADY_ANSWERED', 'error.poll_already_answered');
  const language = personalLanguage(turn);
  const t = translator(language);
  const intro: Block[] = [{ type: 'context', text: t('poll.anonymous', { k: poll.threshold }) }];
  let fields: Field[];
  // No field starts on an answer: an untouched select must not become a 0 in anyone's mean.
  if (instrument) {
    intro.unshift({ type: 'section', text: instrument.intro[language] });
    intro.push({ type: 'context', text: t('poll.required.all') });
    fields = instrumentFields(instrument, language, t);
  } else {
    if (poll.questions.some((q) => q.kind === 'text')) intro.push({ type: 'context', text: t('poll.required.own') });
    else intro.push({ type: 'context', text: t('poll.required.all') });
    fields = poll.questions.map((q, i) => fieldOf(q, i, language));
  }
  const form: Form = { id: POLL_ANSWER_FORM, language, state: poll.id, title: poll.title.slice(0, 24), submitLabel: t('poll.submit'), intro, fields, anonymous: true };
  return { kind: 'form', form };
}

/** Scales and choices are required (they are counted); free text is optional and says so. */
function fieldOf(question: OwnQuestion, i: number, language: Language): Field {
  const t = translator(language);
  const label = `${i + 1}. ${question.text[language]}`.slice(0, 150);
  if (question.kind === 'text') return { type: 'text', id: `q${i}`, label, multiline: true, optional: true, maxLength: MAX_TEXT, hint: t('poll.optional_hint') };
  return { type: 'choice', id: `q${i}`, label, options: ownQuestionOptions(question).map((o) => ({ value: o.key, label: o.label[language] })), placeholder: t('poll.choose') };
}

export async function submitAnswer(turn: Submitted): Promise<Reply> {
  const { poll, instrument } = await openPollFor(turn, turn.event.state);
  const { values } = turn.event;
  const language = personalLanguage(turn);
  const t = translator(language);
  // Every problem at once, each on its own field: the form stays open with what was chosen.
  const { answers, errors } = instrument ? readItems(instrument, values, t) : { answers: [] as number[], errors: {} as Record<string, string> };
  const texts: string[] = [];
  const take = (raw: unknown, keys: string[], numeric: boolean, i: number) => {
    const read = readChoice(raw, keys, numeric, i, t);
    if ('error' in read) errors[`q${i}`] = read.error;
    else answers.push(read.value);
  };
  if (!instrument) {
    poll.questions.forEach((q, i) => {
      if (q.kind === 'text') {
        const text = typeof values[`q${i}`] === 'string' ? (values[`q${i}`] as string).trim() : '';
        if ([...text].length > MAX_TEXT) errors[`q${i}`] = t('error.answer_too_long', { length: [...text].length, max: MAX_TEXT });
        texts.push(text);
      } else {
        take(
          values[`q${i}`],
          ownQuestionOptions(q).map((o) => o.key),
          q.kind !== 'choice',
          i,
        );
      }
    });
  }
  if (Object.keys(errors).length > 0) return { kind: 'form_errors', errors };
  const scored = instrument ? scoreRespondent(instrument, answers) : null;
  if (scored && !scored.ok) throw new LederrumError('INVALID_INPUT', 'error.poll_out_of_scale', { params: { value: '–' } });
  const score = scored?.ok ? scored : null;
  const outcome = await turn.deps.store.submitPollAnswer(poll.id, turn.person.id, {
    answers,
    texts,
    score: score ? scoreValue(score) : null,
    flagged: score ? isFlagged(score) : false,
  });
  if (outcome === 'already_answered') throw new LederrumError('ALREADY_ANSWERED', 'error.poll_already_answered');
  if (outcome === 'not_invited') throw new LederrumError('NOT_FOUND', 'error.poll_not_invited');
  if (outcome === 'not_open') throw new LederrumError('POLL_CLOSED', 'error.poll_closed');
  // A batch of at least the threshold is mixed at once; fewer wait for more answers or the close.
  // The answer is saved either way, so a failed mix is retried by the next one, not reported.
  await turn.deps.store.mixPollAnswers(poll.id, poll.threshold).catch((error: unknown) => {
    turn.deps.logger.warn('poll answers not mixed yet', { poll: poll.id, error: String(error) });
  });
  const blocks: Block[] = [{ type: 'text', text: t('poll.thanks') }];
  if (score && instrument) {
    const { band } = score;
    blocks.push({ type: 'section', title: t('poll.own_score_title'), text: t(ruleOf(instrument).texts.ownScore, { score: scoreValue(score) }) });
    if (band && instrument.bands?.[band]) blocks.push({ type: 'text', text: instrument.bands[band]![language] });
    blocks.push({ type: 'context', text: t('poll.own_score_private') });
  }
  // The score is the respondent's alone: shown now, kept by no platform Lederrum controls.
  return { kind: 'message', message: { text: plainText(blocks), blocks }, keepNoCopy: true };
}
