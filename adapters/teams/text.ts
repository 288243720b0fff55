// The core's text as Teams shows it. Teams renders a subset of Markdown: in text messages and in
// an Adaptive Card's TextBlock and FactSet, bold, italics, lists and links (Microsoft's "Text
// formatting in cards" and "Format your bot messages"); no code spans, and a single line break
// in a TextBlock runs the lines together. Labels, choices, placeholders and button titles show
// no formatting at all. So a command hint (the catalogue's `…`, see src/core/i18n/markup.ts) is
// written out with the @mention it needs: in a channel or group chat a message reaches Lederrum
// only when it @mentions it, and in a personal chat the core ignores a leading "@Lederrum".
import { isSlashCommand, quoteCommandHints, renderCommandHints, translate } from '../../src/core/index.ts';

/** The name people @mention; the manifest's short name, the same in both languages. */
export const MENTION = `@${translate('en', 'platform.app_name')}`;

/** "tjekind afrunding" as a person types it to Lederrum in Teams. */
export function mentioned(command: string): string {
  return isSlashCommand(command) ? command : `${MENTION} ${command}`;
}

/** Text for a TextBlock, a fact or a text message: hints in bold with the mention, each line its own paragraph. */
export function teamsMarkdown(text: string): string {
  return renderCommandHints(text, (command) => `**${mentioned(command)}**`).replace(/\n+/g, '\n\n');
}

/** Text for a place Teams shows without formatting: hints quoted with the mention, lines joined. */
export function teamsPlain(text: string): string {
  return quoteCommandHints(text, `${MENTION} `).replace(/\s*\n+\s*/g, ' ');
}
