// The ports the core needs (ARCHITECTURE rule 1). src/store implements Store with Prisma;
// the composition root builds a Deliverer that routes to each platform's adapter.
import type { Group, Person, Platform } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import type { Actor } from './model/events.ts';
import type { AgreementStore } from './agreements/model.ts';
import type { CheckinStore } from './checkins/model.ts';
import type { GroupStore } from './groups/model.ts';
import type { PeopleStore } from './people/model.ts';
import type { OverviewStore } from './people/overview-model.ts';
import type { RoleStore } from './people/roles-model.ts';
import type { ToolStore } from './tools/model.ts';
import type { PollControlStore, PollRegions, PollStore } from './polls/model.ts';
import type { PersonalExportStore } from './people/export-model.ts';
import type { ForgetStore } from './people/forget-model.ts';
import type { RetentionStore } from './people/retention-model.ts';
import type { WellbeingStore } from './wellbeing/model.ts';
import type { JobKind, JobPayload, JobPayloadInput } from './planning/payloads.ts';

export interface Clock {
  now(): Date;
}

/** A group's recurring check-in: when it opens and, optionally, when it closes. */
export interface CheckinPlan {
  open: { cron: string; everyNthWeek: 1 | 2 };
  close: { cron: string; everyNthWeek: 1 | 2 } | null;
}

/**
 * The scheduler as the core sees it: plans one-shot jobs (a closing, a nudge) and a group's
 * recurring opening. The scheduler delivers each occurrence exactly once, to Lederrum.runJob.
 */
export interface Planner {
  once<K extends JobKind>(job: PlannedJob<K>): Promise<void>;
  cancel(kind: JobKind, subject: string): Promise<void>;
  setCheckinPlan(group: Group, plan: CheckinPlan | null): Promise<void>;
  /** A person's own recurring job (the weekly prompt), by cron in their zone; null stops it. */
  setPersonal<K extends JobKind>(kind: K, person: Person, plan: { cron: string; timeZone: string; payload: JobPayloadInput<K> } | null): Promise<void>;
  /** When a person's own recurring job next runs; null when none is planned (never set, or stopped). */
  personalNext(kind: JobKind, person: Person): Promise<Date | null>;
  checkinPlan(groupId: string): Promise<CheckinPlan | null>;
  /** The next occurrences of a spec after `after`, in the zone (for previews and for closing times). */
  next(spec: { cron: string; everyNthWeek: 1 | 2 }, timeZone: string, after: Date, count: number): Date[];
}

export type { JobKind, JobPayload, JobPayloadInput } from './planning/payloads.ts';

/** A one-shot job to plan: its payload is what its kind's handler reads (schedule/payloads.ts). */
export type PlannedJob<K extends JobKind> = { kind: K; subject: string; groupId: string | null; at: Date } & (Record<string, never> extends JobPayloadInput<K>
  ? { payload?: JobPayloadInput<K> }
  : { payload: JobPayloadInput<K> });

/** One occurrence as the scheduler stored it, handed to the core: its kind and payload not yet checked. */
export interface Occurrence {
  kind: string;
  subject: string;
  groupId: string | null;
  payload: unknown;
  at: Date;
}

/** One occurrence the core acts on: its kind known, its payload checked. */
export interface Job<K extends JobKind = JobKind> {
  kind: K;
  subject: string;
  groupId: string | null;
  payload: JobPayload<K>;
  at: Date;
}

/**
 * Everything the core keeps, as one port: each feature declares its own part beside it, and
 * src/store implements them all. Handlers take it whole through CoreDeps.store.
 */
export interface Store
  extends PeopleStore,
    RoleStore,
    GroupStore,
    CheckinStore,
    OverviewStore,
    ToolStore,
    AgreementStore,
    PollStore,
    PollRegions,
    PollControlStore,
    PersonalExportStore,
    ForgetStore,
    RetentionStore,
    WellbeingStore {}

export interface OutboundFile {
  name: string;
  mimeType: string;
  content: string;
  title: string;
  /** Shown with the file in the chat. */
  comment: string;
}

export interface Destination {
  platform: Platform;
  conversationId: string;
}

export interface Deliverer {
  /** Posts to a group conversation, optionally as a reply in a message's thread. Returns the new message's ref. */
  post(to: Destination, message: Message, options?: { threadOf?: string }): Promise<string>;
  update(to: Destination, messageRef: string, message: Message): Promise<void>;
  /** A private message from the bot to one person. */
  sendPrivate(person: Person, message: Message): Promise<void>;
  /**
   * A file in the person's private chat with the bot, where the platform lets a bot send one.
   * Absent where it does not (the message then carries a download link only).
   */
  sendFile?(person: Person, file: OutboundFile): Promise<void>;
  /** Whether sendFile works for people on this platform, so the core offers files only where they arrive. */
  canSendFile?(platform: Platform): boolean;
  /**
   * The people in a group conversation, where the platform keeps that list (a Slack channel, a
   * Teams roster): there a group's membership follows the conversation's. Null elsewhere.
   */
  membersOf?(to: Destination): Promise<Actor[] | null>;
  /** Creates a group conversation, where the platform lets a bot do that (the playground does). */
  createConversation?(platform: Platform, name: string, memberExternalIds: string[]): Promise<string>;
}

/** A private message for one person. */
export interface PrivateLetter {
  to: Person;
  message: Message;
}

/** Several private messages that belong together (a poll's invitations, one reminder moment). */
export interface FanOut {
  /** Unique for this fan-out ("poll.invite:<poll>"); with each recipient it keys a message, so a repeated run records nothing twice. */
  key: string;
  /** After this the moment has passed: what is not sent by then is dropped (and logged). */
  deadline: Date;
  /** Whoever started it hears, once every message is settled, how many arrived (only when not all did). */
  report?: { to: Person; kind: FanOutKind; title: string };
}

export type FanOutKind = 'poll.invitations';

/**
 * The outbox (ARCHITECTURE rule 11): records one message per recipient, all at once, and
 * returns; workers deliver, pace and retry them, each on its own, on any replica.
 */
export interface Outbox {
  enqueue(fanOut: FanOut, letters: PrivateLetter[]): Promise<{ recorded: number }>;
  /**
   * Messages not yet on their way whose moment has gone (the poll closed or was cancelled, the
   * round closed) are not sent: every row whose key starts with one of `prefixes`. `silently`:
   * whoever started their fan-outs is not told (the fan-out itself was called off).
   */
  withdraw(prefixes: string[], options?: { silently?: boolean }): Promise<{ withdrawn: number }>;
}

/**
 * A change and the messages it causes, recorded together or not at all: a crash between them
 * can leave neither a poll opened without its invitations nor invitations to a poll still
 * closed. The messages go out once the change is committed.
 */
export interface UnitOfWork {
  atomically<T>(work: (scope: { store: Store; outbox: Outbox }) => Promise<T>): Promise<T>;
}

export interface Logger {
  /** Detail for finding a fault (LOG_LEVEL=debug): platform SDK chatter, each request's kind. */
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
