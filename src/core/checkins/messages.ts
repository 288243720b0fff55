// Builds the neutral messages and forms of a check-in. Pure: data in, Message/Form out.
import type { Answer, Checkin, Group, Person, Round, RoundKind } from '../model/domain.ts';
import type { Block, Button, Form, Message } from '../model/messages.ts';
import { listNames, translator, type Translator } from '../i18n/translate.ts';
import { MAX_ANSWER_LENGTH, type summaryContent } from './rules.ts';
import { whoSees } from '../i18n/who-sees.ts';

export const ACTIONS = {
  answer: 'round.answer',
  pass: 'round.pass',
  startTakeAway: 'checkin.closing',
  closeCheckin: 'checkin.close',
  /** The facilitator's view of the round: who has answered, passed or not yet (round-view.ts). */
  status: 'round.status',
  /** The facilitator's one gentle nudge to those missing. */
  nudge: 'round.nudge',
} as const;

export const ANSWER_FORM = 'round.answer';

export function roundTitle(t: Translator, kind: RoundKind): string {
  return t(kind === 'since_last' ? 'round.since_last.title' : 'round.take_away.title');
}

/** A round's Answer and Pass buttons, in the language of `t` (the group's on the round, the reader's in their overview). */
export function answerButtons(t: Translator, round: Pick<Round, 'id'>): Button[] {
  return [
    { action: ACTIONS.answer, value: round.id, label: t('round.button.answer'), style: 'primary' },
    { action: ACTIONS.pass, value: round.id, label: t('round.button.pass') },
  ];
}

/** The message in the group that opens a round; answers become replies in its thread. */
export function roundMessage(group: Group, checkin: Pick<Checkin, 'sequence'>, round: Pick<Round, 'id' | 'kind' | 'status'>, themeLine?: string | null): Message {
  const t = translator(group.language);
  const title = roundTitle(t, round.kind);
  const header = t('round.header', { sequence: checkin.sequence, title });
  const question = t(round.kind === 'since_last' ? 'round.since_last.question' : 'round.take_away.question');
  const how = t(round.kind === 'since_last' ? 'round.how_since_last' : 'round.how_take_away');
  // The fixed wording stays as it is every time; a theme's question comes after it.
  const blocks: Block[] = [{ type: 'header', text: header }, { type: 'section', text: question }, ...(themeLine ? [{ type: 'section' as const, text: themeLine }] : [])];
  if (round.status === 'open') {
    blocks.push({ type: 'context', text: how });
    blocks.push({
      type: 'buttons',
      buttons: [
        ...answerButtons(t, round),
        round.kind === 'since_last'
          ? { action: ACTIONS.startTakeAway, value: round.id, label: t('round.button.start_take_away'), forFacilitator: true }
          : { action: ACTIONS.closeCheckin, value: round.id, label: t('round.button.close_checkin'), forFacilitator: true },
        { action: ACTIONS.status, value: round.id, label: t('round.button.status'), forFacilitator: true },
      ],
    });
  } else {
    blocks.push({ type: 'context', text: t('round.closed_note') });
  }
  return { text: `${header}\n${question}`, blocks };
}

/** A reminder in a member's private chat: a line, the round's Answer and Pass buttons, and a footer. */
export function reminderMessage(t: Translator, roundId: string, text: string, footer: string): Message {
  const blocks: Block[] = [
    { type: 'text', text },
    { type: 'buttons', buttons: answerButtons(t, { id: roundId }) },
    { type: 'context', text: footer },
  ];
  return { text, blocks };
}

/** A member's answer as it stands in the round's thread. */
export function answerReply(group: Group, person: Person, answer: Pick<Answer, 'text' | 'passed' | 'shared'>, edited: boolean): Message {
  const t = translator(group.language);
  if (answer.passed) {
    const text = t('thread.passed', { name: person.displayName });
    return { text, blocks: [{ type: 'text', text }] };
  }
  if (!answer.shared || answer.text === null) {
    const text = t('thread.took_private', { name: person.displayName });
    return { text, blocks: [{ type: 'text', text }] };
  }
  const blocks: Block[] = [{ type: 'section', title: person.displayName, text: answer.text }];
  if (edited) blocks.push({ type: 'context', text: t('thread.edited') });
  return { text: `${person.displayName}: ${answer.text}`, blocks };
}

/** The private form a member answers in. The since-last form shows them their last takeaway. */
export function answerForm(
  group: Group,
  round: Pick<Round, 'id' | 'kind'>,
  existing: Pick<Answer, 'text' | 'passed' | 'shared'> | null,
  lastTakeaway: string | null,
  themeLine?: string | null,
  /** The member's agreements due for follow-up, as lines, shown at "Siden sidst". */
  dueAgreements: string[] = [],
): Form {
  const t = translator(group.language);
  const intro: Block[] = [
    { type: 'section', text: t(round.kind === 'since_last' ? 'round.since_last.question' : 'round.take_away.question') },
    ...(themeLine ? [{ type: 'section' as const, text: themeLine }] : []),
  ];
  if (round.kind === 'since_last' && lastTakeaway !== null) {
    intro.push({ type: 'section', title: t('form.last_takeaway.title'), text: lastTakeaway });
  }
  if (round.kind === 'since_last' && dueAgreements.length > 0) {
    intro.push({ type: 'section', title: t('agreement.due_title'), text: dueAgreements.map((line) => `• ${line}`).join('\n') }, { type: 'context', text: t('agreement.due_hint') });
  }
  // Said last, just above the field: since-last answers go to the group's thread under the name.
  intro.push(whoSees(t, round.kind === 'since_last' ? 'group_by_name' : 'only_you_unless_shared'));
  const form: Form = {
    id: ANSWER_FORM,
    language: group.language,
    state: round.id,
    title: roundTitle(t, round.kind),
    submitLabel: t('form.save'),
    intro,
    fields: [
      {
        type: 'text',
        id: 'answer',
        label: t('form.answer.label'),
        multiline: true,
        maxLength: MAX_ANSWER_LENGTH,
        optional: true,
        initial: existing?.text ?? '',
        hint: t('form.answer.hint', { max: MAX_ANSWER_LENGTH }),
      },
      { type: 'checkbox', id: 'pass', label: t('form.pass.label'), initial: existing?.passed ?? false },
    ],
  };
  if (round.kind === 'take_away') {
    form.fields.push({ type: 'checkbox', id: 'share', label: t('form.share.label'), initial: existing?.shared ?? false });
  }
  return form;
}

/** The group's summary when a check-in closes: who took part and what was shared, never what was kept. */
export function summaryMessage(group: Group, checkin: Pick<Checkin, 'sequence'>, content: ReturnType<typeof summaryContent>, nameOf: (personId: string) => string): Message {
  const t = translator(group.language);
  const header = t('summary.header', { sequence: checkin.sequence });
  const tookPart =
    content.present.length === 0
      ? t('summary.nobody')
      : t('summary.took_part', {
          count: content.present.length,
          total: content.total,
          names: listNames(group.language, content.present.map(nameOf)),
        });
  const blocks: Block[] = [
    { type: 'header', text: header },
    { type: 'text', text: tookPart },
  ];
  const lines = [header, tookPart];
  if (content.shared.length === 0) {
    blocks.push({ type: 'context', text: t('summary.nothing_shared') });
    lines.push(t('summary.nothing_shared'));
  } else {
    blocks.push({ type: 'header', text: t('summary.shared_title') });
    lines.push(t('summary.shared_title'));
    for (const item of content.shared) {
      blocks.push({ type: 'section', title: nameOf(item.personId), text: item.text });
      lines.push(`${nameOf(item.personId)}: ${item.text}`);
    }
  }
  blocks.push({ type: 'context', text: t('summary.thanks') });
  lines.push(t('summary.thanks'));
  return { text: lines.join('\n'), blocks };
}
