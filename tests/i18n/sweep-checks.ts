// What the language sweep looks for in a text as a platform shows it: words of the other language,
// formatting the place does not render, and plurals faked with "(r)" or said wrong for one.
// The word lists are small and unmistakable; the allowlist is reviewed by hand.
import type { Language } from '../../src/core/index.ts';
import type { Shown } from './sweep-platforms.ts';

/** Names and terms that are the same in both languages (reviewed): never a sign of the other language. */
export const ALLOWED = ['Lederrum', 'WHO-5', 'PSS-10', 'Slack', 'Teams', 'Microsoft', 'Europe/Copenhagen', 'Europe/London', 'PUBLIC_URL', 'CSV', 'JSON', 'Markdown', 'HR', 'Excel', 'cron'];

/** Unmistakably Danish (English output must have none, nor æ, ø or å). */
const DANISH = new Set([
  'og',
  'ikke',
  'jeg',
  'du',
  'dig',
  'din',
  'dit',
  'det',
  'er',
  'har',
  'med',
  'til',
  'af',
  'eller',
  'skriv',
  'kan',
  'gruppe',
  'gruppen',
  'svar',
  'tjekind',
  'hjælp',
  'måling',
  'aftale',
  'aftaler',
  'runde',
  'runden',
  'luk',
  'gem',
  'annuller',
  'sprog',
  'tidszone',
  'fra',
  'hvad',
  'hvis',
  'når',
  'ingen',
  'intet',
  'siden',
  'sidst',
  'værktøj',
  'spørgsmål',
  'slet',
  'mine',
]);
/** Unmistakably English (Danish output must have none). */
const ENGLISH = new Set([
  'the',
  'and',
  'you',
  'your',
  'with',
  'not',
  'this',
  'that',
  'is',
  'are',
  'has',
  'was',
  'will',
  'please',
  'click',
  'here',
  'answer',
  'group',
  'check-in',
  'checkin',
  'close',
  'cancel',
  'save',
  'help',
  'language',
  'timezone',
  'from',
  'what',
  'when',
  'nothing',
  'since',
  'tool',
  'question',
  'delete',
  'my',
  'of',
  'only',
  'see',
  'write',
]);

function words(text: string): string[] {
  let rest = text;
  for (const allowed of ALLOWED) rest = rest.split(allowed).join(' ');
  return rest
    .toLowerCase()
    .split(/[^\p{L}\d-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Words (and letters) of the other language in text meant to be in `language`. */
export function otherLanguage(text: string, language: Language): string[] {
  const found = words(text).filter((w) => (language === 'en' ? DANISH.has(w) || /[æøå]/.test(w) : ENGLISH.has(w)));
  return [...new Set(found)];
}

/** A star that is emphasis (touching a word), not part of "**" and not a cron field or a times sign. */
const SINGLE_STAR = /(?<![*\s])\*(?!\*)|(?<!\*)\*(?![*\s])/;
const UNDERSCORE_EMPHASIS = /(?<![\p{L}\d_])_[^_\s][^_]*_(?![\p{L}\d_])/u;

/** Formatting the place shows as literal characters (or, for Teams, lines it runs together). */
export function unrendered(shown: Shown): string[] {
  const { slot, text } = shown;
  const problems: string[] = [];
  if (slot !== 'mrkdwn' && text.includes('`')) problems.push('backtick');
  if (slot === 'mrkdwn' && text.includes('**')) problems.push('** (Slack bolds with one *)');
  if (slot === 'teams-markdown' && SINGLE_STAR.test(text.replaceAll('**', ''))) problems.push('single * (Teams bolds with **)');
  if (slot === 'teams-markdown' && /(?<!\n)\n(?!\n)/.test(text)) problems.push('a single line break (Teams runs the lines together)');
  if (slot === 'plain' && (text.includes('**') || SINGLE_STAR.test(text))) problems.push('* in plain text');
  if (slot === 'plain' && UNDERSCORE_EMPHASIS.test(text)) problems.push('_x_ in plain text');
  return problems;
}

/** "påmindelse(r)", "answer(s)": one form with a letter in brackets instead of the right one. */
export const FAKED_PLURAL = /\p{L}\((?:r|s|er|e|ne|en)\)/u;

/** English words that end in s and still go with one ("1 is", "1 has"). */
const ENGLISH_ONE_OK = new Set(['is', 'was', 'has', 'does', 'needs', 'passes', 'plus', 'minus']);
/** Danish plurals that must not follow "1" (the forms that differ from the singular). */
const DANISH_PLURALS = new Set([
  'påmindelser',
  'personer',
  'medlemmer',
  'dage',
  'uger',
  'timer',
  'minutter',
  'gange',
  'måneder',
  'flere',
  'aftaler',
  'målinger',
  'grupper',
  'deltagere',
  'runder',
  'besvarelser',
]);

/** A count of one said in the plural: "1 replies", "1 påmindelser". */
export function pluralAfterOne(text: string, language: Language): string[] {
  const after = [...text.matchAll(/(?<![\d.,])\b1 ([\p{L}-]+)/gu)].map((m) => m[1]!.toLowerCase());
  return after.filter((w) => (language === 'en' ? w.endsWith('s') && !ENGLISH_ONE_OK.has(w) : DANISH_PLURALS.has(w)));
}
