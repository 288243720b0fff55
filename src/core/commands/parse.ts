// One command parser for every adapter: Danish and English words, any case, with or without a
// leading "/lederrum", "lederrum" or "@Lederrum" (as a Teams hint writes it, typed in a chat
// where it is no mention). The spellings come from the features (features.ts); this
// file only knows how to match words.
import type { Language } from '../model/domain.ts';

export interface Spelling<N extends string> {
  words: readonly string[];
  language: Language;
  name: N;
}

export type ParsedCommand<N extends string> =
  | { kind: 'known'; name: N; args: string; language: Language /** How many words the command itself took. */; length: number }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string };

/**
 * "Tjek-ind", "check-in" and "check in" all mean the same word. Only the command word is
 * rewritten: a group name such as "Tjek-ind Holdet" after "gruppe opret" stays as written.
 */
export function commandWords(text: string): string[] {
  return text
    .trim()
    .replace(/^[/@]?lederrum\b/i, '')
    .trimStart()
    .replace(/^(tjek|check)[-\s]?ind?\b/i, (match) => (/^tjek/i.test(match) ? 'tjekind' : 'checkin'))
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The words after a command's own: what a command was asked for with. */
export function argsAfter(text: string, length: number): string {
  return commandWords(text).slice(length).join(' ');
}

/** A parser for these spellings: the longest phrase that starts the text wins ("tjekind start" over "start"). */
export function commandParser<N extends string>(spellings: readonly Spelling<N>[]): (text: string) => ParsedCommand<N> {
  const longestFirst = [...spellings].sort((a, b) => b.words.length - a.words.length);
  return (text) => {
    const original = commandWords(text);
    const words = original.map((word) => word.toLowerCase());
    if (words.length === 0) return { kind: 'empty' };
    for (const spelling of longestFirst) {
      const head = words.slice(0, spelling.words.length);
      if (head.length === spelling.words.length && head.every((word, i) => word === spelling.words[i])) {
        return { kind: 'known', name: spelling.name, args: original.slice(spelling.words.length).join(' '), language: spelling.language, length: spelling.words.length };
      }
    }
    return { kind: 'unknown', text: text.trim() };
  };
}
