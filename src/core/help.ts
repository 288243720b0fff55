// `hjælp` / `help`: every command's line, by who may use it (everyone, a facilitator, HR, an
// admin), each part in the feature list's order. The lines and roles come from the features'
// command registry (features.ts), so a new command cannot be left out.
import type { Language } from './model/domain.ts';
import type { Block, Message } from './model/messages.ts';
import type { MessageKey } from './i18n/catalogue.ts';
import { translator } from './i18n/translate.ts';
import { COMMAND_ROLES, type CommandRole } from './feature.ts';

export type HelpLines = ReadonlyArray<{ role: CommandRole; line: MessageKey }>;

const ROLE_TITLES: Record<CommandRole, MessageKey> = {
  member: 'help.role.member',
  facilitator: 'help.role.facilitator',
  hr: 'help.role.hr',
  admin: 'help.role.admin',
};

export function helpMessage(language: Language, lines: HelpLines, unknownText?: string): Message {
  const t = translator(language);
  const lead = unknownText === undefined ? [] : [t('error.unknown_command', { text: unknownText })];
  const header = t('help.header');
  const parts = COMMAND_ROLES.flatMap((role) => {
    const text = lines.filter((l) => l.role === role).map((l) => t(l.line));
    return text.length > 0 ? [{ title: t(ROLE_TITLES[role]), text: text.join('\n') }] : [];
  });
  const blocks: Block[] = [
    ...lead.map((text) => ({ type: 'text' as const, text })),
    { type: 'header', text: header },
    ...parts.map((part) => ({ type: 'section' as const, ...part })),
    { type: 'context', text: t('help.footer') },
  ];
  return {
    text: [...lead, header, ...parts.flatMap((part) => ['', part.title, part.text]), '', t('help.footer')].join('\n'),
    blocks,
  };
}
