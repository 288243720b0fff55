// The six-level maturity model for leader well-being as a short self-assessment: statements
// answered yes or no; the level is the highest whose statements, and all below, are true; the
// answer names it and suggests one next step.
import type { Form, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import type { InboundEvent } from '../model/events.ts';
import { translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { type Turn, personalLanguage } from '../context.ts';
import type { MaturityModel } from './content-model.ts';
import { contentOf, TOOL_FORMS } from './service.ts';

export function maturityForm(turn: Turn): Reply {
  const { maturity } = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const form: Form = {
    id: TOOL_FORMS.maturity,
    language,
    state: '',
    title: t('maturity.title'),
    submitLabel: t('maturity.submit'),
    intro: [{ type: 'text', text: t('maturity.intro') }, whoSees(t, 'only_you')],
    fields: maturity.statements.map((s) => ({ type: 'checkbox' as const, id: s.id, label: s.text[language] })),
  };
  return { kind: 'form', form };
}

/** The highest level L such that every statement of levels 1..L holds; 0 before level 1. */
export function maturityLevel(model: MaturityModel, holds: (statementId: string) => boolean): number {
  let level = 0;
  for (const { level: next } of [...model.levels].sort((a, b) => a.level - b.level)) {
    const statements = model.statements.filter((s) => s.level === next);
    if (statements.length === 0 || !statements.every((s) => holds(s.id))) break;
    level = next;
  }
  return level;
}

export function maturityResult(turn: Turn<Extract<InboundEvent, { type: 'form_submitted' }>>): Reply {
  const { maturity } = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const level = maturityLevel(maturity, (id) => turn.event.values[id] === true);
  const current = maturity.levels.find((l) => l.level === level);
  const first = maturity.levels.find((l) => l.level === 1)!;
  const blocks = [
    { type: 'header' as const, text: current ? t('maturity.level', { level, name: current.name[language] }) : t('maturity.before') },
    ...(current ? [{ type: 'text' as const, text: current.description[language] }] : []),
    { type: 'section' as const, title: t('maturity.next_step'), text: current ? current.nextStep[language] : `${first.name[language]}: ${first.description[language]}` },
    { type: 'context' as const, text: t('maturity.note') },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}
