// The core's routing, built once from the list of features: every spelling of every command, and
// every button, form and job kind, each owned by exactly one feature. Two features claiming the
// same spelling, button, form or job is a programming error, refused when the list is built.
import { commandParser, type ParsedCommand, type Spelling } from './commands/parse.ts';
import type { ButtonSpec, CommandSpec, Feature, FormHandler } from './feature.ts';
import type { Language } from './model/domain.ts';

export interface Routing {
  parse(text: string): ParsedCommand<string>;
  command(name: string): CommandSpec | undefined;
  button(action: string): ButtonSpec | undefined;
  form(formId: string): FormHandler | undefined;
  /** Every command's name with its feature and spellings, for help and manifests. */
  commands: ReadonlyArray<{ feature: string; name: string; spec: CommandSpec }>;
}

export function buildRouting(features: readonly Feature[]): Routing {
  const owners = new Map<string, string>();
  const claim = (what: string, by: string) => {
    const owner = owners.get(what);
    if (owner) throw new Error(`${what} is claimed by both ${owner} and ${by}`);
    owners.set(what, by);
  };
  const commands = new Map<string, CommandSpec>();
  const buttons = new Map<string, ButtonSpec>();
  const forms = new Map<string, FormHandler>();
  const spellings: Spelling<string>[] = [];
  const listed: Array<{ feature: string; name: string; spec: CommandSpec }> = [];
  for (const feature of features) {
    for (const [name, spec] of Object.entries(feature.commands ?? {})) {
      claim(`command ${name}`, feature.name);
      commands.set(name, spec);
      listed.push({ feature: feature.name, name, spec });
      for (const language of ['da', 'en'] as const satisfies Language[]) {
        for (const phrase of spec.spellings[language]) {
          const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
          claim(`spelling "${words.join(' ')}"`, `${feature.name} (${name})`);
          spellings.push({ words, language, name });
        }
      }
    }
    for (const [action, spec] of Object.entries(feature.buttons ?? {})) {
      claim(`button ${action}`, feature.name);
      buttons.set(action, spec);
    }
    for (const [formId, handler] of Object.entries(feature.forms ?? {})) {
      claim(`form ${formId}`, feature.name);
      forms.set(formId, handler);
    }
    for (const kind of Object.keys(feature.jobs ?? {})) claim(`job ${kind}`, feature.name);
  }
  return {
    parse: commandParser(spellings),
    command: (name) => commands.get(name),
    button: (action) => buttons.get(action),
    form: (formId) => forms.get(formId),
    commands: listed,
  };
}

/** Whether a command's answer is a form, for the arguments it was given. */
export function commandOpensForm(spec: CommandSpec, args: string): boolean {
  return typeof spec.opensForm === 'function' ? spec.opensForm(args) : spec.opensForm === true;
}
