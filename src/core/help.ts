import type { Language } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import { translator } from './i18n/translate.ts';

export function helpMessage(language: Language, unknownText?: string): Message {
  const t = translator(language);
  const lead = unknownText === undefined ? [] : [t('error.unknown_command', { text: unknownText })];
  const header = t('help.header');
  const body = t('help.body');
  return {
    text: [...lead, header, body, t('help.footer')].join('\n'),
    blocks: [...lead.map((text) => ({ type: 'text' as const, text })), { type: 'header', text: header }, { type: 'text', text: body }, { type: 'context', text: t('help.footer') }],
  };
}
