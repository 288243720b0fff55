// Finding people by what an admin types, and telling people apart in lists. A name is only a
// hint: display names repeat and can be changed by their owner at any time, so a name that fits
// more than one person must never pick one of them (see polls/grant.ts).
import type { Person } from '../model/domain.ts';

const normal = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');

/** Everyone whose display name or full name is `typed` (any case; a leading "@" is ignored). */
export function peopleNamed(people: readonly Person[], typed: string): Person[] {
  const wanted = normal(typed.replace(/^@/, ''));
  if (wanted === '') return [];
  return people.filter((p) => normal(p.displayName) === wanted || (p.fullName != null && normal(p.fullName) === wanted));
}

/**
 * A short, stable handle that differs where names do not: the platform's own id for the person
 * (Slack's member id "U…", which Slack shows in the profile), cut short when it is long (Teams).
 */
export function handleOf(person: Person): string {
  const tail = person.externalId.slice(person.externalId.lastIndexOf(':') + 1);
  return tail.length > 12 ? `…${tail.slice(-6)}` : tail;
}

/**
 * A label per person that tells them apart within `people`: the display name, with the full name
 * when it differs, and the handle when two labels would still be the same. Keyed by Person.id.
 */
export function distinctLabels(people: readonly Person[]): Map<string, string> {
  const named = (p: Person, withHandle: boolean) => {
    const extra = p.fullName && normal(p.fullName) !== normal(p.displayName) ? [p.fullName] : [];
    if (withHandle) extra.push(handleOf(p));
    return extra.length > 0 ? `${p.displayName} (${extra.join(', ')})` : p.displayName;
  };
  const plain = new Map(people.map((p) => [p.id, normal(named(p, false))]));
  const counts = new Map<string, number>();
  for (const key of plain.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Map(people.map((p) => [p.id, named(p, (counts.get(plain.get(p.id)!) ?? 0) > 1)]));
}
