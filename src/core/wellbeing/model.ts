// A person's own WHO-5 entries as the store keeps them, and the port for it (issue 19, point 4).
// An entry is its author's alone: the only reads take the person and their workspace together,
// and only the well-being feature (this folder) calls them. No poll, HR or facilitator path does
// (tests/core/wellbeing-privacy.test.ts reads the sources to keep it so).
import type { Person } from '../model/domain.ts';

export interface WellbeingEntry {
  id: string;
  takenAt: Date;
  /** The five items, 0-5 each, in the instrument's order. */
  answers: number[];
  /** The WHO-5 index 0-100 the answers came to. */
  index: number;
}

export interface WellbeingStore {
  /** Saves an entry for the person, in their own workspace. */
  saveOwnWellbeing(person: Pick<Person, 'id' | 'workspace'>, entry: Omit<WellbeingEntry, 'id'>): Promise<WellbeingEntry>;
  /** The person's latest `limit` entries in their own workspace, oldest first. */
  ownWellbeing(person: Pick<Person, 'id' | 'workspace'>, limit: number): Promise<WellbeingEntry[]>;
}
