// People as the store keeps them, and the port for it: a person is refreshed from the platform
// on every event; a language, time zone or nudge setting they chose themselves stays theirs.
import type { Group, Language, Person, WorkspaceId } from '../model/domain.ts';
import type { Actor } from '../model/events.ts';

/** A person's own choices; null means "follow my platform profile again". */
export interface Preferences {
  locale?: Language | null;
  timeZone?: string | null;
}

export interface PeopleStore {
  /** Refreshes name and profile from the platform; a language or time zone the person chose stays. */
  upsertPerson(actor: Actor): Promise<Person>;
  /**
   * upsertPerson, and the group of the conversation the event came from (null when it is none):
   * every event in a group's channel needs both, and for a member they are one read. `member`:
   * the person is an active member of that group (as isMember would say).
   */
  personAt(actor: Actor, conversationId: string | null): Promise<{ person: Person; group: Group | null; member: boolean }>;
  setPreferences(personId: string, preferences: Preferences): Promise<Person>;
  setNudgePreferences(personId: string, nudges: Partial<NonNullable<Person['nudges']>>): Promise<Person>;
  /** Notes that the person has been welcomed: true only for the one call that found them not yet welcomed, on any replica. */
  markWelcomed(personId: string): Promise<boolean>;
  /** People by id, including those who have since left their groups. */
  people(ids: string[]): Promise<Person[]>;
  /** Everyone Lederrum knows in one workspace, by name: pickers never reach past it. */
  listPeople(workspace: WorkspaceId): Promise<Person[]>;
}
