// The catalogue's one piece of inline markup: a command hint, what a person types to Lederrum,
// written between backticks ("skriv `tjekind afrunding`"). It is neutral, not Slack's code span:
// each adapter renders it the way its platform needs (Slack as code, Teams with the @mention a
// channel message needs to reach the bot, the playground as <code>). Nothing else in a catalogue
// text is markup: emphasis and structure come from the message's blocks, so no platform shows a
// literal `*x*` or `_x_`. A hint that starts with "/" is the platform's own slash command.

const COMMAND_HINT = /`([^`\n]+)`/g;

/** The text with every command hint replaced by what `render` makes of its command. */
export function renderCommandHints(text: string, render: (command: string) => string): string {
  return text.replace(COMMAND_HINT, (_whole, command: string) => render(command));
}

/** The commands a text hints at, in order. */
export function commandHints(text: string): string[] {
  return [...text.matchAll(COMMAND_HINT)].map((match) => match[1]!);
}

/** A platform's own slash command (`/invite @lederrum`) rather than one of Lederrum's. */
export function isSlashCommand(command: string): boolean {
  return command.startsWith('/');
}

/** Hints as plain quoted text (“tjekind start”, as the catalogue quotes in both languages), for places that show no formatting. */
export function quoteCommandHints(text: string, prefix = ''): string {
  return renderCommandHints(text, (command) => `“${isSlashCommand(command) ? '' : prefix}${command}”`);
}
