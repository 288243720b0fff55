// `min trivsel` / `my well-being` (issue 19, point 4): a leader takes WHO-5 on their own whenever
// they like and sees their own trend. Everything here reads and writes the acting person's own
// entries only (turn.person, in their workspace); no value in a button or form names anyone, so
// there is nothing to forge. In a group's channel it refuses and points to the private chat.
import { LederrumError } from '../errors.ts';
import type { Reply } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { personalLanguage, type Turn } from '../context.ts';
import type { FormTurn } from '../feature.ts';
import { readItems } from '../polls/instrument-form.ts';
import { scoreRespondent } from '../polls/scoring.ts';
import { resultMessage, viewMessage, who5Form, type WellbeingView } from './messages.ts';
import { reminderInWords, turnReminderOff, turnReminderOn } from './reminder.ts';
import { TREND_LENGTH } from './trend.ts';
import { refusedInGroup } from './place.ts';
import { who5Of } from './instrument.ts';
import { myWellbeingLink } from './page.ts';
import { momentText } from '../i18n/dates.ts';

/** `min trivsel` (the view), `min trivsel påmindelse til|fra` (the monthly reminder). */
export async function showWellbeing(turn: Turn, args: string): Promise<Reply> {
  const refused = refusedInGroup(turn);
  if (refused) return refused;
  const [topic = '', choice = ''] = args.trim().toLowerCase().split(/\s+/);
  if (/^(påmindelse|paamindelse|reminder)$/.test(topic)) {
    if (/^(til|on|start)$/.test(choice)) return turnReminderOn(turn);
    if (/^(fra|off|stop)$/.test(choice)) return turnReminderOff(turn);
  }
  return { kind: 'message', message: viewMessage(await viewOf(turn)) };
}

/** The button "Mærk efter nu": the WHO-5 form, only in the private chat. */
export function openWho5(turn: Turn): Reply {
  const refused = refusedInGroup(turn);
  if (refused) return refused;
  return { kind: 'form', form: who5Form(who5Of(turn.deps), personalLanguage(turn)) };
}

/** The form sent: scored by the instrument's own rule, saved for the person alone, shown back with the trend. */
export async function submitWho5(turn: FormTurn): Promise<Reply> {
  const instrument = who5Of(turn.deps);
  const t = translator(personalLanguage(turn));
  const { answers, errors } = readItems(instrument, turn.event.values, t);
  if (Object.keys(errors).length > 0) return { kind: 'form_errors', errors };
  const scored = scoreRespondent(instrument, answers);
  if (!scored.ok) throw new LederrumError('INVALID_INPUT', 'error.poll_out_of_scale', { params: { value: '–' } });
  await turn.deps.store.saveOwnWellbeing(turn.person, { takenAt: turn.deps.clock.now(), answers, index: scored.value });
  return { kind: 'message', message: resultMessage(await viewOf(turn)) };
}

async function viewOf(turn: Turn): Promise<WellbeingView> {
  const language = personalLanguage(turn);
  const timeZone = turn.person.timeZone ?? turn.deps.defaultTimeZone;
  const entries = await turn.deps.store.ownWellbeing(turn.person, TREND_LENGTH);
  // The chart's page only once there is something to draw, and only where Lederrum has an address.
  const link = entries.length > 0 ? myWellbeingLink(turn.deps, turn.person) : null;
  return {
    language,
    timeZone,
    instrument: who5Of(turn.deps),
    entries,
    reminder: await reminderInWords(turn, language),
    chartLink: link ? { url: link.url, until: momentText(link.expires, language, timeZone) } : null,
  };
}
