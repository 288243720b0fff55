// `hjælp` / `help`: the lines of the commands the features list, in the feature list's order.
import type { Language } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import type { MessageKey } from './i18n/catalogue.ts';
import { translator } from './i18n/translate.ts';

export function helpMessage(language: Language, lines: readonly MessageKey[], unknownText?: string): Message {
  const t = translator(language);
  const lead = unknownText === undefined ? [] : [t('error.unknown_command', { text: unknownText })];
  const header = t('help.header');
  const body = lines.map((key) => t(key)).join('\n');
  return {
    text: [...lead, header, body, t('help.footer')].join('\n'),
    blocks: [...lead.map((text) => ({ type: 'text' as const, text })), { type: 'header', text: header }, { type: 'text', text: body }, { type: 'context', text: t('help.footer') }],
  };
}
