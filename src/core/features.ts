// The list of features the core answers for. A new feature is its folder (with a feature.ts)
// and a line here; a new command, button, form or job is a line in its feature's feature.ts.
import type { JobHandlers, Turn } from './context.ts';
import type { JobKind } from './ports.ts';
import { buildRouting } from './routing.ts';
import { defineFeature } from './feature.ts';
import { helpMessage } from './help.ts';
import type { Language } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import { groupsFeature } from './groups/feature.ts';
import { checkinsFeature } from './checkins/feature.ts';
import { planningFeature } from './planning/feature.ts';
import { toolsFeature } from './tools/feature.ts';
import { agreementsFeature } from './agreements/feature.ts';
import { pollsFeature } from './polls/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { wellbeingFeature } from './wellbeing/feature.ts';
import { onboardingFeature } from './onboarding/feature.ts';

/** `hjælp` / `help`: in the person's own language where they chose one, else the spelling's. */
const helpFeature = defineFeature({
  name: 'help',
  commands: {
    help: {
      role: 'member',
      spellings: { da: ['hjælp', 'hjaelp'], en: ['help'] },
      help: 'help.help',
      run: (turn, _args, language) => ({ kind: 'message', message: personalHelp(turn, language) }),
    },
  },
  // Its texts are the core's own (i18n/frames.ts), with the errors every feature shares.
  texts: [],
});

export const FEATURES = [groupsFeature, checkinsFeature, planningFeature, agreementsFeature, toolsFeature, pollsFeature, peopleFeature, wellbeingFeature, onboardingFeature, helpFeature] as const;

/** Every job kind's handler, from the feature that owns it: a kind no feature handles does not compile. */
export const JOB_HANDLERS: JobHandlers<JobKind> = {
  ...checkinsFeature.jobs,
  ...toolsFeature.jobs,
  ...agreementsFeature.jobs,
  ...pollsFeature.jobs,
  ...peopleFeature.jobs,
  ...wellbeingFeature.jobs,
};

type CommandsOf<F> = F extends { commands: infer C } ? Extract<keyof C, string> : never;
/** Every command's name, as the features declare them. */
export type CommandName = CommandsOf<(typeof FEATURES)[number]>;

export const ROUTING = buildRouting(FEATURES);

/** The help message: every command's line, by who may use it; after a text no command matched, that first. */
export function helpIn(language: Language, unknownText?: string): Message {
  return helpMessage(language, HELP_LINES, unknownText);
}

/** Help asked for by the person: in the language they chose, else their profile's, else `fallback`. */
export function personalHelp(turn: Turn, fallback: Language): Message {
  return helpIn(turn.person.locale ?? turn.event.actor.locale ?? fallback);
}

const HELP_LINES = ROUTING.commands.flatMap(({ spec }) => (spec.help ? [{ role: spec.role, line: spec.help }] : []));

/** The command a text asks for, by the features' spellings. */
export const parseCommand = (text: string) => ROUTING.parse(text);
