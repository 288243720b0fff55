// Buttons and forms carry ids in their values, and a value travels through the person's own
// client: anyone can send any value, naming anything. So every id a handler reads from a value
// is checked against the acting person and its parents (follow-up → agreement → group → the
// person's membership) before anything is read out or changed. A value that fails gets one
// refusal, to that person only, and nothing is written or posted. The domains load their own
// things (a round, an agreement, a tool session); this file holds what they share.
import { LederrumError } from './errors.ts';
import type { Group } from './model/domain.ts';
import type { Turn } from './context.ts';

/**
 * The refusal for a value that names something that is not the person's, or nothing any more.
 * One wording for both, so a refusal never tells whether someone else's thing exists.
 */
export function notYours(what: string): LederrumError {
  return new LederrumError('NOT_YOURS', 'error.not_yours', { detail: `NOT_YOURS: ${what}` });
}

/** A value cut at `separator` into `min`..`max` non-empty parts ("agreement/follow-up"), or refused. */
export function valueParts(value: string, separator: string, min: number, max: number, what: string): string[] {
  const parts = value.split(separator);
  if (parts.length < min || parts.length > max || parts.some((part) => part.trim() === '')) throw notYours(`malformed ${what}`);
  return parts;
}

/** The group a value names, when the person is (still) a member of it; it becomes the turn's group. */
export async function memberGroup(turn: Turn, groupId: string): Promise<Group> {
  const group = (await turn.deps.store.groupsOf(turn.person.id)).find((g) => g.id === groupId);
  if (!group) throw notYours('group');
  turn.group = group;
  return group;
}
