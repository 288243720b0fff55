// One command parser for every adapter: Danish and English words, any case, with or
// without a leading "/lederrum" or "lederrum".
import type { Language } from '../model/domain.ts';

export type CommandName =
  | 'help'
  | 'group.create'
  | 'group.add'
  | 'group.remove'
  | 'checkin.start'
  | 'checkin.closing'
  | 'checkin.close'
  | 'participation'
  | 'overview'
  | 'preferences.language'
  | 'preferences.time_zone'
  | 'schedule.plan'
  | 'nudges.level'
  | 'nudges.pause'
  | 'nudges.hours'
  | 'tools.list'
  | 'tools.prompt'
  | 'tools.maturity'
  | 'checkin.theme'
  | 'tools.weekly'
  | 'agreements.new'
  | 'agreements.trial'
  | 'agreements.list'
  | 'hr'
  | 'polls.create'
  | 'polls.list'
  | 'mydata.show'
  | 'mydata.delete'
  | 'mydata.delete_for';

export type ParsedCommand = { kind: 'known'; name: CommandName; args: string; language: Language } | { kind: 'unknown'; text: string };

interface Spelling {
  words: string[];
  language: Language;
  name: CommandName;
}

// Longest phrases first so "tjekind start" wins over a bare "tjekind".
const SPELLINGS: Spelling[] = [
  { words: ['eksporter', 'mine', 'data'], language: 'da', name: 'mydata.show' },
  { words: ['eksportér', 'mine', 'data'], language: 'da', name: 'mydata.show' },
  { words: ['export', 'my', 'data'], language: 'en', name: 'mydata.show' },
  { words: ['mine', 'data'], language: 'da', name: 'mydata.show' },
  { words: ['my', 'data'], language: 'en', name: 'mydata.show' },
  { words: ['slet', 'mine', 'data'], language: 'da', name: 'mydata.delete' },
  { words: ['delete', 'my', 'data'], language: 'en', name: 'mydata.delete' },
  { words: ['glem', 'mig'], language: 'da', name: 'mydata.delete' },
  { words: ['forget', 'me'], language: 'en', name: 'mydata.delete' },
  // An admin's data request for someone else, named by mention or chosen from a list.
  { words: ['slet', 'data'], language: 'da', name: 'mydata.delete_for' },
  { words: ['delete', 'data'], language: 'en', name: 'mydata.delete_for' },
  { words: ['gruppe', 'opret'], language: 'da', name: 'group.create' },
  { words: ['gruppe', 'tilføj'], language: 'da', name: 'group.add' },
  { words: ['gruppe', 'tilfoej'], language: 'da', name: 'group.add' },
  { words: ['gruppe', 'fjern'], language: 'da', name: 'group.remove' },
  { words: ['group', 'create'], language: 'en', name: 'group.create' },
  { words: ['group', 'add'], language: 'en', name: 'group.add' },
  { words: ['group', 'remove'], language: 'en', name: 'group.remove' },
  { words: ['tjekind', 'plan'], language: 'da', name: 'schedule.plan' },
  { words: ['checkin', 'schedule'], language: 'en', name: 'schedule.plan' },
  { words: ['plan'], language: 'da', name: 'schedule.plan' },
  { words: ['schedule'], language: 'en', name: 'schedule.plan' },
  { words: ['påmindelser'], language: 'da', name: 'nudges.level' },
  { words: ['nudges'], language: 'en', name: 'nudges.level' },
  { words: ['pause'], language: 'da', name: 'nudges.pause' },
  { words: ['arbejdstid'], language: 'da', name: 'nudges.hours' },
  { words: ['working', 'hours'], language: 'en', name: 'nudges.hours' },
  { words: ['tjekind', 'tema'], language: 'da', name: 'checkin.theme' },
  { words: ['checkin', 'theme'], language: 'en', name: 'checkin.theme' },
  { words: ['værktøj'], language: 'da', name: 'tools.list' },
  { words: ['vaerktoej'], language: 'da', name: 'tools.list' },
  { words: ['tool'], language: 'en', name: 'tools.list' },
  { words: ['tools'], language: 'en', name: 'tools.list' },
  { words: ['ugens', 'spørgsmål'], language: 'da', name: 'tools.weekly' },
  { words: ['weekly', 'prompt'], language: 'en', name: 'tools.weekly' },
  { words: ['spørgsmål'], language: 'da', name: 'tools.prompt' },
  { words: ['prompt'], language: 'en', name: 'tools.prompt' },
  { words: ['modenhed'], language: 'da', name: 'tools.maturity' },
  { words: ['maturity'], language: 'en', name: 'tools.maturity' },
  { words: ['hr'], language: 'da', name: 'hr' },
  { words: ['målinger'], language: 'da', name: 'polls.list' },
  { words: ['polls'], language: 'en', name: 'polls.list' },
  { words: ['måling'], language: 'da', name: 'polls.create' },
  { words: ['poll'], language: 'en', name: 'polls.create' },
  { words: ['aftaler'], language: 'da', name: 'agreements.list' },
  { words: ['agreements'], language: 'en', name: 'agreements.list' },
  { words: ['aftale'], language: 'da', name: 'agreements.new' },
  { words: ['agreement'], language: 'en', name: 'agreements.new' },
  { words: ['prøvehandling'], language: 'da', name: 'agreements.trial' },
  { words: ['proevehandling'], language: 'da', name: 'agreements.trial' },
  { words: ['trial', 'action'], language: 'en', name: 'agreements.trial' },
  { words: ['trial'], language: 'en', name: 'agreements.trial' },
  { words: ['tjekind', 'start'], language: 'da', name: 'checkin.start' },
  { words: ['tjekind', 'afrunding'], language: 'da', name: 'checkin.closing' },
  { words: ['tjekind', 'afslut'], language: 'da', name: 'checkin.close' },
  { words: ['checkin', 'start'], language: 'en', name: 'checkin.start' },
  { words: ['checkin', 'closing'], language: 'en', name: 'checkin.closing' },
  { words: ['checkin', 'close'], language: 'en', name: 'checkin.close' },
  // Short forms for `/lederrum start`, `/lederrum afrunding`, `/lederrum afslut`.
  { words: ['start'], language: 'da', name: 'checkin.start' },
  { words: ['afrunding'], language: 'da', name: 'checkin.closing' },
  { words: ['afslut'], language: 'da', name: 'checkin.close' },
  { words: ['closing'], language: 'en', name: 'checkin.closing' },
  { words: ['close'], language: 'en', name: 'checkin.close' },
  { words: ['deltagelse'], language: 'da', name: 'participation' },
  { words: ['participation'], language: 'en', name: 'participation' },
  { words: ['overblik'], language: 'da', name: 'overview' },
  { words: ['overview'], language: 'en', name: 'overview' },
  { words: ['sprog'], language: 'da', name: 'preferences.language' },
  { words: ['language'], language: 'en', name: 'preferences.language' },
  { words: ['tidszone'], language: 'da', name: 'preferences.time_zone' },
  { words: ['time', 'zone'], language: 'en', name: 'preferences.time_zone' },
  { words: ['timezone'], language: 'en', name: 'preferences.time_zone' },
  { words: ['hjælp'], language: 'da', name: 'help' },
  { words: ['hjaelp'], language: 'da', name: 'help' },
  { words: ['help'], language: 'en', name: 'help' },
];

/**
 * "Tjek-ind", "check-in" and "check in" all mean the same word. Only the command word is
 * rewritten: a group name such as "Tjek-ind Holdet" after "gruppe opret" stays as written.
 */
function normaliseWords(text: string): string[] {
  return text
    .trim()
    .replace(/^\/?lederrum\b/i, '')
    .trimStart()
    .replace(/^(tjek|check)[-\s]?ind?\b/i, (match) => (/^tjek/i.test(match) ? 'tjekind' : 'checkin'))
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** Commands whose answer is a form: adapters with short-lived triggers open a modal before asking the core. */
export const FORM_COMMANDS: ReadonlySet<CommandName> = new Set(['group.create', 'group.add', 'group.remove', 'schedule.plan', 'tools.maturity', 'agreements.new', 'agreements.trial', 'polls.create']);

export function parseCommand(text: string): ParsedCommand {
  const original = normaliseWords(text);
  const words = original.map((word) => word.toLowerCase());
  if (words.length === 0) return { kind: 'known', name: 'help', args: '', language: 'en' };
  for (const spelling of SPELLINGS) {
    const head = words.slice(0, spelling.words.length);
    if (head.length === spelling.words.length && head.every((word, i) => word === spelling.words[i])) {
      const args = original.slice(spelling.words.length).join(' ');
      return { kind: 'known', name: spelling.name, args, language: spelling.language };
    }
  }
  return { kind: 'unknown', text: text.trim() };
}
