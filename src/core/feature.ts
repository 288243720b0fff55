// What a feature is to the core: one object that says which commands, buttons, forms and
// scheduled jobs it answers (with their handlers), and which catalogue texts it brings. The core
// builds its routing from the list of features (features.ts), so a new command is a line in its
// feature's file, not a case in a central switch.
import type { CoreDeps, Turn } from './context.ts';
import type { Language } from './model/domain.ts';
import type { InboundEvent } from './model/events.ts';
import type { Reply } from './model/messages.ts';
import type { Job, JobKind } from './ports.ts';
import type { MessageKey } from './i18n/catalogue.ts';

/** Some job kinds' handlers (a feature's own); features.ts checks that together they cover every kind. */
export type SomeJobHandlers = { readonly [K in JobKind]?: (deps: CoreDeps, job: Job<K>) => Promise<void> };

export type FormTurn = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

/**
 * Who may use a command, as help groups them: anyone, a group's facilitator, a person with the
 * workspace's HR role, or a workspace admin. Help shows each command under its role; the handler
 * itself still checks (help only tells).
 */
export const COMMAND_ROLES = ['member', 'facilitator', 'hr', 'admin'] as const;
export type CommandRole = (typeof COMMAND_ROLES)[number];

/** A command as people type it: every spelling a phrase of words, in each language. */
export interface CommandSpec {
  /** Who may use it: its line in help, or the line that names it, is in that role's part. */
  role: CommandRole;
  /** Danish and English phrases. Matching ignores case; the longest phrase wins. */
  spellings: { da: readonly string[]; en: readonly string[] };
  /**
   * Whether the answer is a form, for these arguments: adapters whose form triggers expire within
   * seconds (Slack) open a placeholder at once when it is, then fill it.
   */
  opensForm?: boolean | ((args: string) => boolean);
  /** Its line in `hjælp` / `help`; a command another's line already names (`gruppe fjern` beside `gruppe tilføj`) has none. */
  help?: MessageKey;
  /** `language` is the language of the spelling that matched. */
  run(turn: Turn, args: string, language: Language): Promise<Reply> | Reply;
}

export interface ButtonSpec {
  opensForm?: boolean;
  run(turn: Turn, value: string): Promise<Reply> | Reply;
}

export type FormHandler = (turn: FormTurn) => Promise<Reply> | Reply;

export type Texts = Readonly<Record<string, { readonly da: string; readonly en: string }>>;

export interface Feature {
  /** For messages about the feature list itself (a duplicate spelling names both features). */
  name: string;
  commands?: Readonly<Record<string, CommandSpec>>;
  buttons?: Readonly<Record<string, ButtonSpec>>;
  forms?: Readonly<Record<string, FormHandler>>;
  /** Its scheduled jobs' handlers; their payloads' schemas are in the feature's payloads.ts. */
  jobs?: SomeJobHandlers;
  /** The catalogue entries the feature's messages use (joined in i18n/catalogue.ts; a test checks both agree). */
  texts: readonly Texts[];
}

/** Checks a feature's shape while keeping its literal command names and job kinds in its type. */
export function defineFeature<const F extends Feature>(feature: F): F {
  return feature;
}
