// What agreements look like in chat: the form that makes or adjusts one, the follow-up with its
// four choices, the question about benefit and effort, and lists. Pure: data in, neutral out.
import type { Group, Language } from '../model/domain.ts';
import type { Block, Button, Form, Message } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { whoSees, type Audience } from '../i18n/who-sees.ts';
import type { Agreement, AgreementEvent, AgreementKind, FollowUp, FollowUpOutcome } from './model.ts';
import { BENEFITS } from './model.ts';
import { isFinished, MAX_AGREEMENT_TEXT, NO_GROUP, REPEAT_WEEKS } from './rules.ts';

export const AGREEMENT_FORMS = { make: 'agreement.make', adjust: 'agreement.adjust' } as const;
export const AGREEMENT_ACTIONS = {
  make: 'agreement.make',
  kept: 'agreement.kept',
  adjust: 'agreement.adjust',
  postpone: 'agreement.postpone',
  stop: 'agreement.stop',
  benefit: 'agreement.benefit',
  export: 'agreement.export',
  accept: 'agreement.accept',
  decline: 'agreement.decline',
} as const;

export interface Prefill {
  kind: AgreementKind;
  text: string;
  groupId: string | null;
  /** Where it came from: "direct", "takeaway:<answer id>" or "tool:<session id>". */
  source: string;
}

/** A day as people read it: "man. 7. dec." / "Mon 7 Dec". */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

const scaleOptions = (t: Translator) => ([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: t(`agreement.scale.${n}`) }));

export function makeForm(language: Language, groups: Group[], prefill: Prefill): Form {
  const t = translator(language);
  const groupOptions = [{ value: NO_GROUP, label: t('agreement.form.no_group') }, ...groups.map((g) => ({ value: g.id, label: g.name }))];
  return {
    id: AGREEMENT_FORMS.make,
    language,
    state: prefill.source,
    title: t('agreement.form.title'),
    submitLabel: t('agreement.form.save'),
    intro: [{ type: 'context', text: t('agreement.form.intro') }, whoSees(t, 'agreement_choice')],
    fields: [
      {
        type: 'choice',
        id: 'kind',
        label: t('agreement.form.kind'),
        options: (['personal', 'group', 'trial'] as const).map((k) => ({ value: k, label: t(`agreement.kind.${k}`) })),
        initial: prefill.kind,
      },
      { type: 'text', id: 'text', label: t('agreement.form.text'), multiline: true, maxLength: MAX_AGREEMENT_TEXT, initial: prefill.text, hint: t('agreement.form.text_hint') },
      { type: 'choice', id: 'group', label: t('agreement.form.group'), options: groupOptions, initial: prefill.groupId ?? (groups.length === 1 ? groups[0]!.id : NO_GROUP) },
      {
        type: 'choice',
        id: 'visibility',
        label: t('agreement.form.visibility'),
        options: [
          { value: 'private', label: t('agreement.visibility.private') },
          { value: 'group', label: t('agreement.visibility.group') },
        ],
        initial: prefill.kind === 'group' ? 'group' : 'private',
      },
      { type: 'text', id: 'follow_up', label: t('agreement.form.follow_up'), initial: t('agreement.form.follow_up_default'), hint: t('agreement.form.follow_up_hint') },
      {
        type: 'choice',
        id: 'repeat',
        label: t('agreement.form.repeat'),
        options: [{ value: '0', label: t('agreement.repeat.none') }, ...REPEAT_WEEKS.map((w) => ({ value: String(w), label: t(`agreement.repeat.${w}`) }))],
        initial: '0',
      },
      { type: 'choice', id: 'effort', label: t('agreement.form.effort'), options: scaleOptions(t), initial: '3' },
      { type: 'choice', id: 'benefit', label: t('agreement.form.benefit'), options: scaleOptions(t), initial: '3' },
    ],
  };
}

export function adjustForm(language: Language, agreement: Agreement, followUpId: string | null): Form {
  const t = translator(language);
  return {
    id: AGREEMENT_FORMS.adjust,
    language,
    state: followUpId ? `${agreement.id}/${followUpId}` : agreement.id,
    title: t('agreement.adjust.title'),
    submitLabel: t('agreement.form.save'),
    intro: [{ type: 'context', text: t('agreement.adjust.intro') }, whoSees(t, agreementAudience(agreement))],
    fields: [
      { type: 'text', id: 'text', label: t('agreement.form.text'), multiline: true, maxLength: MAX_AGREEMENT_TEXT, initial: agreement.text },
      { type: 'text', id: 'follow_up', label: t('agreement.form.follow_up'), initial: agreement.followUpDate ?? t('agreement.form.follow_up_default'), hint: t('agreement.form.follow_up_hint') },
    ],
  };
}

/** Who sees an agreement: its owner alone, or the group (a personal one shared there under the owner's name). */
function agreementAudience(agreement: Agreement): Audience {
  if (agreement.visibility === 'private') return 'only_you';
  return agreement.kind === 'group' ? 'group' : 'group_by_name';
}

/** The four choices; the value names the agreement and the follow-up being answered. */
export function choiceButtons(t: Translator, agreementId: string, followUpId: string | null): Button[] {
  const value = followUpId ? `${agreementId}/${followUpId}` : agreementId;
  return [
    { action: AGREEMENT_ACTIONS.kept, value, label: t('agreement.button.kept'), style: 'primary' },
    { action: AGREEMENT_ACTIONS.adjust, value, label: t('agreement.button.adjust') },
    { action: AGREEMENT_ACTIONS.postpone, value, label: t('agreement.button.postpone') },
    { action: AGREEMENT_ACTIONS.stop, value, label: t('agreement.button.stop') },
  ];
}

/** A personal follow-up goes to its owner; a group's is brought up in the group. */
export function followUpMessage(language: Language, agreement: Agreement, followUp: FollowUp, group: Group | null): Message {
  const t = translator(language);
  const blocks: Block[] = [
    { type: 'header', text: t(agreement.kind === 'group' ? 'followup.group_header' : 'followup.header') },
    { type: 'section', title: t(`agreement.kind.${agreement.kind}`), text: agreement.text },
    { type: 'text', text: t(agreement.kind === 'group' ? 'followup.group_question' : 'followup.question', { group: group?.name ?? '' }) },
    { type: 'buttons', buttons: choiceButtons(t, agreement.id, followUp.id) },
    { type: 'context', text: t(agreement.kind === 'group' ? 'followup.group_footer' : 'followup.footer') },
  ];
  return { text: plainText(blocks.slice(0, 3)), blocks };
}

/** The group's follow-up once answered: what was chosen and by whom, without buttons. */
export function answeredFollowUpMessage(language: Language, agreement: Agreement, outcome: string, byName: string): Message {
  const t = translator(language);
  const blocks: Block[] = [
    { type: 'header', text: t('followup.group_header') },
    { type: 'section', title: t(`agreement.kind.${agreement.kind}`), text: agreement.text },
    { type: 'context', text: t('followup.answered_by', { answer: outcomeName(t, outcome), name: byName }) },
  ];
  return { text: plainText(blocks), blocks };
}

export function benefitQuestion(t: Translator, agreementId: string, dueDate: string): Block[] {
  return [
    { type: 'text', text: t('agreement.benefit.question') },
    { type: 'buttons', buttons: BENEFITS.map((b) => ({ action: AGREEMENT_ACTIONS.benefit, value: `${agreementId}/${b}/${dueDate}`, label: t(`agreement.benefit.${b}`) })) },
  ];
}

/** "Aktiv · opfølgning man. 7. dec. · hver 2. uge", with "stille" for a quiet one. */
export function statusLine(t: Translator, language: Language, agreement: Agreement): string {
  const parts = [t(`agreement.status.${agreement.status}`)];
  if (!isFinished(agreement.status) && agreement.quietSince) parts.push(t('agreement.quiet'));
  if (!isFinished(agreement.status) && agreement.followUpDate) parts.push(t('agreement.next_follow_up', { day: formatDay(agreement.followUpDate, language) }));
  const repeat = REPEAT_WEEKS.find((weeks) => weeks === agreement.repeatWeeks);
  if (repeat) parts.push(t(`agreement.repeat.${repeat}`));
  return parts.join(' · ');
}

export function eventLine(t: Translator, language: Language, event: AgreementEvent, agreementText: string, nameOf: (id: string | null) => string): string {
  const day = formatDay(event.at.toISOString().slice(0, 10), language);
  const what = event.kind === 'benefit' && event.benefit ? t(`agreement.benefit.${event.benefit}`) : t(`agreement.event.${event.kind}`);
  const who = event.actorId ? ` (${nameOf(event.actorId)})` : '';
  return `${day}: ${what}${who} – «${shorten(agreementText, 60)}»`;
}

function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export type ExportFormat = 'markdown' | 'text';

/** A list as Markdown or plain text, so nothing is locked into the bot. */
export function exportAgreements(language: Language, title: string, agreements: Agreement[], format: ExportFormat, groupName: (id: string | null) => string): string {
  const t = translator(language);
  const lines = [format === 'markdown' ? `# ${title}` : title, ''];
  for (const agreement of agreements) {
    const meta = `${t(`agreement.kind.${agreement.kind}`)} · ${groupName(agreement.groupId)} · ${statusLine(t, language, agreement)} · ${t('agreement.export.effort_benefit', { effort: agreement.expectedEffort, benefit: agreement.expectedBenefit })}`;
    if (format === 'markdown') lines.push(`- [${isFinished(agreement.status) ? 'x' : ' '}] ${agreement.text.replace(/\n+/g, ' ')}`, `  - ${meta}`);
    else lines.push(`* ${agreement.text.replace(/\n+/g, ' ')}`, `  ${meta}`);
  }
  if (agreements.length === 0) lines.push(t('agreement.list.none'));
  return lines.join('\n');
}

const OUTCOMES: readonly FollowUpOutcome[] = ['kept', 'adjusted', 'postponed', 'stopped', 'unanswered'];

/** What a follow-up's answer is called; one the store holds but this version does not know reads as no answer. */
export function outcomeName(t: Translator, outcome: string): string {
  const known = OUTCOMES.find((o) => o === outcome) ?? 'unanswered';
  return t(`agreement.outcome.${known}`);
}
