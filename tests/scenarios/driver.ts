// The contract every adapter's scenario driver keeps (ARCHITECTURE rule 12, "Scenarios once,
// adapters many"). Scenarios speak in the user's words — a person says something in their group
// or privately, presses a button, fills in a form, and we look at what each person and each
// group was shown — and never in a platform's. A new adapter gets the whole suite by writing
// one driver (see drivers/).

export type Platform = 'slack' | 'teams' | 'playground';

/** Who exists before anything happens: the people of each workspace (Slack team, Teams tenant). */
export interface Cast {
  /** The first is the one everybody uses; a second only where the platform can install Lederrum twice side by side. */
  workspaces: Array<Array<{ name: string; admin?: boolean }>>;
}

export interface Person {
  readonly name: string;
  /** Index into Cast.workspaces. */
  readonly workspace: number;
}

export interface Group {
  readonly name: string;
  readonly facilitator: Person;
  /** Everyone in it, the facilitator included. */
  readonly members: readonly Person[];
}

export interface Button {
  label: string;
  /** The core's action, e.g. "round.answer". */
  action: string;
  value: string;
}

/** One thing a person or a group was shown. */
export interface Shown {
  /** 'group': everyone in a group conversation sees it; 'private': the person's own chat, modal or home; 'only-you': shown in a group conversation to one person only. */
  where: 'group' | 'private' | 'only-you';
  /** Every word of it, buttons' labels included. */
  text: string;
  buttons: Button[];
  /** The driver's own handle on where it lives, so a button in it can be pressed. */
  readonly at: unknown;
}

export interface FormField {
  id: string;
  label: string;
  /** For choices: what may be picked. */
  options: Array<{ value: string; label: string }>;
}

/** A form (Slack modal, Teams card, playground dialog) shown to one person. */
export interface ShownForm {
  /** The core's form id and state; a scenario may change them to forge a submission. */
  formId: string;
  state: string;
  text: string;
  fields: FormField[];
  readonly at: unknown;
}

export type Values = Record<string, string | boolean | string[]>;

/** 'group': the person's only group; 'private': their own chat with Lederrum. */
export type Where = 'group' | 'private' | Group;

/** A button as a forger would send it: any action, any value. */
export interface ForgedButton {
  action: string;
  value: string;
}

export interface Driver {
  readonly platform: Platform;
  /** Everyone in the cast, in its order. */
  readonly people: readonly Person[];
  person(name: string, workspace?: number): Person;
  /** How a message names this very person on the platform (Slack `<@U…>`, a Teams @mention, the playground's name). */
  mention(person: Person): string;
  /** Sets up a group the way the platform does (a channel made a group), with the facilitator. */
  createGroup(facilitator: Person, name: string, members: Person[]): Promise<Group>;
  say(person: Person, text: string, where: Where): Promise<void>;
  /** A button by its label or action in a message they were shown; or a forged one, sent from where they are. */
  press(person: Person, button: string | ForgedButton, inMessage: Shown | Where): Promise<void>;
  /** The next form shown to the person that they have not been handed yet. */
  nextForm(person: Person): Promise<ShownForm>;
  /** Fields left out keep what the form shows, as a person submitting it would send them. */
  submit(person: Person, form: ShownForm, values: Values): Promise<void>;
  /** Everything the person was shown: their private chat, only-you messages, forms addressed to them, and every group conversation they are in. */
  seenBy(person: Person): Promise<Shown[]>;
  /** What every member of the group sees in its conversation. */
  seenInGroup(group: Group): Promise<Shown[]>;
  /** Takes away the person's private route where the platform can lose one (Teams: the app removed from their personal scope); false where one always exists. */
  losePrivateRoute(person: Person): Promise<boolean>;
  /** Moves the clock to `iso`, running what falls due on the way. */
  runUntil(iso: string): Promise<void>;
  close(): Promise<void>;
}

export interface DriverFactory {
  readonly platform: Platform;
  /** How many workspaces the platform can have Lederrum installed in side by side. */
  readonly workspaces: 1 | 2;
  start(cast: Cast, options?: { now?: string }): Promise<Driver>;
}
