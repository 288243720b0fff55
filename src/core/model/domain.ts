// The neutral domain model: what Lederrum knows about people, groups and check-ins,
// independent of any platform or database.
import type { NudgeLevel } from '../planning/nudge-policies.ts';

export type Language = 'da' | 'en';
export const LANGUAGES: readonly Language[] = ['da', 'en'];

/** A platform locale ("da-DK", "en-GB") as one of Lederrum's languages; others have none. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'da' || prefix === 'en' ? prefix : undefined;
}

/** Roles within a group. */
export type GroupRole = 'member' | 'facilitator';
/** Roles that reach across groups in a workspace (used by the polls issue). */
export type WorkspaceRoleName = 'hr' | 'admin';

/** The platforms Lederrum speaks: a new adapter adds its name here, and nowhere else in the core. */
export const PLATFORMS = ['slack', 'teams', 'playground'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * A workspace: one Slack team ("slack:T…"), one Teams tenant ("teams:<tenant id>") or the
 * playground ("playground"). Workspaces are walls (ARCHITECTURE rule 10): people, groups, polls
 * and roles belong to exactly one, and every read on behalf of a person stays inside theirs.
 */
export type WorkspaceId = string & { readonly __brand: 'WorkspaceId' };

/**
 * The one way to name a workspace, so a platform name can never stand in for one: the Slack
 * team or Enterprise org id, the Teams tenant id; the playground is a single workspace.
 */
export function workspaceOf(platform: Platform, key?: string): WorkspaceId {
  if (platform === 'playground') return 'playground' as WorkspaceId;
  return `${platform}:${key && key.length > 0 ? key : 'unknown'}` as WorkspaceId;
}

/** A stored workspace name back to the type (the store wrote it through workspaceOf). */
export function storedWorkspace(value: string): WorkspaceId {
  return value as WorkspaceId;
}

export interface Person {
  id: string;
  platform: Platform;
  workspace: WorkspaceId;
  externalId: string;
  displayName: string;
  /** The full (real) name where the platform keeps one apart from the display name; the store always fills it (or null). */
  fullName?: string | null;
  locale: Language | null;
  timeZone: string | null;
  /** How and when this person may be reminded; the store always fills it. */
  nudges?: NudgePreferences;
}

export interface NudgePreferences {
  level: NudgeLevel;
  /** "HH:MM" in the person's own time zone, on ISO weekdays (1 = Monday). */
  workStart: string;
  workEnd: string;
  workDays: number[];
  pausedUntil: Date | null;
}

export interface Group {
  id: string;
  platform: Platform;
  workspace: WorkspaceId;
  conversationId: string;
  name: string;
  language: Language;
  timeZone: string;
  /** Days no check-in opens and no one is reminded; the store always fills these. */
  danishHolidays?: boolean;
  skipDays?: string[];
  /** A theme chosen for the next check-in. */
  nextTheme?: string | null;
}

export interface Membership {
  groupId: string;
  person: Person;
  role: GroupRole;
  joinedAt: Date;
  leftAt: Date | null;
}

/** A member as a list of a group's members shows them: who, by name, in which role (a Membership is one). */
export interface Member {
  person: Pick<Person, 'id' | 'displayName'>;
  role: GroupRole;
}

export type RoundKind = 'since_last' | 'take_away';

export type Status = 'open' | 'closed';

export interface Round {
  id: string;
  checkinId: string;
  kind: RoundKind;
  status: Status;
  openedAt: Date;
  closedAt: Date | null;
  messageRef: string | null;
  /** When the facilitator sent the round's one nudge to those who had not answered; null until then. */
  nudgedAt: Date | null;
}

export interface Checkin {
  id: string;
  groupId: string;
  sequence: number;
  status: Status;
  openedAt: Date;
  closedAt: Date | null;
  rounds: Round[];
  /** A prompt theme given to this check-in, when the facilitator chose one. */
  theme?: string | null;
}

/** A member's answer to a round. In the take-away round the answer is the takeaway. */
export interface Answer {
  id: string;
  roundId: string;
  personId: string;
  text: string | null;
  passed: boolean;
  /** Takeaways are private to their author unless shared; since-last answers are always shared. */
  shared: boolean;
  replyRef: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One member's presence at one closed check-in. */
export interface AttendanceMark {
  checkinId: string;
  sequence: number;
  personId: string;
  present: boolean;
}
