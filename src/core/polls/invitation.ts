// The private invitation to a poll, and the reminder, which is the same message under another
// header: it says plainly what is anonymous and what is not, and nothing about anyone's answers.
import type { Person } from '../model/domain.ts';
import type { Message } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import type { CoreDeps } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import type { Poll } from './model.ts';

export const POLL_ACTIONS = { answer: 'poll.answer', results: 'poll.results', csv: 'poll.csv', report: 'poll.report' } as const;

export function languageOfPerson(deps: CoreDeps, person: Person) {
  return person.locale ?? deps.defaultLanguage;
}

/** The poll's closing time in the person's own zone and language. */
export function closingIn(deps: CoreDeps, poll: Poll, person: Person): string {
  const language = languageOfPerson(deps, person);
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: person.timeZone ?? deps.defaultTimeZone,
  }).format(poll.closesAt);
}

export function invitation(deps: CoreDeps, poll: Poll, person: Person, reminder: boolean): Message {
  const t = translator(languageOfPerson(deps, person));
  const blocks: Message['blocks'] = [
    { type: 'header', text: t(reminder ? 'poll.reminder_header' : 'poll.invitation_header', { title: poll.title }) },
    { type: 'text', text: t('poll.invitation', { closes: closingIn(deps, poll, person) }) },
    { type: 'section', title: t('poll.anonymous_title'), text: t('poll.anonymous', { k: poll.threshold }) },
    { type: 'section', title: t('poll.not_anonymous_title'), text: t('poll.not_anonymous') },
    { type: 'buttons', buttons: [{ action: POLL_ACTIONS.answer, value: poll.id, label: t('poll.answer_button'), style: 'primary' }] },
  ];
  return { text: plainText(blocks.slice(0, 2)), blocks };
}
