// What every handler needs: the ports, the person acting, and how to find "this group".
import { LederrumError } from './errors.ts';
import type { Group, Language, Membership, Person } from './model/domain.ts';
import type { InboundEvent } from './model/events.ts';
import type { Clock, Deliverer, Job, JobKind, Logger, Outbox, Planner, Store, UnitOfWork } from './ports.ts';
import type { ToolContent } from './tools/content-model.ts';
import type { Instrument } from './polls/instrument.ts';

export interface CoreDeps {
  store: Store;
  clock: Clock;
  deliverer: Deliverer;
  /** Where private messages are recorded for delivery; without one (unit tests) they are sent at once. */
  outbox?: Outbox;
  /** Records a change with the messages it causes in one transaction; without one (unit tests) the work just runs. */
  unitOfWork?: UnitOfWork;
  logger: Logger;
  defaultLanguage: Language;
  defaultTimeZone: string;
  /** The scheduler, where one runs: closings and nudges are planned through it. */
  planner?: Planner;
  /** The tool prompts, guided tools and maturity model from content/ (validated at start-up). */
  content?: ToolContent;
  /** Workspace admins named in configuration, as "platform:externalId" (they may grant the HR role). */
  admins?: ReadonlySet<string>;
  /** The published poll instruments from content/instruments (validated at start-up). */
  instruments?: Instrument[];
  /** Where a download link (a poll's CSV) points; unset where no public address is known. */
  publicUrl?: string;
  /** Signs download links; the composition root gives each process the same secret from config. */
  sign?: (text: string) => string;
  /** Days answers and finished agreements are kept, and days an uninstalled workspace's data waits (RETENTION_DEFAULTS when unset). */
  retention?: { days: number; uninstallGraceDays: number };
  /** For a random prompt; tests pass a fixed sequence. */
  random?: () => number;
}

/** A feature's scheduled jobs: for each kind, the handler that gets its checked payload. */
export type JobHandlers<K extends JobKind> = { [P in K]: (deps: CoreDeps, job: Job<P>) => Promise<void> };

/** Runs `work` as one unit of work where the app provides one: its store and outbox are the transaction's. */
export function atomically<T>(deps: CoreDeps, work: (deps: CoreDeps) => Promise<T>): Promise<T> {
  return deps.unitOfWork ? deps.unitOfWork.atomically((scope) => work({ ...deps, ...scope })) : work(deps);
}

/** One inbound event being handled, with the acting person already known to the store. */
export interface Turn<E extends InboundEvent = InboundEvent> {
  deps: CoreDeps;
  event: E;
  person: Person;
  /** The group this turn turned out to be about, once known: replies, errors included, use its language. */
  group?: Group;
  /** The group whose active member the person was found to be by the turn's first read (its channel's group). */
  memberOf?: string;
}

/** The language to answer a person in: the group's when there is one, else their own. */
export function languageOf(turn: Turn, group?: Group | null): Language {
  return group?.language ?? turn.group?.language ?? turn.person.locale ?? turn.event.actor.locale ?? turn.deps.defaultLanguage;
}

/** The language for what only this person sees (their own lists, forms and private replies): their own first. */
export function personalLanguage(turn: Turn): Language {
  return turn.person.locale ?? languageOf(turn);
}

/** The group a command is about: the channel's group, or in a private chat the person's only group. */
export async function groupHere(turn: Turn): Promise<Group> {
  const { store } = turn.deps;
  const { place, actor } = turn.event;
  if (place.kind === 'group') {
    const group = turn.group ?? (await store.findGroupByConversation(actor.platform, place.conversationId));
    if (!group) throw new LederrumError('NO_GROUP_HERE', 'error.no_group_here');
    turn.group = group;
    return group;
  }
  const groups = await store.groupsOf(turn.person.id);
  if (groups.length === 1) {
    turn.group = groups[0]!;
    return turn.group;
  }
  if (groups.length === 0) throw new LederrumError('NO_GROUP_HERE', 'error.no_groups');
  throw new LederrumError('WHICH_GROUP', 'error.which_group');
}

export interface Standing {
  memberships: Membership[];
  membership: Membership;
}

const notAMember = (group: Group) => new LederrumError('NOT_A_MEMBER', 'error.not_a_member', { params: { group: group.name } });

/** Refuses a person who is not an active member of the group; for a button pressed in the group's own channel, without a read. */
export async function assertMember(turn: Turn, group: Group): Promise<void> {
  if (turn.memberOf === group.id || (await turn.deps.store.isMember(group.id, turn.person.id))) return;
  throw notAMember(group);
}

export async function requireMember(turn: Turn, group: Group): Promise<Standing> {
  const memberships = await turn.deps.store.memberships(group.id);
  const membership = memberships.find((m) => m.person.id === turn.person.id);
  if (!membership) throw notAMember(group);
  return { memberships, membership };
}

export async function requireFacilitator(turn: Turn, group: Group): Promise<Standing> {
  const standing = await requireMember(turn, group);
  if (standing.membership.role !== 'facilitator') {
    const facilitators = standing.memberships
      .filter((m) => m.role === 'facilitator')
      .map((m) => m.person.displayName)
      .join(', ');
    // A facilitator's button sits in a message every member sees (a Slack or Teams channel): the
    // member who presses it did nothing wrong, and is told so.
    const key = turn.event.type === 'button_pressed' ? 'error.facilitator_button' : 'error.not_facilitator';
    throw new LederrumError('NOT_FACILITATOR', key, { params: { facilitators } });
  }
  return standing;
}

export function destinationOf(group: Group) {
  return { platform: group.platform, conversationId: group.conversationId };
}
