// Issue 20, point 4: one language per message. Every text of every catalogue, in Danish and in
// English, with a count of one and of two, is put in every place a message or a form has and
// rendered by Slack's, Teams' and the playground's own renderers. What a person would see must
// hold no word of the other language, no formatting the place shows as literal characters, and
// no plural faked with "(r)" or said wrong for one. Command hints must be commands Lederrum
// understands, and on Teams carry the @mention a channel message needs.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { MENTION } from '../../adapters/teams/text.ts';
import { chrome } from '../../adapters/playground/chrome.ts';
import { catalogue, commandHints, isSlashCommand, parseCommand, translate, type Language, type MessageKey } from '../../src/core/index.ts';
import { FAKED_PLURAL, otherLanguage, pluralAfterOne, unrendered } from './sweep-checks.ts';
import { shownEverywhere } from './sweep-platforms.ts';

const LANGUAGES = ['da', 'en'] as const;
const keys = Object.keys(catalogue) as MessageKey[];

/** Arguments that are counts (reviewed): a sweep fills them with 1 and 2, the rest with a neutral name. */
const COUNTS = new Set([
  'answered',
  'count',
  'days',
  'edited',
  'failed',
  'grace',
  'hours',
  'invited',
  'k',
  'length',
  'level',
  'max',
  'minutes',
  'n',
  'number',
  'present',
  'reminders',
  'responded',
  'score',
  'sent',
  'sequence',
  'step',
  'steps',
  'threshold',
  'total',
  'wave',
]);

/** The arguments a text reads, and which of them its own plural or number forms treat as counts. */
function argumentsOf(text: string, language: Language): Map<string, boolean> {
  const found = new Map<string, boolean>();
  const walk = (elements: Array<{ type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }>): void => {
    for (const element of elements) {
      if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') found.set(element.value, found.get(element.value) || element.type === 2 || element.type === 6);
      for (const option of Object.values(element.options ?? {})) walk(option.value as typeof elements);
    }
  };
  walk(new IntlMessageFormat(text, language, undefined, { ignoreTag: true }).getAst() as unknown as Parameters<typeof walk>[0]);
  return found;
}

function rendered(key: MessageKey, language: Language, count: number): string {
  const params = Object.fromEntries([...argumentsOf(catalogue[key][language], language)].map(([name, isCount]) => [name, isCount || COUNTS.has(name) ? count : 'Nord']));
  return translate(language, key, params);
}

describe('the language sweep over every catalogue text, on every platform', () => {
  it('covers every text there is', () => {
    expect(keys.length).toBeGreaterThan(500);
  });

  for (const language of LANGUAGES) {
    it(`shows ${language === 'da' ? 'Danish' : 'English'} texts with no word of the other language, no unrendered formatting and no faked plural`, () => {
      const problems: string[] = [];
      for (const key of keys) {
        for (const count of [1, 2]) {
          const text = rendered(key, language, count);
          if (FAKED_PLURAL.test(text)) problems.push(`${key} (${language}): faked plural in “${text}”`);
          for (const word of pluralAfterOne(text, language)) problems.push(`${key} (${language}): “1 ${word}”`);
          // The same problem on several platforms is one line, naming them.
          const seen = new Map<string, Set<string>>();
          const note = (problem: string, where: string) => seen.set(problem, (seen.get(problem) ?? new Set()).add(where));
          for (const shown of shownEverywhere(text, language)) {
            for (const word of otherLanguage(shown.text, language)) note(`other language “${word}”`, shown.platform);
            for (const problem of unrendered(shown)) note(`${problem} in “${shown.text}”`, `${shown.platform} ${shown.slot}`);
          }
          for (const [problem, where] of seen) problems.push(`${key} (${language}): ${problem} [${[...where].join(', ')}]`);
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }

  it('finds the words of the other language in the playground page’s own texts too, and no faked plural', () => {
    const problems = Object.entries(chrome).flatMap(([key, text]) =>
      LANGUAGES.flatMap((language) => [
        ...otherLanguage(text[language], language).map((w) => `${key} (${language}): “${w}”`),
        ...(FAKED_PLURAL.test(text[language]) ? [`${key} (${language}): faked plural`] : []),
      ]),
    );
    expect(problems).toEqual([]);
  });
});

describe('command hints', () => {
  const hints = keys.flatMap((key) => LANGUAGES.flatMap((language) => commandHints(catalogue[key][language]).map((hint) => ({ key, language, hint }))));

  it('are commands Lederrum understands (or a platform’s own slash command)', () => {
    expect(hints.length).toBeGreaterThan(100);
    const unknown = hints.filter(({ hint }) => !isSlashCommand(hint) && !hint.includes('{') && parseCommand(hint).kind !== 'known');
    expect(unknown.map(({ key, language, hint }) => `${key} (${language}): ${hint}`)).toEqual([]);
  });

  it('carry the @mention on Teams, so one typed as shown in a channel reaches Lederrum, and work typed in a personal chat too', () => {
    const text = translate('da', 'checkin.started', { sequence: 2 });
    const teams = shownEverywhere(text, 'da').filter((s) => s.platform === 'teams');
    expect(teams.some((s) => s.text.includes(`**${MENTION} tjekind afrunding**`))).toBe(true);
    expect(teams.filter((s) => s.slot === 'plain').every((s) => s.text.includes(`“${MENTION} tjekind afrunding”`))).toBe(true);
    expect(parseCommand(`${MENTION} tjekind afrunding`)).toMatchObject({ kind: 'known', args: '' });
    // Slack and the playground keep the hint as code; a platform's own slash command gets no mention.
    const slack = shownEverywhere(text, 'da').filter((s) => s.platform === 'slack' && s.slot === 'mrkdwn');
    expect(slack.some((s) => s.text.includes('`tjekind afrunding`'))).toBe(true);
    const invite = shownEverywhere(translate('en', 'error.not_in_conversation'), 'en').filter((s) => s.platform === 'teams');
    expect(invite.every((s) => !s.text.includes(`${MENTION} /invite`))).toBe(true);
  });
});
