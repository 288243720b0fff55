// The core's routing comes from the list of features: each command, button, form and job has one
// owner, a second claim is refused when the list is built, and the catalogue is exactly the core's
// texts plus every feature's.
import { describe, expect, it } from 'vitest';
import { FEATURES, helpIn as help, JOB_HANDLERS, ROUTING } from '../../src/core/features.ts';
import { buildRouting } from '../../src/core/routing.ts';
import { COMMAND_ROLES, defineFeature } from '../../src/core/feature.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { catalogueParts, coreTexts } from '../../src/core/i18n/catalogue.ts';
import { understand } from '../../src/core/lederrum.ts';
import { JOB_KINDS } from '../../src/core/planning/payloads.ts';
import type { Place } from '../../src/core/index.ts';

const reply = () => ({ kind: 'message' as const, message: { text: '', blocks: [] } });
const group: Place = { kind: 'group', conversationId: 'C1' };
const direct: Place = { kind: 'direct', conversationId: 'D1' };

describe('the feature list', () => {
  it('gives every job kind exactly one handler, from the feature that owns it', () => {
    expect(Object.keys(JOB_HANDLERS).sort()).toEqual([...JOB_KINDS].sort());
    const owned = FEATURES.flatMap((feature) => Object.keys(('jobs' in feature && feature.jobs) || {}));
    expect(owned.sort()).toEqual([...JOB_KINDS].sort());
  });

  it('makes the catalogue of the core’s own texts and every feature’s, nothing else', () => {
    const parts: readonly object[] = catalogueParts;
    expect(parts).toEqual([...coreTexts, ...FEATURES.flatMap((feature): readonly object[] => feature.texts)]);
  });

  it('has a Danish spelling for every command, and names each one once', () => {
    for (const { name, spec } of ROUTING.commands) expect(spec.spellings.da.length, name).toBeGreaterThan(0);
    const names = ROUTING.commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses two features claiming the same spelling, button, form or job', () => {
    const one = defineFeature({ name: 'one', commands: { a: { role: 'member', spellings: { da: ['hej'], en: [] }, run: reply } }, texts: [] });
    const spelling = defineFeature({ name: 'two', commands: { b: { role: 'member', spellings: { da: [], en: ['HEJ'] }, run: reply } }, texts: [] });
    expect(() => buildRouting([one, spelling])).toThrow(/spelling "hej" is claimed by both one \(a\) and two \(b\)/);
    const button = (name: string) => defineFeature({ name, buttons: { x: { run: reply } }, texts: [] });
    expect(() => buildRouting([button('one'), button('two')])).toThrow(/button x/);
    const form = (name: string) => defineFeature({ name, forms: { f: reply }, texts: [] });
    expect(() => buildRouting([form('one'), form('two')])).toThrow(/form f/);
    const job = (name: string) => defineFeature({ name, jobs: { 'poll.open': async () => {} }, texts: [] });
    expect(() => buildRouting([job('one'), job('two')])).toThrow(/job poll.open/);
  });

  it('matches the longest spelling first, whatever order the features list them in', () => {
    const short = defineFeature({ name: 'short', commands: { start: { role: 'member', spellings: { da: ['start'], en: [] }, run: reply } }, texts: [] });
    const long = defineFeature({ name: 'long', commands: { 'x.start': { role: 'member', spellings: { da: ['x start'], en: [] }, run: reply } }, texts: [] });
    expect(buildRouting([short, long]).parse('X start nu')).toMatchObject({ name: 'x.start', args: 'nu', length: 2 });
  });
});

describe('what a command or button asks for, read once', () => {
  const opens = (text: string, place: Place = direct) => understand({ type: 'command', text, place }).opensForm;

  it('knows which commands answer with a form, for the arguments given', () => {
    for (const text of ['gruppe opret', 'group add', 'gruppe fjern', 'plan', 'modenhed', 'aftale', 'prøvehandling', 'måling', 'værktøj 1', 'slet data', 'hr tildel']) {
      expect(opens(text), text).toBe(true);
    }
    for (const text of ['hjælp', 'tjekind start', 'værktøj', 'slet data <@U1>', 'hr', 'overblik', 'sludder']) expect(opens(text), text).toBe(false);
  });

  it('offers a form for a bare command only in a conversation', () => {
    expect(opens('/lederrum', group)).toBe(true);
    expect(opens('/lederrum', direct)).toBe(false);
  });

  it('knows which buttons open a form', () => {
    expect(understand({ type: 'button_pressed', action: 'round.answer' }).opensForm).toBe(true);
    expect(understand({ type: 'button_pressed', action: 'round.pass' }).opensForm).toBe(false);
    expect(understand({ type: 'button_pressed', action: 'no.such.button' })).toMatchObject({ kind: 'button', opensForm: false, spec: undefined });
  });
});

describe('help, made from the features', () => {
  /** Help's parts by their titles: who may use the commands listed in each. */
  const partsOf = (language: 'da' | 'en') => new Map(help(language).blocks.flatMap((block) => (block.type === 'section' && block.title ? [[block.title, block.text] as const] : [])));

  it('names every command in both languages: each one’s first spelling is on a line', () => {
    for (const language of ['da', 'en'] as const) {
      const text = help(language).text;
      for (const { name, spec } of ROUTING.commands) {
        const spelling = spec.spellings[language][0] ?? spec.spellings.da[0]!;
        expect(text, `${language}: ${name}`).toContain(`\`${spelling}`);
      }
    }
  });

  it('lists every command in the part of the role that may use it, and in no other part', () => {
    for (const language of ['da', 'en'] as const) {
      const parts = partsOf(language);
      expect([...parts.keys()]).toEqual(COMMAND_ROLES.map((role) => translate(language, `help.role.${role}`)));
      for (const { name, spec } of ROUTING.commands) {
        const spelling = `\`${spec.spellings[language][0] ?? spec.spellings.da[0]!}`;
        const own = translate(language, `help.role.${spec.role}`);
        expect(parts.get(own), `${language}: ${name} for ${spec.role}`).toContain(spelling);
        for (const [title, text] of parts) if (title !== own) expect(text, `${language}: ${name} also under ${title}`).not.toContain(spelling);
      }
    }
  });

  it('has the commands the first week needs, under the roles that use them', () => {
    const parts = partsOf('da');
    const under = (role: (typeof COMMAND_ROLES)[number]) => parts.get(translate('da', `help.role.${role}`)) ?? '';
    for (const command of ['modenhed', 'spørgsmål', 'ugens spørgsmål', 'gruppe opret', 'overblik', 'aftale']) expect(under('member')).toContain(`\`${command}`);
    for (const command of ['tjekind start', 'tjekind plan', 'gruppe tilføj', 'deltagelse']) expect(under('facilitator')).toContain(`\`${command}`);
    expect(under('hr')).toContain('`måling`');
    expect(under('admin')).toContain('`hr tildel');
    expect(under('admin')).toContain('`slet data');
  });

  it('puts a text no command matched first', () => {
    expect(help('en', 'sludder').text.split('\n')[0]).toContain('sludder');
  });
});
